import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AccountForm, PendingAddNote, useAccountForm } from "~/components/account-form";
import { Field, FormRouteError } from "~/components/forms";
import { emailField, passwordField, redirectToField } from "~/models/accounts/forms";
import { attemptSignIn } from "~/models/accounts/sign-in.server";
import { pendingAddField } from "~/models/schedule/forms";
import { landingAfterSignIn, signInPageData } from "~/server/pending-add.server";
import { accountKey, normalizeEmail } from "~/models/accounts/user.server";
import { requireAnonymous } from "~/server/auth.server";
import { readFormData } from "~/utils/form-data.server";
import { readDevice, trustDeviceFor } from "~/utils/device-cookie.server";
import { clientIp, formatWait, limitSignIn, resetSignInLimit, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession } from "~/utils/session.server";
import { href } from "~/utils/href";

export const LoginSchema = z.object({
  email: emailField,
  password: passwordField(),
  redirectTo: redirectToField,
  add: pendingAddField,
});

export const meta: MetaFunction = () => [{ title: "Sign in · Meeting Platform" }];

export function loader({ request }: LoaderFunctionArgs) {
  return signInPageData(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readFormData(request), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { password, redirectTo } = submission.value;
  const email = normalizeEmail(submission.value.email);
  const ip = clientIp(request, context);
  // Per client address first: one address cannot try many accounts, or one account too often.
  const verdict = await limitSignIn(ip, email);
  if (!verdict.allowed) {
    return data(
      submission.reply({ formErrors: [tooManyAttemptsMessage("sign-in attempts", verdict.retryAfterSeconds)], hideFields: ["password"] }),
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  }
  // Then per account, across every address (sign-in.server.ts). Unknown
  // addresses are counted alike, so none of these answers says whether one exists.
  const device = await readDevice(request);
  const attempt = await attemptSignIn(email, password, device);
  if (!attempt.ok && attempt.reason === "throttled") {
    return data(submission.reply({ formErrors: [accountThrottledMessage(attempt.waitSeconds)], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(attempt.waitSeconds) },
    });
  }
  if (!attempt.ok) {
    const formErrors = ["Email or password is incorrect.", ...(attempt.waitSeconds > 0 ? [accountThrottledMessage(attempt.waitSeconds)] : [])];
    return data(submission.reply({ formErrors, hideFields: ["password"] }), { status: 400 });
  }
  await resetSignInLimit(ip, email);
  const headers = new Headers();
  headers.append("Set-Cookie", (await createLoginSession(attempt.user.id, request)).setCookie);
  // This browser knows the password: from now on it skips the account's throttle (device cookie).
  headers.append("Set-Cookie", await trustDeviceFor(device, accountKey(email)));
  return redirect(await landingAfterSignIn(attempt.user.id, safeRedirect(redirectTo, href.home()), submission.value.add), { headers });
}

/** The answer while an account's sign-ins wait: the same for every address, with a way in that needs no waiting. */
function accountThrottledMessage(waitSeconds: number): string {
  return `Too many failed sign-ins for this email address. Try again in ${formatWait(waitSeconds)}, or reset your password.`;
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const { pendingAdd } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useAccountForm(LoginSchema, "login", lastResult);
  return (
    <AccountForm
      form={form}
      title="Sign in"
      intro={
        searchParams.get("reset") === "done" ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">Your password was changed. Sign in with your new password.</p>
        ) : pendingAdd ? (
          <PendingAddNote pendingAdd={pendingAdd} action="Sign in" />
        ) : null
      }
      pendingAdd={pendingAdd}
      switchTo={{ question: "New here?", label: "Create an account", page: "signup" }}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
    >
      <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
      <div>
        <Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
        <p className="mt-2 text-sm">
          <Link to={href.forgotPassword()} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </div>
    </AccountForm>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not sign you in" formName="a sign-in form" retryTo={href.login()} retryLabel="Back to sign in" />;
}
