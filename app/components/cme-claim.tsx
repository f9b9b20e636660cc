// Claiming CME credit on My CME: the form (per accredited session the evidence,
// the credit it supports and the credit claimed; the credit type; the name on
// the certificate; the PARS details, asked only with consent; ACCME's
// attestation) and, once claimed, the claim with its certificate and versions.
// Phone first, and every part works without JavaScript: the PARS details open
// with the consent box by CSS alone; with JavaScript the total follows the inputs.
import { getFormProps, getInputProps, getSelectProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { ATTESTATION, CREDIT_TYPE_CHOICES, claimFormSchema, LICENSE_STATES, MONTHS, type ClaimCreditType } from "~/models/cme/claims";
import { formatCredits, parseCredits } from "~/models/cme/credit";
import { href } from "~/utils/href";
import { CheckboxField } from "./checkbox-field";
import { Badge, buttonLinkClass, linkClass, secondaryLinkClass } from "./console";
import { controlClass, ErrorList, Field, FormErrors, SelectField, SubmitButton, useIsPending, useSchemaForm } from "./forms";

export type ClaimSessionView = {
  slug: string;
  title: string;
  when: string;
  minutes: number;
  source: string | null;
  selfReported: boolean;
  designated: string;
  claimable: string;
  saCme: boolean;
  saCmePassed: boolean;
};

export type ClaimDefaults = {
  creditType?: ClaimCreditType;
  firstName: string;
  lastName: string;
  degree: string;
  sessions: { slug: string; credit: string; claim?: boolean }[];
  parsConsent?: boolean;
  birthMonth?: string;
  birthDay?: string;
  npi?: string;
  licenseState?: string;
  licenseNumber?: string;
  certifyingBoard?: string;
  boardId?: string;
};

type ClaimFormProps = {
  meeting: string;
  sessions: ClaimSessionView[];
  creditTypes: ClaimCreditType[];
  maxQuarters: number;
  defaults: ClaimDefaults;
  amending: boolean;
  lastResult?: SubmissionResult<string[]> | null;
};

/** The total the form's fields add up to, after the meeting's maximum: the rows claimed, a self-reported row only when ticked. */
function formTotal(rows: { credit?: string; claim?: boolean; selfReported: boolean }[], maxQuarters: number) {
  const sum = rows.reduce((total, row) => {
    if (row.selfReported && !row.claim) return total;
    const parsed = parseCredits(row.credit || "0");
    return total + ("quarters" in parsed ? parsed.quarters : 0);
  }, 0);
  return { quarters: Math.min(sum, maxQuarters), capped: sum > maxQuarters };
}

export function ClaimForm({ meeting, sessions, creditTypes, maxQuarters, defaults, amending, lastResult }: ClaimFormProps) {
  const pending = useIsPending();
  const schema = useMemo(() => claimFormSchema(creditTypes), [creditTypes]);
  // Revalidated as typed and ticked: a message clearing on blur would move the submit button under the pointer.
  const [form, fields] = useSchemaForm(schema, {
    id: "claim-form",
    lastResult,
    defaultValue: defaults,
    shouldRevalidate: "onInput",
  });
  const [total, setTotal] = useState(() =>
    formTotal(
      defaults.sessions.map((row, index) => ({
        ...row,
        selfReported: sessions[index]!.selfReported,
      })),
      maxQuarters,
    ),
  );
  const rows = fields.sessions.getFieldList().map((row, index) => ({
    key: row.key,
    cells: row.getFieldset(),
    session: sessions[index]!,
  }));
  const recorded = rows.filter((row) => !row.session.selfReported);
  const reported = rows.filter((row) => row.session.selfReported);
  // With JavaScript, the total follows what is typed and ticked.
  const recount = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setTotal(
      formTotal(
        rows.map(({ cells, session }) => ({
          credit: String(data.get(cells.credit.name) ?? ""),
          claim: data.get(cells.claim.name) === "on",
          selfReported: session.selfReported,
        })),
        maxQuarters,
      ),
    );
  };
  return (
    <Form method="post" {...getFormProps(form)} onChange={recount} className="mt-4 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">Credit per session</legend>
        <p className="mt-1 text-sm text-slate-600">Each session&rsquo;s claimable credit is the smaller of its designated credit and your minutes there, in quarter hours. You may claim less.</p>
        {recorded.length ? <SessionList meeting={meeting} rows={recorded} /> : null}
        {reported.length ? (
          // Every accredited session the learner has no record of: folded away, open once one is claimed or refused.
          <details className="mt-4" open={reported.some(({ cells }) => cells.claim.initialValue === "on" || cells.credit.errors?.length)}>
            <summary className="cursor-pointer font-semibold text-brand-800">Sessions without a record of your attendance ({reported.length}): claim as self-reported</summary>
            <p className="mt-2 text-sm text-slate-600">Tick only the sessions you attended. Time you spent in a recorded session cannot count again here.</p>
            <SessionList meeting={meeting} rows={reported} />
          </details>
        ) : null}
        <p className="mt-3 text-base text-slate-900" aria-live="polite">
          Total: <strong className="tabular-nums">{formatCredits(total.quarters)} credits</strong>
          {total.capped ? <span className="text-slate-700"> (capped at the meeting&rsquo;s maximum, {formatCredits(maxQuarters)})</span> : null}
        </p>
      </fieldset>

      <fieldset aria-describedby={fields.creditType.errors?.length ? fields.creditType.errorId : undefined}>
        <legend className="text-base font-semibold text-slate-900">I claim as</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {creditTypes.map((type) => (
            <label key={type} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                {...getInputProps(fields.creditType, {
                  type: "radio",
                  value: type,
                })}
                key={`${fields.creditType.key}-${type}`}
                className="mt-1 h-5 w-5 accent-brand-700"
              />
              <span>
                <span className="block font-medium text-slate-900">{CREDIT_TYPE_CHOICES[type].label}</span>
                <span className="block text-sm text-slate-600">{CREDIT_TYPE_CHOICES[type].credit}</span>
              </span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.creditType.errorId} errors={fields.creditType.errors} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Your name on the certificate</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field meta={fields.firstName} label="First name" autoComplete="given-name" />
          <Field meta={fields.lastName} label="Last name" autoComplete="family-name" />
          <Field meta={fields.degree} label="Degree (MD, DO, RN…)" autoComplete="honorific-suffix" />
        </div>
      </fieldset>

      <fieldset className="group rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">Reporting to ACCME</legend>
        <CheckboxField
          meta={fields.parsConsent}
          label="Report my credit to ACCME (PARS / CME Passport), so my licensing and certifying boards can see it"
          hint="Optional. ACCME matches you by name, birthday and an NPI, state licence or board ID. Without your consent these details are not stored."
        />
        {/* Shown once consent is ticked, by CSS alone: the details are asked for only with consent, with or without JavaScript. */}
        <div className="mt-4 hidden gap-4 group-has-[[name=parsConsent]:checked]:grid sm:grid-cols-2">
          <SelectField
            meta={fields.birthMonth}
            label="Birth month"
            placeholder="Choose…"
            options={MONTHS.map((month, index) => ({
              value: String(index + 1),
              label: month,
            }))}
          />
          <Field meta={fields.birthDay} label="Birth day" inputMode="numeric" autoComplete="bday-day" />
          <Field meta={fields.npi} label="NPI" hint="Your 10-digit National Provider Identifier." inputMode="numeric" autoComplete="off" className="sm:col-span-2" />
          <StateField meta={fields.licenseState} />
          <Field meta={fields.licenseNumber} label="State licence number" autoComplete="off" />
          <Field meta={fields.certifyingBoard} label="Certifying board" hint="Such as ABR." autoComplete="off" />
          <Field meta={fields.boardId} label="Board ID" autoComplete="off" />
        </div>
      </fieldset>

      <div className="rounded-lg border border-brand-100 bg-brand-50 p-4">
        <CheckboxField meta={fields.attest} label={ATTESTATION} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Claiming…" className="w-full sm:w-auto">
          {amending ? "Submit my amended claim" : "Claim my credit"}
        </SubmitButton>
        {amending ? (
          <a href={href.myCme(meeting)} className={secondaryLinkClass}>
            Keep my claim as it is
          </a>
        ) : null}
      </div>
    </Form>
  );
}

type ClaimRow = {
  key: string | undefined;
  cells: {
    slug: FieldMetadata<string>;
    credit: FieldMetadata<string | undefined>;
    claim: FieldMetadata<boolean | undefined>;
  };
  session: ClaimSessionView;
};

/** One row per session: its evidence, designated and claimable credit, SA-CME, and the credit claimed. */
function SessionList({ meeting, rows }: { meeting: string; rows: ClaimRow[] }) {
  return (
    <ul className="mt-3 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      {rows.map(({ key, cells, session }) => (
        <li key={key} className="px-4 py-3 sm:px-5">
          <h3 className="font-semibold text-slate-900">{session.title}</h3>
          <p className="text-sm text-slate-600">{session.when}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            {session.selfReported ? <Badge tone="amber">Self-reported</Badge> : <Badge tone="brand">{session.source}</Badge>}
            <span>{session.selfReported ? "No attendance recorded" : `${session.minutes} minutes attended`}</span>
            <span>Designated {session.designated}</span>
            <span className="font-semibold text-slate-900">Claimable {session.claimable}</span>
          </p>
          {session.saCme ? (
            <p className="mt-1 text-sm">
              {session.saCmePassed ? (
                <span className="text-emerald-800">
                  <span aria-hidden="true">✓ </span>SA-CME: passed
                </span>
              ) : (
                <a href={href.selfAssessment(meeting, session.slug)} aria-label={`Take the self-assessment: ${session.title}`} className={linkClass}>
                  Take the self-assessment
                </a>
              )}
              {session.saCmePassed ? null : <span className="text-slate-600"> to count it as SA-CME</span>}
            </p>
          ) : null}
          <input {...getInputProps(cells.slug, { type: "hidden" })} key={cells.slug.key} />
          {session.selfReported ? (
            <div className="mt-2">
              <CheckboxField meta={cells.claim} label={`I attended this session: claim it as self-reported`} />
            </div>
          ) : null}
          <div className="mt-2 flex items-center gap-3">
            <label htmlFor={cells.credit.id} className="text-sm font-medium text-slate-800">
              Credit claimed<span className="sr-only">: {session.title}</span>
            </label>
            {/* A narrow box: the control's own class makes it full width. */}
            <div className="w-24 [&>input]:mt-0">
              <input
                {...getInputProps(cells.credit, {
                  type: "text",
                  ariaDescribedBy: cells.credit.errors?.length ? cells.credit.errorId : undefined,
                })}
                key={cells.credit.key}
                inputMode="decimal"
                autoComplete="off"
                className={`${controlClass(Boolean(cells.credit.errors?.length))} tabular-nums`}
              />
            </div>
            <span className="text-sm text-slate-600">of {session.claimable}</span>
          </div>
          <ErrorList id={cells.credit.errorId} errors={cells.credit.errors} />
        </li>
      ))}
    </ul>
  );
}

