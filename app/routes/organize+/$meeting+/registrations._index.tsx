// The registration console: counts and revenue by category and tier, the seats
// of every add-on, the verification queue's size, search, and the CSV export.
// Only the meeting's organizers (and admins) get in, on every request.
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, Section, buttonLinkClass, linkClass, secondaryLinkClass } from "~/components/console";
import { getMeeting } from "~/models/meetings/meeting.server";
import { countPendingVerifications, listAddOnSeats, registrationSummary, searchRegistrations, SEARCH_PAGE_SIZE } from "~/models/registration/console.server";
import { REGISTRATION_FILTERS, type RegistrationFilter } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, formatMoney } from "~/models/registration/pricing";
import { meetingCurrency } from "~/models/registration/registration.server";
import { requireMeetingRole } from "~/server/auth.server";
import { href } from "~/utils/href";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Registrations · ${data.meeting.name}` : "Registrations" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 200) ?? "";
  const filterParam = url.searchParams.get("filter") ?? "all";
  const filter: RegistrationFilter = (REGISTRATION_FILTERS as readonly string[]).includes(filterParam) ? (filterParam as RegistrationFilter) : "all";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const [summary, addOns, pending, found, currency] = await Promise.all([
    registrationSummary(meeting.id),
    listAddOnSeats(meeting.id),
    countPendingVerifications(meeting.id),
    searchRegistrations(meeting.id, { q, filter, page }),
    meetingCurrency(meeting.id),
  ]);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    summary,
    totals: summary.reduce(
      (sum, row) => ({
        confirmed: sum.confirmed + row.confirmed,
        pendingVerification: sum.pendingVerification + row.pendingVerification,
        awaitingPayment: sum.awaitingPayment + row.awaitingPayment,
        cancelled: sum.cancelled + row.cancelled,
        revenue: sum.revenue + row.revenue,
      }),
      { confirmed: 0, pendingVerification: 0, awaitingPayment: 0, cancelled: 0, revenue: 0 },
    ),
    addOns: addOns.map((addOn) => ({ ...addOn, left: addOn.capacity === null ? null : addOn.capacity - addOn.sold - addOn.held })),
    pending,
    search: {
      q,
      filter,
      page,
      total: found.total,
      pages: Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE)),
      rows: found.rows.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.user.name,
        email: row.user.email,
        category: row.category.name,
        tier: row.tier.name,
        attendance: ATTENDANCE_LABELS[row.attendance],
        state: row.state,
        comped: row.comped,
        paid: row.paid,
        registeredOn: formatDate(row.createdAt, meeting.timeZone),
      })),
    },
    currency,
  };
}

const STATE_TONES: Record<string, "emerald" | "amber" | "red" | "brand" | "slate"> = {
  Confirmed: "emerald",
  "Pending verification": "amber",
  "Verification declined": "red",
  "Awaiting payment": "brand",
  Cancelled: "slate",
};

const FILTER_LABELS: Record<RegistrationFilter, string> = {
  all: "All",
  confirmed: "Confirmed",
  pending: "Pending or declined verification",
  awaiting: "Awaiting payment",
  cancelled: "Cancelled",
};

export default function RegistrationsConsole() {
  const { meeting, summary, totals, addOns, pending, search, currency } = useLoaderData<typeof loader>();
  const money = (amount: number) => formatMoney(amount, currency);
  const pageHref = (page: number) => href.organize.registrations(meeting.slug, { q: search.q, filter: search.filter, page });
  const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase";
  const td = "px-3 py-2 text-sm text-slate-800";
  return (
    <ConsolePage
      title="Registrations"
      intro={`Who registered for ${meeting.name}, what they paid, and what is left to verify.`}
      actions={
        <>
          <Link to={href.organize.verification(meeting.slug)} className={pending ? buttonLinkClass : secondaryLinkClass}>
            Verification queue{pending ? ` (${pending})` : ""}
          </Link>
          <a href={href.organize.registrationsCsv(meeting.slug)} className={secondaryLinkClass} download>
            Export CSV
          </a>
        </>
      }
    >
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {[
          ["Confirmed", String(totals.confirmed)],
          ["Pending verification", String(totals.pendingVerification)],
          ["Awaiting payment", String(totals.awaitingPayment)],
          ["Cancelled", String(totals.cancelled)],
          ["Net revenue", money(totals.revenue)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</dt>
            <dd className="mt-1 text-xl font-bold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      <Section title="By category and tier" id="by-category">
        {summary.length ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Category</th>
                  <th scope="col" className={th}>Tier</th>
                  <th scope="col" className={`${th} text-right`}>Confirmed</th>
                  <th scope="col" className={`${th} text-right`}>Pending</th>
                  <th scope="col" className={`${th} text-right`}>Awaiting payment</th>
                  <th scope="col" className={`${th} text-right`}>Cancelled</th>
                  <th scope="col" className={`${th} text-right`}>Net revenue</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {summary.map((row) => (
                  <tr key={`${row.category} ${row.tier}`}>
                    <th scope="row" className={`${td} text-left font-medium`}>{row.category}</th>
                    <td className={td}>{row.tier}</td>
                    <td className={`${td} text-right tabular-nums`}>{row.confirmed}</td>
                    <td className={`${td} text-right tabular-nums`}>{row.pendingVerification}</td>
                    <td className={`${td} text-right tabular-nums`}>{row.awaitingPayment}</td>
                    <td className={`${td} text-right tabular-nums`}>{row.cancelled}</td>
                    <td className={`${td} text-right tabular-nums`}>{money(row.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-slate-700">No registrations yet.</p>
        )}
      </Section>

      <Section title="Add-ons" id="add-ons" description="Held seats belong to checkouts still open; they return when a checkout expires.">
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Add-on</th>
                <th scope="col" className={`${th} text-right`}>Price</th>
                <th scope="col" className={`${th} text-right`}>Sold</th>
                <th scope="col" className={`${th} text-right`}>Held</th>
                <th scope="col" className={`${th} text-right`}>Capacity</th>
                <th scope="col" className={`${th} text-right`}>Left</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {addOns.map((addOn) => (
                <tr key={addOn.id}>
                  <th scope="row" className={`${td} text-left font-medium`}>{addOn.name}</th>
                  <td className={`${td} text-right tabular-nums`}>{money(addOn.amount)}</td>
                  <td className={`${td} text-right tabular-nums`}>{addOn.sold}</td>
                  <td className={`${td} text-right tabular-nums`}>{addOn.held}</td>
                  <td className={`${td} text-right tabular-nums`}>{addOn.capacity ?? "No limit"}</td>
                  <td className={`${td} text-right`}>{addOn.left === 0 ? <Badge tone="red">Sold out</Badge> : <span className="tabular-nums">{addOn.left ?? "—"}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title="Find a registration" id="find">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="q" className="block text-sm font-medium text-slate-800">
              Name, e-mail or registration code
            </label>
            <input id="q" name="q" type="search" defaultValue={search.q} className="mt-1.5 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm" />
          </div>
          <div>
            <label htmlFor="filter" className="block text-sm font-medium text-slate-800">
              Show
            </label>
            <select id="filter" name="filter" defaultValue={search.filter} className="mt-1.5 block rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm">
              {REGISTRATION_FILTERS.map((filter) => (
                <option key={filter} value={filter}>
                  {FILTER_LABELS[filter]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Search
          </button>
        </Form>
        <p className="mt-3 text-sm text-slate-600" role="status">
          {search.total === 1 ? "1 registration" : `${search.total} registrations`}
          {search.q ? ` matching “${search.q}”` : ""}
        </p>
        {search.rows.length ? (
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Registrant</th>
                  <th scope="col" className={th}>Category</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={`${th} text-right`}>Paid</th>
                  <th scope="col" className={th}>Registered</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {search.rows.map((row) => (
                  <tr key={row.id}>
                    <td className={td}>
                      <Link to={href.organize.registration(meeting.slug, row.id)} className={linkClass}>
                        {row.name}
                      </Link>
                      <span className="block text-xs text-slate-600">
                        {row.email} · <span className="font-mono">{row.code}</span>
                      </span>
                    </td>
                    <td className={td}>
                      {row.category}
                      <span className="block text-xs text-slate-600">
                        {row.tier} · {row.attendance}
                      </span>
                    </td>
                    <td className={td}>
                      <Badge tone={STATE_TONES[row.state] ?? "slate"}>{row.state}</Badge>
                      {row.comped ? <span className="ml-1"><Badge tone="brand">Comped</Badge></span> : null}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{money(row.paid)}</td>
                    <td className={`${td} whitespace-nowrap`}>{row.registeredOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {search.pages > 1 ? (
          <nav aria-label="Pages of registrations" className="mt-3 flex items-center gap-3 text-sm">
            {search.page > 1 ? <Link to={pageHref(search.page - 1)} className={linkClass}>Previous</Link> : null}
            <span className="text-slate-600">
              Page {search.page} of {search.pages}
            </span>
            {search.page < search.pages ? <Link to={pageHref(search.page + 1)} className={linkClass}>Next</Link> : null}
          </nav>
        ) : null}
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
