// /verify/:code: anyone shown a CME certificate (a credentialing office, a
// board, an employer) confirms it here without signing in. It says whether the
// certificate is valid or was superseded by an amended one (with the amended
// one's date and credits, not its code: the verifier needs to know this copy
// is no longer current, not to be handed another). An unknown or malformed
// code is a 404 that says nothing about other codes, and lookups are limited
// per IP so codes cannot be found by trying.
import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { CertificateFactList } from "~/components/certificate-facts";
import { linkClass, StatusBanner } from "~/components/console";
import { PageError } from "~/components/forms";
import { certificateFacts, creditLine, issuedOnLabel, normalizeVerificationCode } from "~/models/cme/certificates";
import { verifyCertificate } from "~/models/cme/certificates.server";
import { href } from "~/utils/href";
import { clientIp, formatWait, limitCertificateLookups } from "~/utils/rate-limit.server";

export const NOT_FOUND_MESSAGE = "No certificate has this code. Check it against the certificate.";

// A verification can change (an amendment supersedes the certificate): never cached; never indexed.
const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => PRIVATE;

export const meta: MetaFunction = () => [{ title: "Certificate verification · Meeting Platform" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = normalizeVerificationCode(params.code ?? "");
  // Something that cannot be a code is answered without a lookup, and without counting against the limit.
  if (!code) throw new Response(NOT_FOUND_MESSAGE, { status: 404, headers: PRIVATE });
  // A code typed in lower case or without its hyphens: its one address, so it is looked up once.
  if (code !== params.code) throw redirect(href.verifyCertificate(code), { headers: PRIVATE });
  const verdict = await limitCertificateLookups(clientIp(request, context));
  if (!verdict.allowed) {
    throw new Response(`Too many certificates were looked up from your network. Try again in ${formatWait(verdict.retryAfterSeconds)}.`, {
      status: 429,
      headers: { ...PRIVATE, "Retry-After": String(verdict.retryAfterSeconds) },
    });
  }
  const certificate = await verifyCertificate(code);
  if (!certificate) throw new Response(NOT_FOUND_MESSAGE, { status: 404, headers: PRIVATE });
  const { supersededBy } = certificate;
  return data(
    {
      code: certificate.code,
      facts: certificateFacts(certificate.snapshot),
      supersededBy: supersededBy && { issuedOn: issuedOnLabel(supersededBy), credits: supersededBy.credits.map(creditLine) },
    },
    { headers: PRIVATE },
  );
}

export default function VerifyCertificate() {
  const { code, facts, supersededBy } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Certificate verification</h1>
      <p className="mt-1 text-slate-600">
        Verification code <span className="font-mono font-semibold text-slate-900">{code}</span>
      </p>
      <div className="mt-6">
        {supersededBy ? (
          <StatusBanner tone="warning">
            <p className="text-base font-semibold">This certificate was superseded by an amended certificate issued on {supersededBy.issuedOn}.</p>
            <p className="mt-1">
              The learner amended their claim; the amended certificate is the current one, for {supersededBy.credits.join(", ")}. Ask the learner for it.
            </p>
          </StatusBanner>
        ) : (
          <StatusBanner tone="success">
            <p className="text-base font-semibold">
              <span aria-hidden="true">✓ </span>This certificate is valid.
            </p>
            <p className="mt-1">It is the learner&rsquo;s current certificate for this activity, as issued.</p>
          </StatusBanner>
        )}
      </div>
      <section aria-labelledby="certificate-heading" className="mt-6 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm sm:px-6">
        <h2 id="certificate-heading" className="text-lg font-semibold text-slate-900">
          {supersededBy ? "What this certificate says" : "The certificate"}
        </h2>
        <CertificateFactList facts={facts} className="mt-2" />
      </section>
      <p className="mt-6">
        <Link to={href.verify()} className={linkClass}>
          Check another certificate
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "This certificate could not be checked just now. Please try again in a moment.";
  return (
    <PageError
      status={status}
      title={status === 429 ? "Please wait a moment" : status === 404 ? "Certificate not found" : "Something went wrong"}
      message={message}
      action={
        <Link to={href.verify()} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Check a code
        </Link>
      }
    />
  );
}
