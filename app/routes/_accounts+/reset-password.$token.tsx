import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AccountFormCard, useAccountForm } from "~/components/account-form";
import { Field, FormCard, FormRouteError } from "~/components/forms";
import { isPlausibleToken, NEW_PASSWORD_HINT, newPasswordField } from "~/models/accounts/forms";
import { accountKey, isPasswordResetTokenUsable, resetPassword } from "~/models/accounts/user.server";
import { readDevice, trustDeviceFor } from "~/utils/device-cookie.server";
import { readFormData } from "~/utils/form-data.server";
import { clearLoginSessionCookie } from "~/utils/session.server";
import { href, withQuery } from "~/utils/href";

export const ResetPasswordSchema = z
  .object({
    password: newPasswordField("Choose a new password"),
    confirmPassword: z.string({ error: "Type the new password again" }).max(128, "A password has at most 128 characters"),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match" });

export const meta: MetaFunction = () => [{ title: "Choose a new password · Meeting Platform" }, { name: "robots", content: "noindex" }];

// The secret is in the URL: keep it out of the Referer header of any link followed from this page.
// Referrer-Policy: no-referrer comes with every secret URL (SECRET_URLS in app/server/security-headers.server.ts).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const LINK_GONE = { linkUsable: false } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  // 410 Gone: the page exists, this link no longer works (expired, used, or never issued).
  if (!isPlausibleToken(params.token) || !(await isPasswordResetTokenUsable(params.token))) return data(LINK_GONE, { status: 410 });
  return { linkUsable: true } as const;
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isPlausibleToken(params.token)) return data({ ...LINK_GONE, result: undefined }, { status: 410 });
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    return data({ linkUsable: true, result: submission.reply({ hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  const outcome = await resetPassword(params.token, submission.value.password);
  if (!outcome.ok) return data({ ...LINK_GONE, result: undefined }, { status: 410 });
  // Every sign-in of this user was just revoked, this browser's included: drop its cookie too.
  const headers = new Headers({ "Set-Cookie": await clearLoginSessionCookie() });
  // The reset proved the mailbox: this browser skips the account's sign-in
  // throttle from now on, so failed guesses by someone else cannot keep the owner out.
  headers.append("Set-Cookie", await trustDeviceFor(await readDevice(request), accountKey(outcome.email)));
  return redirect(withQuery(href.login(), { reset: "done" }), { headers });
}

export default function ResetPasswordPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAccountForm(ResetPasswordSchema, "reset-password", actionData?.result);

  if (!loaderData.linkUsable || actionData?.linkUsable === false) {
    return (
      <FormCard
        title="This link has expired or was already used"
        intro={
          <p>
            Password reset links work once, for 1 hour. Ask for a new one and use the newest email we send you.
          </p>
        }
      >
        <Link to={href.forgotPassword()} className="inline-flex w-full justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Send me a new link
        </Link>
      </FormCard>
    );
  }

  return (
    <AccountFormCard
      form={form}
      title="Choose a new password"
      intro="After this, you will be signed out on every device and can sign in with the new password."
      submitLabel="Set new password"
      pendingLabel="Saving…"
    >
      <Field meta={fields.password} label="New password" type="password" hint={NEW_PASSWORD_HINT} autoComplete="new-password" />
      <Field meta={fields.confirmPassword} label="Confirm new password" type="password" autoComplete="new-password" />
    </AccountFormCard>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not reset your password" formName="the reset form" retryTo={href.forgotPassword()} retryLabel="Ask for a new link" />;
}
