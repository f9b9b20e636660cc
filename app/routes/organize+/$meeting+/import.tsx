// Spreadsheet in and out. Upload a CSV: the dry run lists what it would add
// and change, every row error with its line, and the clashes it would create
// (the Clashes page's check), writing nothing; "Import"
// then writes it all to the draft in one transaction (the file travels with
// the confirm form, so no JavaScript and no server-side state are needed).
// Export the draft or the published program as CSV in the same columns.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge, ConsolePage, linkClass, secondaryLinkClass, Section, StatusBanner } from "~/components/console";
import { SubmitButton } from "~/components/forms";
import { CSV_COLUMNS, csvTooLarge, dryRunProgramImport, importProgramCsv, MAX_CSV_BYTES, MAX_CSV_ROWS } from "~/models/program/csv-import.server";
import { CLASH_LABELS, describeClash } from "~/models/program/clashes";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalStatus } from "~/server/refusal.server";
import { readUploadForm } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Import and export");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return { slug: meeting.slug, columns: CSV_COLUMNS, maxRows: MAX_CSV_ROWS, maxMegabytes: MAX_CSV_BYTES / 1024 / 1024 };
}

const tooLarge = () => data({ stage: "error" as const, message: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files.` }, { status: 413 });

/** The uploaded file's text, or the text the confirm form carries back. Oversized bodies are a 413, never read whole. */
async function readCsv(request: Request): Promise<{ intent: string; text: string; draftVersion: number } | "too-large" | "not-text"> {
  // The text travels once as the file and may come back once as a field: allow for form overhead.
  const form = await readUploadForm(request, { maxPartBytes: MAX_CSV_BYTES, maxBodyBytes: MAX_CSV_BYTES * 3 + 64 * 1024 });
  if (form === "too-large") return "too-large";
  const file = form.get("file");
  const text = file instanceof File ? await file.text() : String(form.get("csv") ?? "");
  // A spreadsheet's CSV never holds a NUL; a file that does is binary, and PostgreSQL could not store its cells.
  if (text.includes("\u0000")) return "not-text";
  return { intent: String(form.get("intent") ?? ""), text, draftVersion: Number(form.get("draftVersion") ?? NaN) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const upload = await readCsv(request);
  if (upload === "too-large") return tooLarge();
  if (upload === "not-text") return data({ stage: "error" as const, message: "This file is not a CSV file: save the spreadsheet as CSV and try again." }, { status: 400 });
  if (csvTooLarge(upload.text)) return tooLarge();
  if (!upload.text.trim()) return data({ stage: "error" as const, message: "Choose a CSV file to check." }, { status: 400 });

  if (upload.intent === "import") {
    if (!Number.isInteger(upload.draftVersion)) return data({ stage: "error" as const, message: "Run the dry run first." }, { status: 400 });
    const result = await importProgramCsv(meeting, user, upload.text, upload.draftVersion);
    if (!result.ok) return data({ stage: "error" as const, message: result.message, plan: result.plan ?? null }, { status: refusalStatus(result) });
    return { stage: "imported" as const, plan: result.plan };
  }
  const { plan, clashes, draftVersion } = await dryRunProgramImport(meeting, upload.text);
  const newClashes = clashes.map((clash) => ({ label: CLASH_LABELS[clash.type], text: describeClash(clash) }));
  return data({ stage: "dry-run" as const, plan, clashes: newClashes, draftVersion, csv: upload.text }, { status: plan.errors.length ? 400 : 200 });
}

/** The clashes the file would create: imported anyway if the organizer goes on, and asked about again at publishing. */
function NewClashes({ clashes, clashesHref }: { clashes: { label: string; text: string }[]; clashesHref: string }) {
  if (!clashes.length) return <p className="text-sm text-slate-700">The file creates no clashes.</p>;
  return (
    <StatusBanner tone="warning">
      <h3 className="font-semibold">
        {counted(clashes.length, "clash", "clashes")} the file would create
      </h3>
      <p className="mt-1">
        The same check as the{" "}
        <Link to={clashesHref} className="font-semibold underline">
          Clashes page
        </Link>
        . You can import anyway and fix them in the draft; publishing asks you to confirm clashes.
      </p>
      <ul className="mt-2 space-y-1">
        {clashes.map((clash) => (
          <li key={`${clash.label}:${clash.text}`}>
            <span className="font-semibold">{clash.label}:</span> {clash.text}
          </li>
        ))}
      </ul>
    </StatusBanner>
  );
}

/** One kind of row in the import's plan (adds, changes), each by its line in the file; a change names the fields it changes. */
function PlanRows({ title, tone, rows, children }: { title: string; tone: "emerald" | "brand"; rows: { slug: string; line: number; title: string; fields?: string[] }[]; children?: ReactNode }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">
        {title} <Badge tone={tone}>{rows.length}</Badge>
      </h3>
      <ul className="mt-2 space-y-1 text-sm text-slate-800">
        {rows.map((row) => (
          <li key={row.slug}>
            Line {row.line}: {row.title}
            {row.fields ? (
              <>
                {" "}
                <span className="text-slate-600">({row.fields.join(", ")})</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

export default function ImportExport() {
  const { slug, columns, maxRows, maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const plan = result && "plan" in result ? result.plan : null;
  return (
    <ConsolePage title="Import and export" intro="Bring the program in from the spreadsheet you already keep, one row per session, and take it out again.">
      <div className="max-w-4xl space-y-6">
        {result?.stage === "error" ? <StatusBanner key={result.message} outcome tone="error">{result.message}</StatusBanner> : null}
        {result?.stage === "imported" && plan ? (
          <StatusBanner outcome tone="success">
            Imported into the draft: {plan.adds.length} added, {plan.updates.length} changed, {plan.unchanged} unchanged.{" "}
            <Link to={href.organize.publish(slug)} className="font-semibold underline">
              Review and publish
            </Link>
          </StatusBanner>
        ) : null}

        <Section title="1. Check a file" id="check" description={`CSV with a header line; at most ${maxMegabytes} MB and ${maxRows.toLocaleString("en-US")} rows. Nothing is written until you confirm.`}>
          <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end">
            <input type="hidden" name="intent" value="dry-run" />
            <div className="flex-1">
              <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">
                Program CSV
              </label>
              <input id="csv-file" name="file" type="file" accept=".csv,text/csv" required className="mt-1.5 block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:font-semibold" />
            </div>
            <SubmitButton pending={busy && navigation.formEncType === "multipart/form-data"} pendingLabel="Checking…">
              Check the file (dry run)
            </SubmitButton>
          </Form>
        </Section>

        {plan && result?.stage !== "imported" ? (
          <Section title="What the file would do" id="plan" description={`${counted(plan.rows, "row")} read.`}>
            <div className="space-y-4">
              {plan.errors.length ? (
                <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
                  <p className="font-semibold">
                    {counted(plan.errors.length, "error")}: fix the file and check it again. Nothing will be imported while there are errors.
                  </p>
                  <ul className="mt-2 space-y-1">
                    {plan.errors.map((error, index) => (
                      <li key={index}>
                        <span className="font-semibold">Line {error.line}:</span> {error.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <PlanRows title="Adds" tone="emerald" rows={plan.adds} />
                <PlanRows title="Changes" tone="brand" rows={plan.updates}>
                  {plan.unchanged ? <p className="mt-2 text-sm text-slate-600">{plan.unchanged} rows match the draft already.</p> : null}
                </PlanRows>
              </div>
              {result?.stage === "dry-run" ? <NewClashes clashes={result.clashes} clashesHref={href.organize.clashes(slug)} /> : null}
              {result?.stage === "dry-run" && !plan.errors.length && (plan.adds.length || plan.updates.length) ? (
                <Form method="post" className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-4">
                  <input type="hidden" name="intent" value="import" />
                  <input type="hidden" name="draftVersion" value={result.draftVersion} />
                  <input type="hidden" name="csv" value={result.csv} />
                  <SubmitButton pending={busy && navigation.formEncType !== "multipart/form-data"} pendingLabel="Importing…">
                    Import {counted(plan.adds.length + plan.updates.length, "session")} into the draft
                  </SubmitButton>
                  <p className="text-sm text-slate-600">All rows or none. Attendees see them after the next publish.</p>
                </Form>
              ) : null}
            </div>
          </Section>
        ) : null}

        <Section title="Columns" id="columns" description="Rows are matched to sessions by slug (made from the title when empty), so importing a file again changes only what changed. Sessions missing from the file are left alone.">
          <p className="text-sm text-slate-700">
            {columns.map((column, index) => (
              <span key={column}>
                <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">{column}</code>
                {index < columns.length - 1 ? " " : ""}
              </span>
            ))}
          </p>
          <p className="mt-2 text-sm text-slate-700">
            Required: title, day (YYYY-MM-DD), start and end (08:30 or 8:30 AM, in the meeting&rsquo;s zone). Room by name, track by slug or name; kind like scientific-session or workshop; level 100–300; status scheduled or cancelled; speakers by slug or exact name, separated by “;”. The
            example file is <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">docs/program-import-example.csv</code> in the repository.
          </p>
        </Section>

        <Section title="Export" id="export">
          <div className="flex flex-wrap gap-3">
            <a href={href.organize.programCsv(slug, "draft")} className={secondaryLinkClass} download>
              Download the draft (CSV)
            </a>
            <a href={href.organize.programCsv(slug, "published")} className={secondaryLinkClass} download>
              Download the published program (CSV)
            </a>
          </div>
          <p className="mt-2 text-sm text-slate-700">
            Conference apps read the public{" "}
            <a href={href.frabJson(slug)} className={linkClass}>
              schedule.json
            </a>{" "}
            and{" "}
            <a href={href.frabXml(slug)} className={linkClass}>
              schedule.xml
            </a>
            .
          </p>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
