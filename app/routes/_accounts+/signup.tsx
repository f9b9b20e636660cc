import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AccountForm, PendingAddNote, SwitchAccountPage, useAccountForm, useAccountPageHref } from "~/components/account-form";
import { Field, FormCard, FormRouteError } from "~/components/forms";
import { emailField, NEW_PASSWORD_HINT, newPasswordField, redirectToField } from "~/models/accounts/forms";
import { requestSignup } from "~/models/accounts/signup.server";
import { pendingAddField } from "~/models/schedule/forms";
import { findPendingAdd } from "~/models/schedule/pending-add.server";
import { normalizeEmail } from "~/models/accounts/user.server";
import { requireAnonymous } from "~/server/auth.server";
import { signInPageData } from "~/server/pending-add.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp, limitSignUp, limitSignUpForEmail, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { href } from "~/utils/href";

export const SignupSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(200, "A name has at most 200 characters"),
  email: emailField,
  password: newPasswordField(),
  redirectTo: redirectToField,
  add: pendingAddField,
});

export const meta: MetaFunction = () => [{ title: "Create an account · Meeting Platform" }];

export function loader({ request }: LoaderFunctionArgs) {
  return signInPageData(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readFormData(request), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), sentTo: null }, { status: 400 });
  }
  const email = normalizeEmail(submission.value.email);
  for (const [verdict, what] of [
    [await limitSignUp(clientIp(request, context)), "sign-ups from your network"],
    // Counted for every address, with or without an account, so the limit says nothing about it.
    [await limitSignUpForEmail(email), "sign-ups for this email address"],
  ] as const) {
    if (!verdict.allowed) {
      return data(
        { result: submission.reply({ formErrors: [tooManyAttemptsMessage(what, verdict.retryAfterSeconds)], hideFields: ["password"] }), sentTo: null },
        { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
  }
  // The same answer, after the same work, whether or not the address has an
  // account: only the e-mail differs (a link to finish, or how to sign in).
  const { add, ...person } = submission.value;
  // Kept with the request only if it is a session that can be added; checked again when the link is used.
  await requestSignup({ ...person, email, pendingAddSessionId: (await findPendingAdd(add))?.sessionId });
  return data({ result: submission.reply({ resetForm: true }), sentTo: email });
}

export default function SignupPage() {
  const actionData = useActionData<typeof action>();
  const { pendingAdd } = useLoaderData<typeof loader>();
  const [form, fields] = useAccountForm(SignupSchema, "signup", actionData?.result);

  if (actionData?.sentTo) return <CheckYourEmail address={actionData.sentTo} pendingAdd={pendingAdd} />;

  return (
    <AccountForm
      form={form}
      title="Create an account"
      intro={
        pendingAdd ? (
          <>
            <PendingAddNote pendingAdd={pendingAdd} action="Create an account" />
            <p className="mt-3">We will email you a link to finish; the session is added as soon as you use it.</p>
          </>
        ) : (
          "Register for meetings, build your own schedule and take part in live Q&A. We will email you a link to finish."
        )
      }
      pendingAdd={pendingAdd}
      switchTo={{ question: "Already have an account?", label: "Sign in", page: "login" }}
      submitLabel="Create account"
      pendingLabel="Sending you a link…"
    >
      <Field meta={fields.name} label="Full name" hint="As it should appear on your badge, e.g. Jane Doe, MD." autoComplete="name" />
      <Field meta={fields.email} label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
      <Field meta={fields.password} label="Password" type="password" hint={NEW_PASSWORD_HINT} autoComplete="new-password" />
    </AccountForm>
  );
}

/** What everyone sees after signing up, whether or not the address has an account. */
function CheckYourEmail({ address, pendingAdd }: { address: string; pendingAdd: { title: string } | null }) {
  const accountPageHref = useAccountPageHref();
  return (
    <FormCard
      title="Check your email"
      intro={
        <p>
          We sent a message to <strong className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{address}</strong>. Open the link in it within 24
          hours to finish creating your account: you will be signed in and taken back to where you started
          {pendingAdd ? <>, with “{pendingAdd.title}” in your schedule</> : null}.
        </p>
      }
      footer={<SwitchAccountPage question="Already have an account?" label="Sign in" page="login" />}
    >
      <div role="status" className="space-y-3 text-sm text-slate-700">
        <p>If this address already has an account, the message says so instead, with how to sign in or choose a new password.</p>
        <p>
          Nothing after a few minutes? Look in your spam or junk folder, or{" "}
          <Link to={accountPageHref("signup")} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            sign up again
          </Link>{" "}
          with the right address.
        </p>
      </div>
    </FormCard>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not create your account" formName="the sign-up form" retryTo={href.signup()} retryLabel="Back to sign up" />;
}
