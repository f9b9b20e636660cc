// The registration form: category, attendance, in-training membership, proof of
// trainee status, add-ons and a promo code. Signed-out people sign in first and
// come back. Prices shown here are the current tier's; the server prices the
// order again itself and sends the person to pay (or, when it is free, straight
// to their registration). Works without JavaScript; with it, a running total.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { ErrorList, FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { ProgramErrorBoundary } from "~/components/program-error";
import type { ProgramHandle } from "../$meeting+/_layout";
import { startCheckout, type CheckoutField } from "~/models/registration/checkout.server";
import { PROOF_ACCEPT, registerSchema } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, dayOf, describeRefundPolicy, formatMoney, type AttendanceKind } from "~/models/registration/pricing";
import { getMembership, getOwnRegistration, getRegistrationOffer, LIVE_STATUSES, seatsLeft } from "~/models/registration/registration.server";
import { requireUser } from "~/server/auth.server";
import { dayKeyOf, formatDay, formatTime } from "~/utils/time";
import { fileBytes, PROOF_PROBLEM_MESSAGES, readProofForm, storeProof } from "~/utils/upload.server";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Register · ${data.meeting.name}` : "Register" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

async function loadOffer(slug: string) {
  const offer = await getRegistrationOffer(slug);
  if (!offer) throw new Response("There is no meeting at this address.", { status: 404 });
  return offer;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const offer = await loadOffer(params.meeting ?? "");
  const own = await getOwnRegistration(user.id, offer.id);
  if (own && (LIVE_STATUSES as readonly string[]).includes(own.status)) throw redirect(`/meetings/${offer.slug}/registration`);
  const membership = await getMembership(user.id, offer.society.id, dayKeyOf(new Date(), offer.timeZone));
  const tier = offer.tier;
  const nextTier = tier ? offer.registrationTiers.find((candidate) => candidate.position > tier.position) : undefined;
  const attendances = [...new Set(offer.registrationCategories.flatMap((category) => category.prices.filter((price) => price.tierId === tier?.id).map((price) => price.attendance)))].sort() as AttendanceKind[];
  return {
    meeting: { slug: offer.slug, name: offer.name, currency: offer.currency, format: offer.format, society: offer.society.shortName },
    tier: tier ? { name: tier.name, lastDay: tier.lastDay ? formatDay(dayOf(tier.lastDay)) : null, next: nextTier?.name ?? null } : null,
    attendances,
    member: membership ? { kind: membership.kind } : null,
    categories: offer.registrationCategories.map((category) => ({
      slug: category.slug,
      name: category.name,
      description: category.description,
      requiresProof: category.requiresProof,
      membersOnly: category.membersOnly,
      membershipFee: category.membershipFee,
      audience: category.audience,
      prices: category.prices
        .filter((price) => price.tierId === tier?.id)
        .map((price) => ({ attendance: price.attendance, amount: price.amount, memberAmount: price.memberAmount })),
    })),
    addOns: offer.registrationAddOns.map((addOn) => ({
      slug: addOn.slug,
      name: addOn.name,
      description: addOn.description,
      amount: addOn.amount,
      audience: addOn.audience,
      seatsLeft: seatsLeft(addOn),
      when: addOn.session ? `${formatDay(dayKeyOf(addOn.session.startsAt, offer.timeZone), "short")}, ${formatTime(addOn.session.startsAt, offer.timeZone)}` : null,
    })),
    policy: describeRefundPolicy(offer.registrationPolicy, offer.currency),
    user: { name: user.name, email: user.email },
  };
}

/** Where the model's complaints show up in the form. */
const FIELD_OF: Record<CheckoutField, string> = {
  category: "category",
  attendance: "attendance",
  joinMembership: "joinMembership",
  addOns: "addOns",
  promoCode: "promoCode",
  proof: "proofMethod",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const offer = await loadOffer(params.meeting ?? "");
  const schema = registerSchema(offer.registrationCategories.filter((category) => category.requiresProof).map((category) => category.slug));
  const form = await readProofForm(request);
  if (!form.ok) {
    return data({ result: { status: "error" as const, error: { proofDocument: [PROOF_PROBLEM_MESSAGES["too-large"]] } } }, { status: 400 });
  }
  const submission = parseWithZod(form.formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const values = submission.value;
  const needsProof = offer.registrationCategories.some((category) => category.slug === values.category && category.requiresProof);

  let proof = null;
  if (needsProof && values.proofMethod === "DOCUMENT") {
    const file = await fileBytes(form.formData.get("proofDocument"));
    const stored = file ? await storeProof(file.bytes, file.name) : ({ ok: false, problem: "empty" } as const);
    if (!stored.ok) return data({ result: submission.reply({ fieldErrors: { proofDocument: [PROOF_PROBLEM_MESSAGES[stored.problem]] } }) }, { status: 400 });
    proof = { method: "DOCUMENT" as const, document: stored.stored };
  } else if (needsProof && values.proofMethod === "INSTITUTIONAL_EMAIL" && values.institutionalEmail) {
    proof = { method: "INSTITUTIONAL_EMAIL" as const, email: values.institutionalEmail };
  }

  const outcome = await startCheckout({
    meetingSlug: offer.slug,
    user,
    categorySlug: values.category,
    attendance: values.attendance,
    joinMembership: values.joinMembership ?? false,
    addOnSlugs: values.addOns ?? [],
    promoCode: values.promoCode ?? null,
    proof,
  });
  if (!outcome.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.fieldErrors).map(([field, errors]) => [FIELD_OF[field as CheckoutField], errors]));
    return data({ result: submission.reply({ fieldErrors, formErrors: outcome.formError ? [outcome.formError] : undefined }) }, { status: outcome.status === 502 ? 503 : outcome.status });
  }
  return redirect(outcome.redirectTo);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Category = LoaderData["categories"][number];

/** A category's price for the chosen attendance, or for each attendance until one is chosen; member rates beside. */
function CategoryPrices({ category, attendance, member, currency }: { category: Category; attendance?: AttendanceKind; member: boolean; currency: string }) {
  const money = (amount: number) => (amount === 0 ? "Free" : formatMoney(amount, currency));
  const shown = attendance ? category.prices.filter((price) => price.attendance === attendance) : category.prices;
  return (
    <span className="mt-1 block text-sm">
      {shown.map((price) => {
        const own = member && price.memberAmount !== null ? price.memberAmount : price.amount;
        return (
          <span key={price.attendance} className="block">
            {shown.length > 1 ? <span className="text-slate-600">{ATTENDANCE_LABELS[price.attendance]}: </span> : null}
            <span className="text-base font-semibold text-slate-900">{money(own)}</span>
            {!member && price.memberAmount !== null && price.memberAmount !== price.amount ? <span className="text-slate-600"> · members {money(price.memberAmount)}</span> : null}
            {member && price.memberAmount !== null ? <span className="text-slate-600"> member rate</span> : null}
          </span>
        );
      })}
    </span>
  );
}

const AUDIENCE_NOTE = { EVERYONE: null, RESIDENTS_FELLOWS: "Residents and fellows only", MEDICAL_STUDENTS: "Medical students only" } as const;

export default function RegisterPage() {
  const { meeting, tier, attendances, member, categories, addOns, policy, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const proofCategories = categories.filter((category) => category.requiresProof).map((category) => category.slug);
  const schema = registerSchema(proofCategories);
  const [form, fields] = useForm({
    id: "register",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: attendances.length === 1 ? { attendance: attendances[0] } : undefined,
  });
  // The running total needs JavaScript; without it the payment page shows the total before anything is charged.
  const [choice, setChoice] = useState<{ category?: string; attendance?: AttendanceKind; join: boolean; addOns: string[]; hydrated: boolean }>({
    attendance: attendances.length === 1 ? attendances[0] : undefined,
    join: false,
    addOns: [],
    hydrated: false,
  });
  const money = (amount: number) => formatMoney(amount, meeting.currency);
  const chosen = categories.find((category) => category.slug === choice.category);
  const offersMembership = !member && categories.some((category) => category.membershipFee !== null);
  const showProof = !choice.hydrated || !chosen || chosen.requiresProof;
  const showMembership = offersMembership && (!choice.hydrated || !chosen || chosen.membershipFee !== null);

  let total: { lines: [string, number][]; sum: number } | null = null;
  if (chosen && choice.attendance) {
    const price = chosen.prices.find((candidate) => candidate.attendance === choice.attendance);
    if (price) {
      const joins = choice.join && chosen.membershipFee !== null && !member;
      const memberRate = (member !== null || joins) && price.memberAmount !== null;
      const fee = memberRate ? price.memberAmount! : price.amount;
      const lines: [string, number][] = [[`${chosen.name}${memberRate ? " (member rate)" : ""}`, fee]];
      if (joins) lines.push([`${meeting.society} in-training membership`, chosen.membershipFee ?? 0]);
      for (const slug of choice.addOns) {
        const addOn = addOns.find((candidate) => candidate.slug === slug);
        if (addOn) lines.push([addOn.name, addOn.amount]);
      }
      total = { lines, sum: lines.reduce((sum, [, amount]) => sum + amount, 0) };
    }
  }

  if (!tier) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">Registration is closed</h1>
        <p className="mt-3 text-slate-700">Registration for {meeting.name} has closed.</p>
      </div>
    );
  }

  const sectionClass = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
  const legendClass = "text-lg font-bold text-slate-900";

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 sm:px-6 sm:py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Register for {meeting.name}</h1>
      <p className="mt-2 text-slate-700">
        Registering as <strong className="font-semibold">{user.name}</strong> ({user.email}). {tier.name} rates apply
        {tier.lastDay ? ` through ${tier.lastDay}` : ""}; prices in {meeting.currency}.
      </p>

      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="mt-6 space-y-6"
        onChange={(event) => {
          const formData = new FormData(event.currentTarget);
          setChoice({
            category: (formData.get("category") as string | null) ?? undefined,
            attendance: (formData.get("attendance") as AttendanceKind | null) ?? undefined,
            join: formData.get("joinMembership") === "on",
            addOns: formData.getAll("addOns").map(String),
            hydrated: true,
          });
        }}
      >
        <FormErrors id={form.errorId} errors={form.errors} />

        <fieldset className={sectionClass}>
          <legend className={`${legendClass} float-left w-full`}>How you will attend</legend>
          <div className="clear-both">
            <ErrorList id={fields.attendance.errorId} errors={fields.attendance.errors} />
            {meeting.format === "VIRTUAL" ? <p className="pt-1 text-sm text-slate-600">{meeting.name} is a virtual meeting: every session streams live.</p> : <p className="pt-1 text-sm text-slate-600">Prices below are for the way you choose.</p>}
            <div className="mt-3 flex flex-wrap gap-3">
              {attendances.map((attendance) => (
                <label key={attendance} className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-200 px-4 py-2.5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                  <input
                    type="radio"
                    name={fields.attendance.name}
                    value={attendance}
                    defaultChecked={fields.attendance.initialValue === attendance}
                    required
                    className="h-4 w-4 accent-brand-700"
                  />
                  <span className="font-medium">{ATTENDANCE_LABELS[attendance]}</span>
                </label>
              ))}
            </div>
          </div>
        </fieldset>

        <fieldset className={sectionClass} aria-describedby={fields.category.errors?.length ? fields.category.errorId : undefined}>
          <legend className={`${legendClass} float-left w-full`}>Your category</legend>
          <p className="clear-both pt-1 text-sm text-slate-600">
            {member
              ? `You are a ${meeting.society} member: member rates apply.`
              : `Member rates are for ${meeting.society} members${offersMembership ? "; trainees can join below, in this same checkout" : ""}.`}
          </p>
          <ErrorList id={fields.category.errorId} errors={fields.category.errors} />
          <div className="mt-3 grid gap-3">
            {categories.map((category) => {
              const id = `category-${category.slug}`;
              return (
                <label
                  key={category.slug}
                  htmlFor={id}
                  className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 hover:border-brand-600 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 sm:p-4"
                >
                  <input
                    type="radio"
                    id={id}
                    name={fields.category.name}
                    value={category.slug}
                    defaultChecked={fields.category.initialValue === category.slug}
                    required
                    aria-describedby={`${id}-description`}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                      <span className="font-semibold text-slate-900">{category.name}</span>
                      {category.requiresProof ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">Proof of status</span> : null}
                      {category.membersOnly ? <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">Members only</span> : null}
                    </span>
                    <CategoryPrices category={category} attendance={attendances.length === 1 ? attendances[0] : choice.attendance} member={member !== null} currency={meeting.currency} />
                    <span id={`${id}-description`} className="mt-1 block text-sm text-slate-600">
                      {category.description}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        {showMembership ? (
          <section aria-labelledby="membership-heading" className={sectionClass}>
            <h2 id="membership-heading" className={legendClass}>
              Join {meeting.society} as an in-training member
            </h2>
            <label className="mt-3 flex cursor-pointer gap-3">
              <input type="checkbox" name={fields.joinMembership.name} id={fields.joinMembership.id} aria-describedby={`${fields.joinMembership.id}-hint`} className="mt-1 h-4 w-4 shrink-0 accent-brand-700" />
              <span>
                <span className="font-medium text-slate-900">
                  Add a year of in-training membership
                  {chosen?.membershipFee !== undefined && chosen?.membershipFee !== null ? ` (${chosen.membershipFee === 0 ? "free" : money(chosen.membershipFee)})` : ""}
                </span>
                <span id={`${fields.joinMembership.id}-hint`} className="mt-0.5 block text-sm text-slate-600">
                  Residents, fellows and scientists-in-training pay {money(categories.find((c) => (c.membershipFee ?? 0) > 0)?.membershipFee ?? 5000)} a year; medical students join free. Members pay the member rate in this same checkout.
                </span>
              </span>
            </label>
            <ErrorList id={fields.joinMembership.errorId} errors={fields.joinMembership.errors} />
          </section>
        ) : null}

        {showProof ? (
          <fieldset className={sectionClass} aria-describedby="proof-hint">
            <legend className={`${legendClass} float-left w-full`}>Proof of trainee or student status</legend>
            <p id="proof-hint" className="clear-both pt-1 text-sm text-slate-600">
              {chosen ? `${chosen.name} registrations` : "Residents, fellows, scientists-in-training and medical students"} need proof. An organizer checks it; until then your registration is pending verification.
            </p>
            <ErrorList id={fields.proofMethod.errorId} errors={fields.proofMethod.errors} />
            <div className="mt-3 space-y-4">
              <div className="rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-700 sm:p-4">
                <label className="flex cursor-pointer items-center gap-2 font-medium">
                  <input type="radio" name={fields.proofMethod.name} value="DOCUMENT" defaultChecked={fields.proofMethod.initialValue === "DOCUMENT"} className="h-4 w-4 accent-brand-700" />
                  Upload a document
                </label>
                <label htmlFor={fields.proofDocument.id} className="mt-3 block text-sm font-medium text-slate-800">
                  Letter from your program or a trainee/student ID
                </label>
                <p id={`${fields.proofDocument.id}-hint`} className="text-sm text-slate-600">
                  PDF, PNG or JPEG, up to 5 MB.
                </p>
                <input
                  type="file"
                  id={fields.proofDocument.id}
                  name={fields.proofDocument.name}
                  accept={PROOF_ACCEPT}
                  aria-describedby={`${fields.proofDocument.id}-hint${fields.proofDocument.errors?.length ? ` ${fields.proofDocument.errorId}` : ""}`}
                  aria-invalid={fields.proofDocument.errors?.length ? true : undefined}
                  className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-slate-800"
                />
                <ErrorList id={fields.proofDocument.errorId} errors={fields.proofDocument.errors} />
              </div>
              <div className="rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-700 sm:p-4">
                <label className="flex cursor-pointer items-center gap-2 font-medium">
                  <input type="radio" name={fields.proofMethod.name} value="INSTITUTIONAL_EMAIL" defaultChecked={fields.proofMethod.initialValue === "INSTITUTIONAL_EMAIL"} className="h-4 w-4 accent-brand-700" />
                  Use my institutional e-mail
                </label>
                <label htmlFor={fields.institutionalEmail.id} className="mt-3 block text-sm font-medium text-slate-800">
                  Institutional e-mail address
                </label>
                <p id={`${fields.institutionalEmail.id}-hint`} className="text-sm text-slate-600">
                  Your university or hospital address; we send it a link to confirm.
                </p>
                <input
                  type="email"
                  id={fields.institutionalEmail.id}
                  name={fields.institutionalEmail.name}
                  defaultValue={fields.institutionalEmail.initialValue}
                  autoComplete="off"
                  aria-describedby={`${fields.institutionalEmail.id}-hint${fields.institutionalEmail.errors?.length ? ` ${fields.institutionalEmail.errorId}` : ""}`}
                  aria-invalid={fields.institutionalEmail.errors?.length ? true : undefined}
                  className="mt-1.5 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
                />
                <ErrorList id={fields.institutionalEmail.errorId} errors={fields.institutionalEmail.errors} />
              </div>
            </div>
          </fieldset>
        ) : null}

        <fieldset className={sectionClass}>
          <legend className={`${legendClass} float-left w-full`}>Add-ons</legend>
          <p className="clear-both pt-1 text-sm text-slate-600">Optional. Seats are held for 30 minutes while you pay.</p>
          <ErrorList id={fields.addOns.errorId} errors={fields.addOns.errors} />
          <ul className="mt-3 divide-y divide-slate-200">
            {addOns.map((addOn) => {
              const soldOut = addOn.seatsLeft === 0;
              const note = AUDIENCE_NOTE[addOn.audience];
              const id = `add-on-${addOn.slug}`;
              return (
                <li key={addOn.slug} className="py-3 first:pt-0 last:pb-0">
                  <label htmlFor={id} className={`flex gap-3 ${soldOut ? "cursor-not-allowed" : "cursor-pointer"}`}>
                    <input
                      type="checkbox"
                      id={id}
                      name={fields.addOns.name}
                      value={addOn.slug}
                      disabled={soldOut}
                      defaultChecked={(fields.addOns.initialValue as string[] | undefined)?.includes(addOn.slug)}
                      aria-describedby={`${id}-details`}
                      className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <span className={`font-medium ${soldOut ? "text-slate-500" : "text-slate-900"}`}>{addOn.name}</span>
                        <span className="font-semibold text-slate-900">{money(addOn.amount)}</span>
                      </span>
                      <span id={`${id}-details`} className="mt-0.5 block text-sm text-slate-600">
                        {[addOn.when, note, soldOut ? null : addOn.seatsLeft === null ? null : `${addOn.seatsLeft} ${addOn.seatsLeft === 1 ? "seat" : "seats"} left`].filter(Boolean).join(" · ")}
                        {soldOut ? <span className="ml-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Sold out</span> : null}
                      </span>
                      {!addOn.when && addOn.description ? <span className="mt-0.5 block text-sm text-slate-600">{addOn.description}</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <div className={sectionClass}>
          <label htmlFor={fields.promoCode.id} className="block font-semibold text-slate-900">
            Promo code <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <input
            type="text"
            id={fields.promoCode.id}
            name={fields.promoCode.name}
            defaultValue={fields.promoCode.initialValue}
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={fields.promoCode.errors?.length ? true : undefined}
            aria-describedby={fields.promoCode.errors?.length ? fields.promoCode.errorId : undefined}
            className="mt-1.5 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 text-base uppercase text-slate-900 shadow-sm"
          />
          <ErrorList id={fields.promoCode.errorId} errors={fields.promoCode.errors} />
        </div>

        <section aria-labelledby="summary-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4 sm:p-6">
          <h2 id="summary-heading" className="text-lg font-bold text-slate-900">
            Summary
          </h2>
          {total ? (
            <dl className="mt-3 space-y-1 text-sm" aria-live="polite">
              {total.lines.map(([label, amount]) => (
                <div key={label} className="flex justify-between gap-3">
                  <dt className="text-slate-700">{label}</dt>
                  <dd className="font-medium text-slate-900">{money(amount)}</dd>
                </div>
              ))}
              <div className="flex justify-between gap-3 border-t border-brand-100 pt-2 text-base">
                <dt className="font-semibold">Total{fields.promoCode.value ? " before promo code" : ""}</dt>
                <dd className="font-bold">{money(total.sum)}</dd>
              </div>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-700">Choose a category to see your total. You see the final total, promo code applied, before you pay.</p>
          )}
          <p className="mt-3 text-sm text-slate-700">{policy}</p>
          <SubmitButton pending={pending} pendingLabel="Holding your place…" className="mt-4 w-full sm:w-auto">
            {total && total.sum === 0 ? "Register" : "Continue to payment"}
          </SubmitButton>
        </section>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ProgramErrorBoundary />;
}
