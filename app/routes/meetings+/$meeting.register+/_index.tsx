// The registration form: category, attendance, in-training membership, proof of
// trainee status, add-ons and a promo code. Signed-out people sign in first and
// come back. Prices shown here are the current tier's; the server prices the
// order again itself and sends the person to pay (or, when it is free, straight
// to their registration). Works without JavaScript; with it, a running total.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ErrorList, FormErrors, SubmitButton, useIsPending, useSchemaForm } from "~/components/forms";
import { AddOnChoices, CategoryPrices, legendClass, ProofFieldset, QuoteSummary, sectionClass } from "~/components/register-form";
import type { ProgramHandle } from "../$meeting+/_layout";
import { priceRegistration, startCheckout } from "~/models/registration/checkout.server";
import { registerSchema, RegistrationChoiceSchema } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, categoryBarrier, dayOf, describeRefundPolicy, formatMoney, memberStatus, quoteRegistration, type AttendanceKind } from "~/models/registration/pricing";
import { readProof } from "~/models/registration/proof.server";
import { getMembership, getOwnRegistration, getRegistrationOffer, LIVE_STATUSES, seatsLeft } from "~/models/registration/registration.server";
import { refuse } from "~/models/refusal";
import { requireUser } from "~/server/auth.server";
import { refusalResponse } from "~/server/refusal.server";
import { href } from "~/utils/href";
import { dayKeyOf, formatDay, formatTime } from "~/utils/time";
import { PROOF_PROBLEM_MESSAGES, readProofForm } from "~/utils/upload.server";

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
  if (own && (LIVE_STATUSES as readonly string[]).includes(own.status)) throw redirect(href.registration(offer.slug));
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
      // Said before submitting: a members-only rate a non-member cannot take.
      barrier: categoryBarrier(category, memberStatus(membership).isFullMember, offer.society.shortName),
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const offer = await loadOffer(params.meeting ?? "");
  const schema = registerSchema(offer.registrationCategories.filter((category) => category.requiresProof).map((category) => category.slug));
  const form = await readProofForm(request);
  if (!form.ok) return refusalResponse(refuse("INVALID", PROOF_PROBLEM_MESSAGES["too-large"], "proofDocument"), undefined, { quote: null });
  if (form.formData.get("intent") === "quote") return quoteAction(user, offer.slug, form.formData);
  const submission = parseWithZod(form.formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), quote: null }, { status: 400 });
  const values = submission.value;
  // Proof is read (and a document stored) only for a category that needs it.
  const needsProof = offer.registrationCategories.some((category) => category.slug === values.category && category.requiresProof);
  const read = needsProof ? await readProof(values, form.formData.get("proofDocument")) : ({ ok: true, proof: null } as const);
  if (!read.ok) return refusalResponse(read, submission, { quote: null });

  const outcome = await startCheckout({
    meetingSlug: offer.slug,
    user,
    categorySlug: values.category,
    attendance: values.attendance,
    joinMembership: values.joinMembership ?? false,
    addOnSlugs: values.addOns ?? [],
    promoCode: values.promoCode ?? null,
    proof: read.proof,
  });
  if (!outcome.ok) return refusalResponse(outcome, submission, { quote: null });
  return redirect(outcome.redirectTo);
}

/**
 * "Check the total": the server prices what is chosen, promo code included,
 * and names every problem at once. Nothing is created or held.
 */
async function quoteAction(user: { id: string; email: string }, meetingSlug: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: RegistrationChoiceSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), quote: null }, { status: 400 });
  const { category, attendance, joinMembership, addOns, promoCode } = submission.value;
  const priced = await priceRegistration({ meetingSlug, user, categorySlug: category, attendance, joinMembership: joinMembership ?? false, addOnSlugs: addOns ?? [], promoCode: promoCode ?? null });
  if (!priced.ok) return refusalResponse(priced, submission, { quote: null });
  return { result: submission.reply(), quote: { ...priced.quote, promoCode: promoCode ?? null } };
}

