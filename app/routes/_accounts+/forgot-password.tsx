import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { AccountFormCard, useAccountForm } from "~/components/account-form";
import { Field, FormRouteError } from "~/components/forms";
import { emailField } from "~/models/accounts/forms";
import { createPasswordReset, normalizeEmail } from "~/models/accounts/user.server";
import { readFormData } from "~/utils/form-data.server";
import { limitPasswordResetRequest, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { href } from "~/utils/href";

export const ForgotPasswordSchema = z.object({ email: emailField });

export const meta: MetaFunction = () => [{ title: "Reset your password · Meeting Platform" }];

export async function loader(_args: LoaderFunctionArgs) {
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  }
  const email = normalizeEmail(submission.value.email);
  const verdict = await limitPasswordResetRequest(email);
  if (!verdict.allowed) {
    return data(
      { result: submission.reply({ formErrors: [tooManyAttemptsMessage("password reset requests for this email", verdict.retryAfterSeconds)] }), sent: false },
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  }
  await createPasswordReset(email);
  // The same answer whether or not the account exists, so this form cannot be used to find out who has one.
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAccountForm(ForgotPasswordSchema, "forgot-password", actionData?.result);

  return (
    <AccountFormCard
      form={form}
      title="Reset your password"
      intro="Enter the email you signed up with. We will send you a link to choose a new password."
      footer={
        <Link to={href.login()} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      }
      notice={
        <div role="status" className="empty:hidden">
          {actionData?.sent ? (
            <p className="mb-5 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
              If an account exists for that email, we sent a link to reset its password. The link works for 1 hour.
            </p>
          ) : null}
        </div>
      }
      submitLabel={actionData?.sent ? "Send another link" : "Send reset link"}
      pendingLabel="Sending…"
    >
      <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
    </AccountFormCard>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not send a reset link" formName="the reset form" retryTo={href.forgotPassword()} retryLabel="Try again" />;
}
