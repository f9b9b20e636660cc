import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AccountForm } from "~/components/account-form";
import { Field, FormRouteError } from "~/components/forms";
import { emailField, redirectToField } from "~/models/account-forms";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp, limitSignIn, resetSignInLimit, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession } from "~/utils/session.server";

export const LoginSchema = z.object({
  email: emailField,
  password: z.string({ error: "Enter your password" }).max(128, "A password has at most 128 characters"),
  redirectTo: redirectToField,
});

export const meta: MetaFunction = () => [{ title: "Sign in · Meeting Platform" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readFormData(request), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const ip = clientIp(request, context);
  const verdict = await limitSignIn(ip, normalizeEmail(email));
  if (!verdict.allowed) {
    return data(
      submission.reply({ formErrors: [tooManyAttemptsMessage("sign-in attempts", verdict.retryAfterSeconds)], hideFields: ["password"] }),
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    return data(submission.reply({ formErrors: ["Email or password is incorrect."], hideFields: ["password"] }), { status: 400 });
  }
  await resetSignInLimit(ip, normalizeEmail(email));
  const { setCookie } = await createLoginSession(user.id, request);
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": setCookie } });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <AccountForm
      form={form}
      title="Sign in"
      intro={
        searchParams.get("reset") === "done" ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">Your password was changed. Sign in with your new password.</p>
        ) : null
      }
      switchTo={{ question: "New here?", label: "Create an account", path: "/signup" }}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
    >
      <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
      <div>
        <Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
        <p className="mt-2 text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </div>
    </AccountForm>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not sign you in" formName="a sign-in form" retryTo="/login" retryLabel="Back to sign in" />;
}