export default function RegisterPage() {
  const { meeting, tier, attendances, member, categories, addOns, policy, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // "Check the total" with JavaScript: the server's quote (promo code applied) without leaving the page or losing a chosen file.
  const quoteFetcher = useFetcher<typeof action>();
  const [lastResult, setLastResult] = useState(actionData?.result);
  useEffect(() => setLastResult(actionData?.result), [actionData]);
  // The server's quote is shown until the choice changes; a change with a promo code typed asks again.
  const [serverQuote, setServerQuote] = useState(actionData?.quote ?? null);
  // Only a quote that came back replaces what the page shows: on hydration the fetcher has none, and the posted form's answer stays.
  useEffect(() => {
    if (!quoteFetcher.data) return;
    setLastResult(quoteFetcher.data.result);
    setServerQuote(quoteFetcher.data.quote);
  }, [quoteFetcher.data]);
  const recheck = useRef<ReturnType<typeof setTimeout>>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const checkTotal = () => {
    if (!formRef.current) return;
    const formData = new FormData(formRef.current);
    formData.delete("proofDocument");
    formData.set("intent", "quote");
    quoteFetcher.submit(formData, { method: "post" });
  };
  const pending = useIsPending();
  const proofCategories = categories.filter((category) => category.requiresProof).map((category) => category.slug);
  const schema = registerSchema(proofCategories);
  const [form, fields] = useSchemaForm(schema, {
    id: "register",
    lastResult,
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

  // The total is the server's own quote of what is chosen (the promo code aside, which the server checks).
  const price = chosen?.prices.find((candidate) => candidate.attendance === choice.attendance);
  const chosenAddOns = addOns.filter((addOn) => choice.addOns.includes(addOn.slug)).map((addOn) => ({ ...addOn, id: addOn.slug }));
  const quoted = tier && chosen && price
    ? quoteRegistration({ societyName: meeting.society, category: chosen, tierName: tier.name, attendance: price.attendance, price, ...memberStatus(member), joinMembership: choice.join, addOns: chosenAddOns, promo: null })
    : null;

  if (!tier) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">Registration is closed</h1>
        <p className="mt-3 text-slate-700">Registration for {meeting.name} has closed.</p>
      </div>
    );
  }

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
        ref={formRef}
        className="mt-6 space-y-6"
        onChange={(event) => {
          const formData = new FormData(event.currentTarget);
          setServerQuote(null);
          clearTimeout(recheck.current);
          if (String(formData.get("promoCode") ?? "").trim() && formData.get("category")) recheck.current = setTimeout(checkTotal, 400);
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
                  className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 hover:border-brand-600 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:bg-slate-50 has-[:disabled]:hover:border-slate-200 sm:p-4"
                >
                  <input
                    type="radio"
                    id={id}
                    name={fields.category.name}
                    value={category.slug}
                    defaultChecked={fields.category.initialValue === category.slug}
                    required
                    disabled={category.barrier !== null}
                    aria-describedby={category.barrier ? `${id}-barrier ${id}-description` : `${id}-description`}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                      <span className="font-semibold text-slate-900">{category.name}</span>
                      {category.requiresProof ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">Proof of status</span> : null}
                      {category.membersOnly ? <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">Members only</span> : null}
                    </span>
                    <CategoryPrices prices={category.prices} attendance={attendances.length === 1 ? attendances[0] : choice.attendance} member={member !== null} currency={meeting.currency} />
                    {category.barrier ? (
                      <span id={`${id}-barrier`} className="mt-1 block text-sm font-medium text-amber-950">
                        {category.barrier}
                      </span>
                    ) : null}
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
          <ProofFieldset categoryName={chosen?.name} fields={{ method: fields.proofMethod, document: fields.proofDocument, email: fields.institutionalEmail }} />
        ) : null}

        <AddOnChoices addOns={addOns} field={fields.addOns} currency={meeting.currency} />
        <div className={sectionClass}>
          <label htmlFor={fields.promoCode.id} className="block font-semibold text-slate-900">
            Promo code <span className="font-normal text-slate-600">(optional)</span>
          </label>
<div className="mt-1.5 flex flex-wrap items-center gap-2">
                      <input
              type="text"
              id={fields.promoCode.id}
              name={fields.promoCode.name}
              defaultValue={fields.promoCode.initialValue}
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={fields.promoCode.errors?.length ? true : undefined}
              aria-describedby={fields.promoCode.errors?.length ? fields.promoCode.errorId : undefined}
              className="block w-full max-w-xs rounded-md border border-slate-500 bg-white px-3 py-2 text-base uppercase text-slate-900 shadow-sm"
            />
            <SubmitButton
              name="intent"
              value="quote"
              formNoValidate
              variant="secondary"
              pending={quoteFetcher.state !== "idle"}
              pendingLabel="Checking…"
              onClick={(event) => {
                // With JavaScript the page stays as it is (a chosen file too); without, the form posts and comes back priced.
                event.preventDefault();
                checkTotal();
              }}
            >
              Check the total
            </SubmitButton>
          </div>
          <ErrorList id={fields.promoCode.errorId} errors={fields.promoCode.errors} />
        </div>

        <section aria-labelledby="summary-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4 sm:p-6">
          <h2 id="summary-heading" className="text-lg font-bold text-slate-900">
            Summary
          </h2>
          <QuoteSummary quoted={quoted} confirmed={serverQuote} currency={meeting.currency} promoTyped={Boolean(fields.promoCode.value)} />
          <p className="mt-3 text-sm text-slate-700">{policy}</p>
          <SubmitButton pending={pending} pendingLabel="Holding your place…" className="mt-4 w-full sm:w-auto">
            {(serverQuote ?? (quoted?.ok ? quoted.quote : null))?.total === 0 ? "Register" : "Continue to payment"}
          </SubmitButton>
        </section>
      </Form>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
