// The registration console: counts and revenue by category and tier, the seats
// of every add-on, the verification queue's size, search, and the CSV export.
// Only the meeting's organizers (and admins) get in, on every request.
import { type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PlainInput, PlainSelect, SubmitButton } from "~/components/forms";
import { Badge, cell, ConsolePage, DataTable, FigureCards, figures, Section, buttonLinkClass, linkClass, secondaryLinkClass } from "~/components/console";
import { countPendingVerifications, listAddOnSeats, registrationSummary, searchRegistrations, SEARCH_PAGE_SIZE } from "~/models/registration/console.server";
import { REGISTRATION_FILTERS, type RegistrationFilter } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, formatMoney } from "~/models/registration/pricing";
import { meetingCurrency } from "~/models/registration/registration.server";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { formatDate } from "~/utils/time";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Registrations");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
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
      <FigureCards
        figures={[
          ["Confirmed", totals.confirmed],
          ["Pending verification", totals.pendingVerification],
          ["Awaiting payment", totals.awaitingPayment],
          ["Cancelled", totals.cancelled],
          ["Net revenue", money(totals.revenue)],
        ]}
      />

      <Section title="By category and tier" id="by-category">
        {summary.length ? (
          <DataTable columns={["Category", "Tier", ...["Confirmed", "Pending", "Awaiting payment", "Cancelled", "Net revenue"].map(figures)]}>
            {summary.map((row) => (
              <tr key={`${row.category} ${row.tier}`}>
                <th scope="row" className={cell.heading}>{row.category}</th>
                <td className={cell.text}>{row.tier}</td>
                <td className={cell.figure}>{row.confirmed}</td>
                <td className={cell.figure}>{row.pendingVerification}</td>
                <td className={cell.figure}>{row.awaitingPayment}</td>
                <td className={cell.figure}>{row.cancelled}</td>
                <td className={cell.figure}>{money(row.revenue)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-slate-700">No registrations yet.</p>
        )}
      </Section>

      <Section title="Add-ons" id="add-ons" description="Held seats belong to checkouts still open; they return when a checkout expires.">
        <DataTable columns={["Add-on", ...["Price", "Sold", "Held", "Capacity", "Left"].map(figures)]}>
          {addOns.map((addOn) => (
            <tr key={addOn.id}>
              <th scope="row" className={cell.heading}>{addOn.name}</th>
              <td className={cell.figure}>{money(addOn.amount)}</td>
              <td className={cell.figure}>{addOn.sold}</td>
              <td className={cell.figure}>{addOn.held}</td>
              <td className={cell.figure}>{addOn.capacity ?? "No limit"}</td>
              <td className={cell.figure}>{addOn.left === 0 ? <Badge tone="red">Sold out</Badge> : (addOn.left ?? "—")}</td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section title="Find a registration" id="find">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <PlainInput id="q" name="q" type="search" label="Name, e-mail or registration code" defaultValue={search.q} className="min-w-0 flex-1 basis-64" />
          <PlainSelect id="filter" name="filter" label="Show" defaultValue={search.filter} options={REGISTRATION_FILTERS.map((filter) => ({ value: filter, label: FILTER_LABELS[filter] }))} />
          <SubmitButton pendingLabel="Searching…">
            Search
          </SubmitButton>
        </Form>
        <p className="mt-3 text-sm text-slate-600" role="status">
          {counted(search.total, "registration")}
          {search.q ? ` matching “${search.q}”` : ""}
        </p>
        {search.rows.length ? (
          <DataTable className="mt-2" columns={["Registrant", "Category", "Status", figures("Paid"), "Registered"]}>
            {search.rows.map((row) => (
              <tr key={row.id}>
                <td className={cell.text}>
                  <Link to={href.organize.registration(meeting.slug, row.id)} className={linkClass}>
                    {row.name}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {row.email} · <span className="font-mono">{row.code}</span>
                  </span>
                </td>
                <td className={cell.text}>
                  {row.category}
                  <span className="block text-xs text-slate-600">
                    {row.tier} · {row.attendance}
                  </span>
                </td>
                <td className={cell.text}>
                  <Badge tone={STATE_TONES[row.state] ?? "slate"}>{row.state}</Badge>
                  {row.comped ? <span className="ml-1"><Badge tone="brand">Comped</Badge></span> : null}
                </td>
                <td className={cell.figure}>{money(row.paid)}</td>
                <td className={`${cell.text} whitespace-nowrap`}>{row.registeredOn}</td>
              </tr>
            ))}
          </DataTable>
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
