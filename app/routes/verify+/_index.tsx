// /verify: the form to type a certificate's verification code into (a GET
// form, so it works without JavaScript), which leads to /verify/:code. A code
// typed loosely (lower case, spaces, O for 0) is read as the certificate means it.
import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorList, PageError, SubmitButton, controlClass, useIsPending } from "~/components/forms";
import { normalizeVerificationCode } from "~/models/cme/certificates";
import { href } from "~/utils/href";

export const headers: HeadersFunction = () => ({ "X-Robots-Tag": "noindex" });

export const meta: MetaFunction = () => [{ title: "Verify a CME certificate · Meeting Platform" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return { typed: "", error: null };
  const code = normalizeVerificationCode(typed);
  if (code) throw redirect(href.verifyCertificate(code));
  const error = typed.trim()
    ? "That is not a verification code. A code has 12 letters and digits in three groups, such as 7K3M-Q9TX-2BRD."
    : "Enter the verification code printed on the certificate.";
  return data({ typed: typed.slice(0, 40), error }, { status: 400 });
}

export default function VerifyForm() {
  const { typed, error } = useLoaderData<typeof loader>();
  const pending = useIsPending({ formMethod: "GET", formAction: href.verify() });
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Verify a CME certificate</h1>
      <p className="mt-2 text-slate-700">
        Every certificate of continuing medical education issued here carries a verification code beside its QR code. Enter it to confirm the certificate: who it was issued to, for
        which activity, and the credits, and whether it is still the current one.
      </p>
      <Form method="get" action={href.verify()} className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-6">
        <div>
          <label htmlFor="code" className="block text-sm font-medium text-slate-800">
            Verification code
          </label>
          <p id="code-hint" className="mt-0.5 text-sm text-slate-600">
            12 letters and digits, such as 7K3M-Q9TX-2BRD. Case and hyphens do not matter.
          </p>
          <input
            id="code"
            name="code"
            type="text"
            defaultValue={typed}
            required
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
            className={`${controlClass(Boolean(error))} font-mono uppercase`}
          />
          <ErrorList id="code-error" errors={error ? [error] : null} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Checking…">
          Verify
        </SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <PageError status={500} title="Something went wrong" message="The verification form could not be shown just now. Please try again in a moment." />;
}
