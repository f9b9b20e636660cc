import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormCard, FormErrors, FormRouteError, SubmitButton, useIsPending } from "~/components/forms";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { clientIp, limitSignIn, resetSignInLimit, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession } from "~/utils/session.server";

export const LoginSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "An email address has at most 254 characters")
    .pipe(z.email("Enter a valid email address, like name@example.org")),
  password: z.string({ error: "Enter your password" }).max(128, "A password has at most 128 characters"),
  redirectTo: z.string().max(2048).optional(),
});

export const meta: MetaFunction = () => [{ title: "Sign in · Meeting Platform" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData().catch(() => {
    throw new Response("Expected a form submission.", { status: 400 });
  });
  const submission = parseWithZod(formData, { schema: LoginSchema });
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
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const passwordChanged = searchParams.get("reset") === "done";
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: "onBlur",
  });
  const signupLink = redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup";

  return (
    <FormCard
      title="Sign in"
      intro={passwordChanged ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">Your password was changed. Sign in with your new password.</p> : null}
      footer={
        <>
          New here?{" "}
          <Link to={signupLink} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
        <div>
          <Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
          <p className="mt-2 text-sm">
            <Link to="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              Forgot your password?
            </Link>
          </p>
        </div>
        <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </Form>
    </FormCard>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not sign you in" formName="a sign-in form" retryTo="/login" retryLabel="Back to sign in" />;
}
