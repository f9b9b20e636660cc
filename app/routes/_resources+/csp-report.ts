// POST /csp-report: browsers report here what the Content-Security-Policy
// blocked (report-uri and the Reporting API's report-to, see
// app/server/security-headers.server.ts). Each violation is logged; the answer
// is an empty 204. Anyone can post here, so the body is bounded, the count per
// address is limited, and a body that is not a report is a 4xx, never a 500.
//
// What Chromium 156 sends (checked in e2e/security-headers.spec.ts and by hand):
// report-uri posts carry `Sec-Fetch-Site: same-origin` (with `Sec-Fetch-Mode:
// no-cors`, `Sec-Fetch-Dest: report`) and the page's Origin; Reporting API
// uploads (https only, about a minute later) carry the page's Origin and no
// Sec-Fetch-* headers. Both pass the cross-site guard (cross-site.server.ts)
// as they are, so this path is not exempt from it: another site's forged
// reports are refused like any other cross-site POST.
import type { ActionFunctionArgs } from "@remix-run/node";
import { CSP_REPORT_MAX_BYTES, CSP_REPORT_TYPES, parseCspReport } from "~/server/csp-report.server";
import { logger } from "~/utils/logger.server";
import { clientIp, limitCspReports } from "~/utils/rate-limit.server";
import { readTextUpTo } from "~/utils/request-body.server";

export async function loader() {
  return new Response("Browsers post Content-Security-Policy reports here.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const verdict = await limitCspReports(clientIp(request, context));
  if (!verdict.allowed) return new Response(null, { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } });

  const contentType = CSP_REPORT_TYPES.find((type) => type === request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase());
  if (!contentType) return new Response(`Expected ${CSP_REPORT_TYPES.join(" or ")}.`, { status: 415 });
  const body = await readTextUpTo(request, CSP_REPORT_MAX_BYTES).catch(() => undefined);
  if (body === null) return new Response("Report too large.", { status: 413 });
  const violations = body === undefined ? null : parseCspReport(contentType, body);
  if (!violations) return new Response("Not a Content-Security-Policy report.", { status: 400 });

  for (const violation of violations) logger.warn({ cspViolation: violation }, "Content-Security-Policy violation");
  return new Response(null, { status: 204 });
}
