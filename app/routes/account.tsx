import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, PageError, SubmitButton, useIsPending } from "~/components/forms";
import { requireSignIn } from "~/utils/auth.server";
import { readFormData } from "~/utils/form-data.server";
import { listLoginSessions, revokeOtherLoginSessions } from "~/utils/session.server";

export const SignOutOtherDevicesSchema = z.object({
  intent: z.literal("sign-out-other-devices", { error: "Unknown action" }),
});

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

export async function action({ request }: ActionFunctionArgs) {
  const { user, loginSessionId } = await requireSignIn(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: SignOutOtherDevicesSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), signedOut: null }, { status: 400 });
  const signedOut = await revokeOtherLoginSessions(user.id, loginSessionId);
  return { result: submission.reply({ resetForm: true }), signedOut };
}

export default function AccountPage() {
  const { user, devices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const signingOut = useIsPending({ formAction: "/logout" });
  const [form] = useForm({
    id: "sign-out-other-devices",
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignOutOtherDevicesSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignOutOtherDevicesSchema }),
  });
  const others = devices.filter((d) => !d.current).length;

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your account</h1>

      <section aria-labelledby="profile-heading" className="mt-6 rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-6">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[8rem_1fr]">
          <dt className="text-sm font-medium text-slate-600">Name</dt>
          <dd className="-mt-2 break-words sm:mt-0">{user.name}</dd>
          <dt className="text-sm font-medium text-slate-600">Email</dt>
          <dd className="-mt-2 [overflow-wrap:anywhere] sm:mt-0">{user.email}</dd>
        </dl>
        <p className="mt-4 text-sm text-slate-600">
          Forgot your password, or want a new one?{" "}
          <Link to="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Reset it by email
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="devices-heading" className="mt-6 rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-6">
        <h2 id="devices-heading" className="text-lg font-semibold">
          Signed-in devices
        </h2>
        <p className="mt-1 text-sm text-slate-600">Each browser or device you signed in with. Sign-ins last 30 days.</p>
        <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
          {devices.map((device) => (
            <li key={device.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <span className="font-medium">
                {device.description}
                {device.current ? (
                  <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">This device</span>
                ) : null}
              </span>
              <span className="text-sm text-slate-600">
                Signed in <time dateTime={device.signedInAt}>{formatSignedInAt(device.signedInAt)}</time>
              </span>
            </li>
          ))}
        </ul>
        <div role="status" className="mt-4 empty:hidden">
          {actionData?.signedOut != null ? (
            <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
              {actionData.signedOut === 0
                ? "No other devices were signed in."
                : `Signed out ${actionData.signedOut} other ${actionData.signedOut === 1 ? "device" : "devices"}.`}
            </p>
          ) : null}
        </div>
        {others > 0 ? (
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
            <FormErrors id={form.errorId} errors={form.errors} />
            <SubmitButton name="intent" value="sign-out-other-devices" variant="danger" pending={pending} pendingLabel="Signing out other devices…">
              Sign out other devices
            </SubmitButton>
          </Form>
        ) : (
          <p className="mt-4 text-sm text-slate-600">You are signed in on this device only.</p>
        )}
      </section>

      <Form method="post" action="/logout" className="mt-6">
        <SubmitButton variant="secondary" pendingLabel="Signing out…" pending={signingOut}>
          Sign out of this device
        </SubmitButton>
      </Form>
    </div>
  );
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
