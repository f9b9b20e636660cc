import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormCard, FormErrors, FormRouteError, SubmitButton, useIsPending } from "~/components/forms";
import { createUser } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { clientIp, limitSignUp, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession } from "~/utils/session.server";

export const SignupSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(200, "A name has at most 200 characters"),
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "An email address has at most 254 characters")
    .pipe(z.email("Enter a valid email address, like name@example.org")),
  password: z
    .string({ error: "Choose a password" })
    .min(8, "Use at least 8 characters")
    .max(128, "A password has at most 128 characters"),
  redirectTo: z.string().max(2048).optional(),
});

export const meta: MetaFunction = () => [{ title: "Create an account · Meeting Platform" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData().catch(() => {
    throw new Response("Expected a form submission.", { status: 400 });
  });
  const submission = parseWithZod(formData, { schema: SignupSchema });
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
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    constraint: getZodConstraint(SignupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldRevalidate: "onBlur",
  });
  const loginLink = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";

  return (
    <FormCard
      title="Create an account"
      intro="Register for meetings, build your own schedule and take part in live Q&A."
      footer={
        <>
          Already have an account?{" "}
          <Link to={loginLink} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.name} label="Full name" hint="As it should appear on your badge, e.g. Jane Doe, MD." autoComplete="name" />
        <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
        <Field meta={fields.password} label="Password" type="password" hint="8 to 128 characters." autoComplete="new-password" />
        <SubmitButton pending={pending} pendingLabel="Creating your account…" className="w-full">
          Create account
        </SubmitButton>
      </Form>
    </FormCard>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not create your account" formName="the sign-up form" retryTo="/signup" retryLabel="Back to sign up" />;
}
