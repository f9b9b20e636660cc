// What browsers tell us when the Content-Security-Policy blocks something on a
// page (app/routes/_resources+/csp-report.ts receives it). Two formats arrive: the
// report-uri one (application/csp-report, one violation, kebab-case keys) and
// the Reporting API's (application/reports+json, a batch that may also hold
// other kinds of report). Both become one CspViolation to log. A report is the
// browser's word, or anyone's: every field is optional, bounded, and a URL is
// logged without its query, and as its pattern when it is a secret URL.
import { z } from "zod";
import { secretUrlPattern } from "./security-headers.server";

export const CSP_REPORT_MAX_BYTES = 64 * 1024;

export const CSP_REPORT_TYPES = ["application/csp-report", "application/reports+json"] as const;

export type CspViolation = {
  document?: string;
  directive?: string;
  blocked?: string;
  source?: string;
  line?: number;
  column?: number;
  sample?: string;
  disposition?: string;
  status?: number;
};

const text = z.string().optional();
const number = z.number().int().nonnegative().optional();

const reportUriBody = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "blocked-uri": text,
    "source-file": text,
    "line-number": number,
    "column-number": number,
    "script-sample": text,
    disposition: text,
    "status-code": number,
  }),
});

const reportingApiBody = z
  .array(
    z.object({
      type: z.string(),
      url: text,
      body: z.record(z.string(), z.unknown()).optional(),
    }),
  )
  .max(100);

const cspViolationBody = z.object({
  documentURL: text,
  effectiveDirective: text,
  blockedURL: text,
  sourceFile: text,
  lineNumber: number,
  columnNumber: number,
  sample: text,
  disposition: text,
  statusCode: number,
});

/** The violations in a report body, or null when the body is not a report of that type. */
export function parseCspReport(contentType: (typeof CSP_REPORT_TYPES)[number], body: string): CspViolation[] | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (contentType === "application/csp-report") {
    const parsed = reportUriBody.safeParse(json);
    if (!parsed.success) return null;
    const report = parsed.data["csp-report"];
    return [
      violation({
        document: report["document-uri"],
        directive: report["effective-directive"] ?? report["violated-directive"],
        blocked: report["blocked-uri"],
        source: report["source-file"],
        line: report["line-number"],
        column: report["column-number"],
        sample: report["script-sample"],
        disposition: report.disposition,
        status: report["status-code"],
      }),
    ];
  }
  const parsed = reportingApiBody.safeParse(json);
  if (!parsed.success) return null;
  const violations: CspViolation[] = [];
  for (const report of parsed.data) {
    if (report.type !== "csp-violation") continue; // deprecations, interventions: not ours to log here
    const body = cspViolationBody.safeParse(report.body ?? {});
    if (!body.success) return null;
    violations.push(
      violation({
        document: body.data.documentURL ?? report.url,
        directive: body.data.effectiveDirective,
        blocked: body.data.blockedURL,
        source: body.data.sourceFile,
        line: body.data.lineNumber,
        column: body.data.columnNumber,
        sample: body.data.sample,
        disposition: body.data.disposition,
        status: body.data.statusCode,
      }),
    );
  }
  return violations;
}

/** Drops empty fields, bounds the text ones and takes secrets out of URLs. */
function violation(fields: CspViolation): CspViolation {
  const result: CspViolation = {};
  for (const [key, value] of Object.entries(fields) as [keyof CspViolation, CspViolation[keyof CspViolation]][]) {
    if (value === undefined || value === "") continue;
    if (typeof value === "number") (result as Record<string, unknown>)[key] = value;
    else (result as Record<string, unknown>)[key] = key === "document" || key === "blocked" || key === "source" ? loggableUrl(value) : value.slice(0, 200);
  }
  return result;
}

/**
 * A URL fit for the log: no query or fragment (they may carry tokens or
 * exfiltrated data), a secret URL's path as its pattern, at most 300
 * characters. Keywords such as "inline" or "eval" stay as they are.
 */
export function loggableUrl(value: string): string {
  const url = URL.parse(value);
  if (!url || !url.host) return value.slice(0, 100);
  const path = secretUrlPattern(url.pathname) ?? url.pathname;
  return `${url.origin}${path}`.slice(0, 300);
}
