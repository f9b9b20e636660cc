import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { type ReactNode } from "react";
import { z } from "zod";
import { linkClass } from "~/components/console";
import { useAccountForm } from "~/components/account-form";
import { Field, FormErrors, PageError, SubmitButton, useIsPending, useSchemaForm } from "~/components/forms";
import { TitledSection } from "~/components/titled-section";
import { NEW_PASSWORD_HINT, newPasswordField, passwordField } from "~/models/accounts/forms";
import { changePassword } from "~/models/accounts/user.server";
import { requireSignIn } from "~/server/auth.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp, limitPasswordChange, resetPasswordChangeLimit, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { listLoginSessions, revokeOtherLoginSessions } from "~/utils/session.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export const SignOutOtherDevicesSchema = z.object({
  intent: z.literal("sign-out-other-devices", { error: "Unknown action" }),
});

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: passwordField("Enter your current password"),
    newPassword: newPasswordField("Choose a new password"),
  })
  .refine((value) => value.newPassword !== value.currentPassword, { path: ["newPassword"], message: "Choose a password different from your current one" });

export const meta: MetaFunction = () => [{ title: "Your account · Meeting Platform" }];

// Personal page: no shared cache may keep it, and the browser should not show it from history after signing out.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, loginSessionId } = await requireSignIn(request);
  const loginSessions = await listLoginSessions(user.id);
  return {
    user: { name: user.name, email: user.email },
    devices: loginSessions.map((s) => ({
      id: s.id,
      current: s.id === loginSessionId,
      description: describeUserAgent(s.userAgent),
      signedInAt: s.createdAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, loginSessionId } = await requireSignIn(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "change-password") {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
    const hideFields = ["currentPassword", "newPassword"];
    if (submission.status !== "success") return data({ form: "change-password" as const, result: submission.reply({ hideFields }), passwordChanged: null }, { status: 400 });
    const ip = clientIp(request, context);
    const verdict = await limitPasswordChange(ip, user.email, user.id);
    if (!verdict.allowed) {
      return data(
        { form: "change-password" as const, result: submission.reply({ formErrors: [tooManyAttemptsMessage("password change attempts", verdict.retryAfterSeconds)], hideFields }), passwordChanged: null },
        { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
    const outcome = await changePassword({ userId: user.id, keepLoginSessionId: loginSessionId, ...submission.value });
    if (!outcome.ok) {
      return data(
        { form: "change-password" as const, result: refusalReply(outcome, submission, { hideFields }), passwordChanged: null },
        { status: refusalStatus(outcome) },
      );
    }
    await resetPasswordChangeLimit(ip, user.email, user.id);
    return { form: "change-password" as const, result: submission.reply({ resetForm: true }), passwordChanged: { otherDevicesSignedOut: outcome.otherDevicesSignedOut } };
  }
  const submission = parseWithZod(formData, { schema: SignOutOtherDevicesSchema });
  if (submission.status !== "success") return data({ form: "sign-out-other-devices" as const, result: submission.reply(), signedOut: null }, { status: 400 });
  const signedOut = await revokeOtherLoginSessions(user.id, loginSessionId);
  return { form: "sign-out-other-devices" as const, result: submission.reply({ resetForm: true }), signedOut };
}

export default function AccountPage() {
  const { user, devices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const signOutResult = actionData?.form === "sign-out-other-devices" ? actionData : null;
  const passwordResult = actionData?.form === "change-password" ? actionData : null;
  // Both forms post here: the intent being sent says which button is busy.
  const pendingIntent = useNavigation().formData?.get("intent");
  const pending = useIsPending();
  const signingOut = useIsPending({ formAction: href.logout() });
  const [form] = useSchemaForm(SignOutOtherDevicesSchema, {
    id: "sign-out-other-devices",
    lastResult: signOutResult?.result,
  });
  const [passwordForm, passwordFields] = useAccountForm(ChangePasswordSchema, "change-password", passwordResult?.result);
  const others = devices.filter((d) => !d.current).length;
  const changed = passwordResult?.passwordChanged;

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your account</h1>

      <AccountSection id="profile-heading" title="Profile">
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[8rem_1fr]">
          <dt className="text-sm font-medium text-slate-600">Name</dt>
          <dd className="-mt-2 break-words sm:mt-0">{user.name}</dd>
          <dt className="text-sm font-medium text-slate-600">Email</dt>
          <dd className="-mt-2 [overflow-wrap:anywhere] sm:mt-0">{user.email}</dd>
        </dl>
      </AccountSection>

      <AccountSection id="cme-heading" title="Continuing medical education" intro="Every meeting’s CME certificate, to download or to show with its verification code.">
        <Link to={href.transcript()} className={`mt-3 inline-block ${linkClass}`}>
          Your CME transcript
        </Link>
      </AccountSection>

      <AccountSection id="password-heading" title="Change password" intro="Your other devices are signed out, and we email you that the password changed.">
        <div role="status" className="mt-4 empty:hidden">
          {changed ? (
            <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
              Your password was changed. {otherDevicesSignedOut(changed.otherDevicesSignedOut)}
            </p>
          ) : null}
        </div>
        <Form method="post" {...getFormProps(passwordForm)} className="mt-4 space-y-5">
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <input type="hidden" name="intent" value="change-password" />
          {/* A hidden username lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <Field meta={passwordFields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
          <Field meta={passwordFields.newPassword} label="New password" type="password" hint={NEW_PASSWORD_HINT} autoComplete="new-password" />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
            <SubmitButton pending={pending && pendingIntent === "change-password"} pendingLabel="Changing your password…">
              Change password
            </SubmitButton>
            <Link to={href.forgotPassword()} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Forgot your current password?
            </Link>
          </div>
        </Form>
      </AccountSection>

      <AccountSection id="devices-heading" title="Signed-in devices" intro="Each browser or device you signed in with. Sign-ins last 30 days.">
        <DeviceList devices={devices} />
        <div role="status" className="mt-4 empty:hidden">
          {signOutResult?.signedOut != null ? (
            <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">{otherDevicesSignedOut(signOutResult.signedOut)}</p>
          ) : null}
        </div>
        {others > 0 ? (
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
            <FormErrors id={form.errorId} errors={form.errors} />
            <SubmitButton name="intent" value="sign-out-other-devices" variant="danger" pending={pending && pendingIntent === "sign-out-other-devices"} pendingLabel="Signing out other devices…">
              Sign out other devices
            </SubmitButton>
          </Form>
        ) : (
          <p className="mt-4 text-sm text-slate-600">You are signed in on this device only.</p>
        )}
      </AccountSection>

      <Form method="post" action={href.logout()} className="mt-6">
        <SubmitButton variant="secondary" pendingLabel="Signing out…" pending={signingOut}>
          Sign out of this device
        </SubmitButton>
      </Form>
    </div>
  );
}

/** One card of the account page: its heading, and a line on what it does. */
function AccountSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <TitledSection id={id} title={title} className="mt-6 rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-6" headingClassName="text-lg font-semibold">
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </TitledSection>
  );
}

/** The browsers and devices signed in to the account, this one marked. */
function DeviceList({ devices }: { devices: { id: string; description: string; current: boolean; signedInAt: string }[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {devices.map((device) => (
        <li key={device.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
          <span className="font-medium">
            {device.description}
            {device.current ? <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">This device</span> : null}
          </span>
          <span className="text-sm text-slate-600">
            Signed in <time dateTime={device.signedInAt}>{formatSignedInAt(device.signedInAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What signing out the other devices did, after a password change or on request. */
function otherDevicesSignedOut(count: number): string {
  return count === 0 ? "No other devices were signed in." : `Signed out ${counted(count, "other device")}.`;
}

/** "Chrome on Linux" from a User-Agent string: enough to recognise one's own devices, no library needed for that. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\/|Opera/, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrome\/|CriOS\//, "Chrome"],
      [/Safari\//, "Safari"],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? "A browser";
  const system =
    [
      [/iPhone|iPad|iPod/, "iOS"],
      [/Android/, "Android"],
      [/Windows/, "Windows"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  return system ? `${browser} on ${system}` : String(browser);
}

function formatSignedInAt(iso: string): string {
  // UTC so that server and browser render the same text (no hydration mismatch).
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <PageError
      status={status}
      title="We could not show your account"
      message={status < 500 ? "That request could not be completed. Please try again." : "Something went wrong on our side. Please try again in a moment."}
    />
  );
}
