// The link from the sign-up e-mail. GET only shows the page (mail scanners
// that open links must not use them up); the POST, with the password chosen on
// the form, creates the account, signs the person in on this browser and lands
// them on the page they started from.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { loader as rootLoader } from "~/root";
import { AccountFormCard, useAccountForm } from "~/components/account-form";
import { Field, FormCard, FormRouteError } from "~/components/forms";
import { isPlausibleToken, passwordField } from "~/models/accounts/forms";
import { completeSignup, findPendingSignup } from "~/models/accounts/signup.server";
import { findPendingAdd } from "~/models/schedule/pending-add.server";
import { landingAfterSignIn } from "~/server/pending-add.server";
import { accountKey } from "~/models/accounts/user.server";
import { readDevice, trustDeviceFor } from "~/utils/device-cookie.server";
import { readFormData } from "~/utils/form-data.server";
import { limitSignUpConfirmation, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { createLoginSession, destroyLoginSession, readLoginSessionId } from "~/utils/session.server";
import { href } from "~/utils/href";

export const ConfirmSignupSchema = z.object({ password: passwordField("Enter the password you chose") });

export const meta: MetaFunction = () => [{ title: "Finish creating your account · Meeting Platform" }, { name: "robots", content: "noindex" }];

// The secret is in the URL: Referrer-Policy: no-referrer comes with every secret URL
// (SECRET_URLS in app/server/security-headers.server.ts), and the page is never stored.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

type PageState =
  | { state: "gone" }
  | { state: "taken"; email: string }
  | { state: "ready"; name: string; email: string; pendingAdd: { title: string } | null };

const GONE: PageState = { state: "gone" };

export async function loader({ params }: LoaderFunctionArgs) {
  // 410 Gone: the page exists, this link no longer works (expired, used, or never issued).
  const pending = isPlausibleToken(params.token) ? await findPendingSignup(params.token) : null;
  if (!pending) return data(GONE, { status: 410 });
  if (pending.accountExists) return data<PageState>({ state: "taken", email: pending.email }, { status: 409 });
  const pendingAdd = await findPendingAdd(pending.pendingAddSessionId);
  return data<PageState>({ state: "ready", name: pending.name, email: pending.email, pendingAdd: pendingAdd && { title: pendingAdd.title } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isPlausibleToken(params.token)) return data({ page: GONE, result: undefined }, { status: 410 });
  const submission = parseWithZod(await readFormData(request), { schema: ConfirmSignupSchema });
  if (submission.status !== "success") return data({ page: null, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  // The link is a 256-bit secret, but its page takes a password: a few tries, not a guessing game.
  const verdict = await limitSignUpConfirmation(params.token);
  if (!verdict.allowed) {
    return data(
      { page: null, result: submission.reply({ formErrors: [tooManyAttemptsMessage("tries with this link", verdict.retryAfterSeconds)], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  }
  const outcome = await completeSignup(params.token, submission.value.password);
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "link-gone":
        return data({ page: GONE, result: undefined }, { status: 410 });
      case "email-taken":
        return data({ page: { state: "taken", email: outcome.email } satisfies PageState, result: undefined }, { status: 409 });
      case "wrong-password":
        return data(
          { page: null, result: submission.reply({ fieldErrors: { password: ["That is not the password you chose when you signed up."] }, hideFields: ["password"] }) },
          { status: 400 },
        );
    }
  }
  // Someone else signed in on this browser is signed out first, so their sign-in does not linger unseen.
  if (await readLoginSessionId(request)) await destroyLoginSession(request);
  const headers = new Headers();
  headers.append("Set-Cookie", (await createLoginSession(outcome.user.id, request)).setCookie);
  // This browser just proved the mailbox and the password: trust it for the account (device cookie).
  headers.append("Set-Cookie", await trustDeviceFor(await readDevice(request), accountKey(outcome.user.email)));
  // The sign-up began with "Add to my schedule": this POST, the person's own, adds it.
  return redirect(await landingAfterSignIn(outcome.user.id, safeRedirect(outcome.redirectTo, href.home()), outcome.pendingAddSessionId), { headers });
}

export default function ConfirmSignupPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAccountForm(ConfirmSignupSchema, "confirm-signup", actionData?.result);
  const page: PageState = actionData?.page ?? loaderData;
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>("root")?.user);

  if (page.state === "gone") {
    return (
      <FormCard title="This link has expired or was already used" intro={<p>Sign-up links work once, for 24 hours. If your account was created, sign in; otherwise sign up again.</p>}>
        {signedIn ? (
          // Most likely the person who just used it, back from their mail.
          <WaysOn links={[{ to: href.home(), label: "You are signed in: continue" }]} />
        ) : (
          <WaysOn links={[{ to: href.login(), label: "Sign in" }, { to: href.signup(), label: "Sign up again" }]} />
        )}
      </FormCard>
    );
  }

  if (page.state === "taken") {
    return (
      <FormCard
        title="This email already has an account"
        intro={
          <p>
            An account with <strong className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{page.email}</strong> was created after this link was
            sent, so no second one was made. Sign in to it, or choose a new password if you do not know it.
          </p>
        }
      >
        <WaysOn links={[{ to: href.login(), label: "Sign in" }, { to: href.forgotPassword(), label: "Choose a new password" }]} />
      </FormCard>
    );
  }

  return (
    <AccountFormCard
      form={form}
      title="Finish creating your account"
      intro={
        <p>
          For <strong className="font-semibold text-slate-900">{page.name}</strong>, <span className="[overflow-wrap:anywhere]">{page.email}</span>. Enter the
          password you chose when you signed up. If you did not sign up yourself, leave this page: no account is made without it.
          {page.pendingAdd ? <> Your new schedule starts with “{page.pendingAdd.title}”.</> : null}
        </p>
      }
      submitLabel="Create my account"
      pendingLabel="Creating your account…"
    >
      {/* A hidden username lets password managers file the password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={page.email} readOnly hidden />
      <Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
    </AccountFormCard>
  );
}

/** Where to go from a link that cannot be used: the first is the likely one. */
function WaysOn({ links }: { links: { to: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      {links.map((link, index) => (
        <Link
          key={link.to}
          to={link.to}
          className={`inline-flex flex-1 justify-center rounded-md px-4 py-2 font-semibold ${
            index === 0 ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
          }`}
        >
          {link.label}
        </Link>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <FormRouteError title="We could not create your account" formName="the sign-up form" retryTo={href.signup()} retryLabel="Back to sign up" />;
}
