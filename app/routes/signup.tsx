import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { AccountForm } from "~/components/account-form";
import { Field, FormRouteError } from "~/components/forms";
import { emailField, redirectToField } from "~/models/account-forms";
import { createUser } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp, limitSignUp, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession } from "~/utils/session.server";

export const SignupSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(200, "A name has at most 200 characters"),
  email: emailField,
  password: z
    .string({ error: "Choose a password" })
    .min(8, "Use at least 8 characters")
    .max(128, "A password has at most 128 characters"),
  redirectTo: redirectToField,
});

export const meta: MetaFunction = () => [{ title: "Create an account · Meeting Platform" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readFormData(request), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const verdict = await limitSignUp(clientIp(request, context));
  if (!verdict.allowed) {
    return data(
      submission.reply({ formErrors: [tooManyAttemptsMessage("sign-ups from your network", verdict.retryAfterSeconds)], hideFields: ["password"] }),
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  }
  const { name, email, password, redirectTo } = submission.value;
  const created = await createUser({ name, email, password });
  if (!created.ok) {
    return data(
      submission.reply({
        fieldErrors: { email: ["An account with this email already exists. Sign in instead, or reset your password."] },
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  const { setCookie } = await createLoginSession(created.user.id, request);
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": setCookie } });
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    constraint: getZodConstraint(SignupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <AccountForm
      form={form}
      title="Create an account"
      intro="Register for meetings, build your own schedule and take part in live Q&A."
      switchTo={{ question: "Already have an account?", label: "Sign in", path: "/login" }}
      submitLabel="Create account"
      pendingLabel="Creating your account…"
    >
      <Field meta={fields.name} label="Full name" hint="As it should appear on your badge, e.g. Jane Doe, MD." autoComplete="name" />
      <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
      <Field meta={fields.password} label="Password" type="password" hint="8 to 128 characters." autoComplete="new-password" />
    </AccountForm>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not create your account" formName="the sign-up form" retryTo="/signup" retryLabel="Back to sign up" />;
}
