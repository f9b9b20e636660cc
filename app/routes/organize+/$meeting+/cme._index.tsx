// The meeting's CME credit designation: the accredited provider, ACCME's and
// the AMA's statements (standard wording filled in, editable, resettable), the
// credit types offered, the maximum and the claim deadline, the SA-CME passing
// mark, self-reported attendance, and the PARS identifiers of the
// learner-completion file; below, the draft program's accredited sessions and
// the maximum they support.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useMemo } from "react";
import { CheckboxField } from "~/components/checkbox-field";
import { CmePages } from "~/components/cme-pages";
import { cell, ConsolePage, DataTable, figures, LinkedRowHeading, Section, StatusBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { Field, FormErrors, SubmitButton, TextareaField, useIsPending, useSchemaForm } from "~/components/forms";
import { formatCredits, parseCredits } from "~/models/cme/credit";
import { CREDIT_TYPE_LABELS, creditDesignationSchema } from "~/models/cme/designation";
import { accreditedProgram, lastDayOf, meetingCreditDesignation, saveCreditDesignation } from "~/models/cme/designation.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { requireOrganizer } from "~/server/organizer.server";
import { readFormData } from "~/utils/form-data.server";
import { href, withQuery } from "~/utils/href";
import { counted } from "~/utils/plural";
import { dayKeyOf, formatDay, formatTimeRange } from "~/utils/time";

export const meta = consoleMeta("CME credit designation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const program = await accreditedProgram(meeting.id);
  const designation = await meetingCreditDesignation(meeting, program.suggestedQuarters);
  const zone = meeting.timeZone;
  return {
    meeting: { slug: meeting.slug, lastDay: lastDayOf(meeting) },
    designation: { ...designation, updatedAt: designation.updatedAt?.toISOString() ?? null },
    values: {
      provider: designation.provider,
      accreditationStatement: designation.accreditationStatement,
      designationStatement: designation.designationStatement,
      offersAmaPra: designation.offersAmaPra ? "on" : "",
      offersParticipation: designation.offersParticipation ? "on" : "",
      offersSaCme: designation.offersSaCme ? "on" : "",
      saCmePassingPercent: String(designation.saCmePassingPercent),
      evaluationRequired: designation.evaluationRequired ? "on" : "",
      allowSelfReported: designation.allowSelfReported ? "on" : "",
      accmeProviderId: designation.accmeProviderId ?? "",
      parsActivityId: designation.parsActivityId ?? "",
      maximum: formatCredits(designation.maxCreditQuarters),
      claimDeadline: designation.claimDeadline,
    },
    program: {
      ...program,
      sessions: program.sessions.map((session) => ({
        ...session,
        when: `${formatDay(dayKeyOf(new Date(session.startsAt), zone), "short")}, ${formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone)}`,
      })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: creditDesignationSchema(lastDayOf(meeting)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, maximum, offersAmaPra, offersParticipation, offersSaCme, evaluationRequired, allowSelfReported, accmeProviderId, parsActivityId, ...rest } = submission.value;
  const quarters = parseCredits(maximum);
  const result = await saveCreditDesignation(
    meeting,
    user,
    {
      ...rest,
      offersAmaPra: offersAmaPra ?? false,
      offersParticipation: offersParticipation ?? false,
      offersSaCme: offersSaCme ?? false,
      evaluationRequired: evaluationRequired ?? false,
      allowSelfReported: allowSelfReported ?? false,
      accmeProviderId: accmeProviderId ?? null,
      parsActivityId: parsActivityId ?? null,
      maxCreditQuarters: "quarters" in quarters ? quarters.quarters : -1,
    },
    { standardWording: intent === "use-standard-wording" },
  );
  if (!result.ok) return data(refusalReply(result, submission), { status: refusalStatus(result) });
  return redirect(withQuery(href.organize.cme(meeting), { saved: intent === "use-standard-wording" ? "wording" : "1" }));
}

export default function CreditDesignationPage() {
  const { meeting, designation, values, program } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const suggested = formatCredits(program.suggestedQuarters);
  return (
    <ConsolePage title="CME credit designation" intro="What the meeting is designated for, in the words ACCME and the AMA ask for. Attendees see it with each accredited session.">
      <CmePages meeting={meeting.slug} />
      <div className="max-w-3xl space-y-6">
        {saved ? (
          <StatusBanner outcome tone="success">
            {saved === "wording" ? "Saved, with ACCME's and the AMA's standard wording." : "CME credit designation saved."}
          </StatusBanner>
        ) : !designation.saved ? (
          <StatusBanner tone="info">Not saved yet: the values below are a proposal from the society and the program. Check them, then save.</StatusBanner>
        ) : null}

        {/* Keyed by the saved version: after a save the form starts again from what was stored (the statements may have changed). */}
        <DesignationForm key={designation.updatedAt ?? "proposal"} lastDay={meeting.lastDay} values={values} suggested={suggested} lastResult={lastResult} />

        <Section title="Accredited sessions" id="accredited-sessions" description="From the draft program: attendees see a session's credit after the next publish. Mark sessions accredited on their page.">
          <p className="mb-3 text-sm text-slate-800" id="credit-summary">
            {counted(program.sessions.filter((session) => !session.cancelled).length, "accredited session")}, {formatCredits(program.totalQuarters)} credits added up;{" "}
            <strong>{suggested} credits</strong> with simultaneous sessions counted once (the most one learner can earn)
            {program.saCmeCount ? `; ${counted(program.saCmeCount, "session")} for SA-CME` : ""}.
          </p>
          {program.sessions.length ? (
            <DataTable columns={["Session", "When", figures("Minutes"), figures("Credit"), "SA-CME"]}>
              {program.sessions.map((session) => (
                <tr key={session.slug}>
                  <LinkedRowHeading to={href.organize.session(meeting.slug, session.slug)} title={session.title}>
                    {session.cancelled ? <span className="ml-2 text-xs font-semibold text-red-800 uppercase">Cancelled</span> : null}
                  </LinkedRowHeading>
                  <td className={cell.text}>{session.when}</td>
                  <td className={cell.figure}>{session.minutes}</td>
                  <td className={cell.figure}>
                    {formatCredits(session.quarters)}
                    {session.followsLength ? <span className="block text-xs text-slate-600">follows length</span> : null}
                  </td>
                  <td className={cell.text}>{session.saCme ? "Yes" : "No"}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-700">
              No session is accredited yet. Open a session and tick “Accredited” under Continuing medical education.
            </p>
          )}
        </Section>
      </div>
    </ConsolePage>
  );
}

type DesignationValues = ReturnType<typeof useLoaderData<typeof loader>>["values"];

function DesignationForm({ lastDay, values, suggested, lastResult }: { lastDay: string; values: DesignationValues; suggested: string; lastResult: ReturnType<typeof useActionData<typeof action>> }) {
  const pending = useIsPending();
  const schema = useMemo(() => creditDesignationSchema(lastDay), [lastDay]);
  const [form, fields] = useSchemaForm(schema, { id: "credit-designation", lastResult, defaultValue: values, shouldRevalidate: "onBlur" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field meta={fields.provider} label="Accredited provider" hint="As named in the statements, e.g. Society of Interventional Radiology." autoComplete="organization" />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Credit types offered</legend>
        <CheckboxField meta={fields.offersAmaPra} label={CREDIT_TYPE_LABELS.offersAmaPra} />
        <CheckboxField meta={fields.offersParticipation} label={CREDIT_TYPE_LABELS.offersParticipation} />
        <CheckboxField meta={fields.offersSaCme} label={CREDIT_TYPE_LABELS.offersSaCme} />
      </fieldset>
      <Field
        meta={fields.saCmePassingPercent}
        label="SA-CME passing mark (%)"
        type="number"
        min={1}
        max={100}
        step={1}
        inputMode="numeric"
        className="max-w-md"
        hint="The share of a session's self-assessment questions a learner must answer correctly for its credit to count as SA-CME."
      />
      <CheckboxField
        meta={fields.evaluationRequired}
        label="Learners answer the meeting's evaluation before claiming credit"
        hint="ACCME asks providers to evaluate the activity's effect on learners; requiring the evaluation first is how most meetings get their answers."
      />
      <CheckboxField
        meta={fields.allowSelfReported}
        label="Allow self-reported attendance (marked as such on claims)"
        hint="Learners may then claim accredited sessions with no recorded attendance, and take their self-assessments, on their word."
      />
      <fieldset aria-describedby="pars-identifiers-hint">
        <legend className="text-sm font-medium text-slate-800">PARS identifiers</legend>
        <p id="pars-identifiers-hint" className="mt-0.5 mb-3 text-sm text-slate-600">Optional. Used for the learner-completion file uploaded to ACCME’s PARS; enter them as PARS shows them.</p>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field meta={fields.accmeProviderId} label="ACCME provider ID" autoComplete="off" spellCheck={false} />
          <Field meta={fields.parsActivityId} label="PARS activity ID" autoComplete="off" spellCheck={false} />
        </div>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          meta={fields.maximum}
          label="Maximum credit"
          inputMode="decimal"
          autoComplete="off"
          hint={`In steps of 0.25. The program supports ${suggested}, counting simultaneous sessions once.`}
        />
        <Field meta={fields.claimDeadline} label="Claim deadline" type="date" min={nextDay(lastDay)} hint={`After the meeting's last day, ${formatDay(lastDay, "short")}.`} />
      </div>
      <TextareaField meta={fields.accreditationStatement} label="Accreditation statement" rows={4} />
      <TextareaField
        meta={fields.designationStatement}
        label="AMA PRA designation statement"
        rows={5}
        hint="While a statement keeps the standard wording, it follows a new provider or maximum when you save."
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" name="intent" value="save-designation">
          Save designation
        </SubmitButton>
        <SubmitButton pending={false} pendingLabel="Saving…" variant="secondary" name="intent" value="use-standard-wording" aria-describedby="standard-wording-hint">
          Use ACCME’s wording
        </SubmitButton>
        <p id="standard-wording-hint" className="text-sm text-slate-600">
          Replaces both statements with the standard wording for the provider and maximum above, and saves.
        </p>
      </div>
    </Form>
  );
}

/** The day after a "YYYY-MM-DD": the earliest claim deadline. */
function nextDay(day: string): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
