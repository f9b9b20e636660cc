// The registration form's larger parts, kept out of
// the route so that it reads as loader, action and page: each category's
// prices, the proof of status, the add-ons with their seats, and the summary
// of the server's own quote (quoteRegistration) of what is chosen.
import { ErrorList } from "~/components/forms";
import { PROOF_ACCEPT } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, formatMoney, type AttendanceKind, type Audience, type Quote, type quoteRegistration } from "~/models/registration/pricing";

/** What a form control needs of Conform's field metadata. */
type FieldProps = { id: string; name: string; errorId: string; errors?: string[]; initialValue?: unknown };

export const sectionClass = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
export const legendClass = "text-lg font-bold text-slate-900";

type CategoryPrice = { attendance: AttendanceKind; amount: number; memberAmount: number | null };

/** A category's price for the chosen attendance, or for each attendance until one is chosen; member rates beside. */
export function CategoryPrices({ prices, attendance, member, currency }: { prices: CategoryPrice[]; attendance?: AttendanceKind; member: boolean; currency: string }) {
  const money = (amount: number) => (amount === 0 ? "Free" : formatMoney(amount, currency));
  const shown = attendance ? prices.filter((price) => price.attendance === attendance) : prices;
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

/** How a trainee proves their status: a document, or an institutional address that gets a link. */
export function ProofFieldset({ categoryName, fields }: { categoryName?: string; fields: { method: FieldProps; document: FieldProps; email: FieldProps } }) {
  return (
    <fieldset className={sectionClass} aria-describedby="proof-hint">
      <legend className={`${legendClass} float-left w-full`}>Proof of trainee or student status</legend>
      <p id="proof-hint" className="clear-both pt-1 text-sm text-slate-600">
        {categoryName ? `${categoryName} registrations` : "Residents, fellows, scientists-in-training and medical students"} need proof. An organizer checks it; until then your registration is pending verification.
      </p>
      <ErrorList id={fields.method.errorId} errors={fields.method.errors} />
      <div className="mt-3 space-y-4">
        <div className="rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-700 sm:p-4">
          <label className="flex cursor-pointer items-center gap-2 font-medium">
            <input type="radio" name={fields.method.name} value="DOCUMENT" defaultChecked={fields.method.initialValue === "DOCUMENT"} className="h-4 w-4 accent-brand-700" />
            Upload a document
          </label>
          <label htmlFor={fields.document.id} className="mt-3 block text-sm font-medium text-slate-800">
            Letter from your program or a trainee/student ID
          </label>
          <p id={`${fields.document.id}-hint`} className="text-sm text-slate-600">
            PDF, PNG or JPEG, up to 5 MB.
          </p>
          <input
            type="file"
            id={fields.document.id}
            name={fields.document.name}
            accept={PROOF_ACCEPT}
            aria-describedby={`${fields.document.id}-hint${fields.document.errors?.length ? ` ${fields.document.errorId}` : ""}`}
            aria-invalid={fields.document.errors?.length ? true : undefined}
            className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-slate-800"
          />
          <ErrorList id={fields.document.errorId} errors={fields.document.errors} />
        </div>
        <div className="rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-700 sm:p-4">
          <label className="flex cursor-pointer items-center gap-2 font-medium">
            <input type="radio" name={fields.method.name} value="INSTITUTIONAL_EMAIL" defaultChecked={fields.method.initialValue === "INSTITUTIONAL_EMAIL"} className="h-4 w-4 accent-brand-700" />
            Use my institutional e-mail
          </label>
          <label htmlFor={fields.email.id} className="mt-3 block text-sm font-medium text-slate-800">
            Institutional e-mail address
          </label>
          <p id={`${fields.email.id}-hint`} className="text-sm text-slate-600">
            Your university or hospital address; we send it a link to confirm.
          </p>
          <input
            type="email"
            id={fields.email.id}
            name={fields.email.name}
            defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
            autoComplete="off"
            aria-describedby={`${fields.email.id}-hint${fields.email.errors?.length ? ` ${fields.email.errorId}` : ""}`}
            aria-invalid={fields.email.errors?.length ? true : undefined}
            className="mt-1.5 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
          />
          <ErrorList id={fields.email.errorId} errors={fields.email.errors} />
        </div>
      </div>
    </fieldset>
  );
}

const AUDIENCE_NOTE = { EVERYONE: null, RESIDENTS_FELLOWS: "Residents and fellows only", MEDICAL_STUDENTS: "Medical students only" } as const;

type AddOnChoice = { slug: string; name: string; description: string; amount: number; audience: Audience; seatsLeft: number | null; when: string | null };

/** The add-ons, with their seats left; a sold-out one cannot be ticked. */
export function AddOnChoices({ addOns, field, currency }: { addOns: AddOnChoice[]; field: FieldProps; currency: string }) {
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <fieldset className={sectionClass}>
      <legend className={`${legendClass} float-left w-full`}>Add-ons</legend>
      <p className="clear-both pt-1 text-sm text-slate-600">Optional. Seats are held for 30 minutes while you pay.</p>
      <ErrorList id={field.errorId} errors={field.errors} />
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
                  name={field.name}
                  value={addOn.slug}
                  disabled={soldOut}
                  defaultChecked={(field.initialValue as string[] | undefined)?.includes(addOn.slug)}
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
  );
}