function StateField({ meta }: { meta: Parameters<typeof getSelectProps>[0] }) {
  const { key, ...props } = getSelectProps(meta);
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        Licensing state
      </label>
      <select key={key} {...props} className={controlClass(Boolean(meta.errors?.length))}>
        <option value="">None</option>
        {LICENSE_STATES.map((state) => (
          <option key={state} value={state}>
            {state}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export type ClaimVersionView = {
  number: number;
  when: string;
  /** "2.25 AMA PRA Category 1 Credits™", "2.25 hours of participation". */
  total: string;
  saCme: string | null;
  code: string | null;
  sessions: {
    title: string;
    credit: string;
    selfReported: boolean;
    saCme: boolean;
  }[];
};

/** The claim as it stands (the latest version), its certificate, and the versions before it. */
export function ClaimRecord({ meeting, versions, canAmend }: { meeting: string; versions: ClaimVersionView[]; canAmend: boolean }) {
  const [current, ...earlier] = versions;
  if (!current) return null;
  return (
    <div className="mt-4 space-y-4">
      <div className="rounded-lg border border-emerald-200 bg-white p-4 shadow-sm sm:p-5">
        <p className="text-lg text-slate-900">
          You claimed <strong className="tabular-nums">{current.total}</strong>
          {current.saCme ? `, of which ${current.saCme} SA-CME` : ""}.
        </p>
        <ul className="mt-2 space-y-1 text-sm text-slate-700">
          {current.sessions.map((session) => (
            <li key={session.title}>
              <span className="tabular-nums">{session.credit}</span> · {session.title}
              {session.selfReported ? (
                <span className="ml-2">
                  <Badge tone="amber">Self-reported</Badge>
                </span>
              ) : null}
              {session.saCme ? (
                <span className="ml-2">
                  <Badge tone="emerald">SA-CME</Badge>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {current.code ? (
          <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
            <a href={href.certificatePdf(meeting, current.code)} className={buttonLinkClass}>
              Download certificate (PDF)
            </a>
            <p className="text-sm text-slate-700">
              Verification code <strong className="font-mono text-slate-900">{current.code}</strong>
              {" · "}
              <a href={href.verifyCertificate(current.code)} className={linkClass}>
                Check it online
              </a>
            </p>
          </div>
        ) : null}
        {canAmend ? (
          <a href={href.myCme(meeting, { amend: "1" })} className={`mt-4 ${secondaryLinkClass}`}>
            Amend my claim
          </a>
        ) : null}
      </div>
      <div>
        <h3 className="text-base font-semibold text-slate-900">Versions</h3>
        <ol className="mt-2 space-y-1 text-sm text-slate-700">
          {[current, ...earlier].map((version) => (
            <li key={version.number}>
              Version {version.number} · {version.when} · {version.total}
              {version === current ? " · current" : " · superseded"}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