/**
 * The quote of what is chosen, line by line, or why it cannot be bought; before
 * a category is chosen, a hint. `confirmed` is the server's own quote of the
 * same choice, promo code applied, once the person has checked the total.
 */
export function QuoteSummary({
  quoted,
  confirmed,
  currency,
  promoTyped,
}: {
  quoted: ReturnType<typeof quoteRegistration> | null;
  confirmed: (Quote & { promoCode: string | null }) | null;
  currency: string;
  promoTyped: boolean;
}) {
  const money = (amount: number) => formatMoney(amount, currency);
  if (!quoted && !confirmed) return <p className="mt-2 text-sm text-slate-700">Choose a category to see your total. You see the final total, promo code applied, before you pay.</p>;
  if (!confirmed && quoted && !quoted.ok) {
    return (
      <ul className="mt-2 space-y-1 text-sm font-medium text-red-800" aria-live="polite">
        {quoted.problems.map((problem) => (
          <li key={problem.message}>{problem.message}</li>
        ))}
      </ul>
    );
  }
  const quote = confirmed ?? (quoted?.ok ? quoted.quote : null);
  if (!quote) return null;
  const row = "flex justify-between gap-3";
  return (
    <dl className="mt-3 space-y-1 text-sm" aria-live="polite">
      {quote.items.map((item, index) => (
        <div key={`${item.kind}-${index}`} className={row}>
          <dt className="text-slate-700">
            {item.description}
            {item.kind === "REGISTRATION" && quote.memberPricing ? " · member rate" : ""}
          </dt>
          <dd className="font-medium text-slate-900">{money(item.amount)}</dd>
        </div>
      ))}
      {confirmed?.promoCode ? (
        <div className={row}>
          <dt className="text-slate-700">Promo code {confirmed.promoCode.toUpperCase()}</dt>
          <dd className="font-medium text-emerald-800">{confirmed.discount ? `−${money(confirmed.discount)}` : "no discount on this choice"}</dd>
        </div>
      ) : null}
      <div className={`${row} border-t border-brand-100 pt-2 text-base`}>
        <dt className="font-semibold">{confirmed ? "Total due" : promoTyped ? "Total before promo code" : "Total due"}</dt>
        <dd className="font-bold">{money(confirmed ? confirmed.total : quote.subtotal)}</dd>
      </div>
      {!confirmed && promoTyped ? <p className="text-slate-700">Check the total to see your promo code applied.</p> : null}
    </dl>
  );
}
