// The printable receipt: a plain document outside the meeting's frame (the site
// header and footer do not print), with the registration's details, every paid
// order and the check-in QR code. "Print" uses the browser's print dialog.
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReceiptTable, toReceiptOrders } from "~/components/registration-receipt";
import { ATTENDANCE_LABELS } from "~/models/registration/pricing";
import { checkInQr, getOwnRegistration, registrationStateLabel } from "~/models/registration/registration.server";
import { requireUser } from "~/server/auth.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { formatDate, formatDateSpan } from "~/utils/time";
import { BackLink } from "~/components/back-link";
import { Fact, Facts } from "~/components/facts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Receipt ${data.registration.code} · ${data.meeting.name}` : "Receipt" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await requireMeeting(params);
  const registration = await getOwnRegistration(user.id, meeting.id);
  if (!registration || registration.orders.every((order) => order.status !== "PAID")) {
    throw new Response("There is no paid registration to show a receipt for yet.", { status: 404 });
  }
  return {
    meeting: { slug: meeting.slug, name: meeting.name, society: meeting.society.name, dates: formatDateSpan(meeting.startsOn, meeting.endsOn) },
    registration: {
      code: registration.code,
      state: registrationStateLabel(registration),
      name: registration.user.name,
      email: registration.user.email,
      category: registration.category.name,
      attendance: ATTENDANCE_LABELS[registration.attendance],
      registeredOn: formatDate(registration.createdAt, registration.meeting.timeZone),
      receipts: toReceiptOrders(registration.orders, registration.meeting.timeZone),
      qr: await checkInQr(registration),
    },
  };
}

export default function ReceiptPage() {
  const { meeting, registration } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl px-4 py-6 sm:py-10 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3">
        <BackLink to={href.registration(meeting.slug)}>Your registration</BackLink>
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Print receipt
        </button>
      </div>
      <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 print:border-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-4">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{meeting.society}</p>
            <h1 className="mt-1 text-xl font-bold text-slate-900 sm:text-2xl">Receipt: {meeting.name}</h1>
            <p className="text-sm text-slate-600">{meeting.dates}</p>
          </div>
          {registration.qr ? (
            <div role="img" aria-label={`QR code of registration ${registration.code}`} className="h-28 w-28 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: registration.qr }} />
          ) : null}
        </header>
        <Facts className="mt-4 gap-y-1 text-sm">
          <Fact label="Registrant">{`${registration.name} (${registration.email})`}</Fact>
          <Fact label="Registration code"><span className="font-mono font-semibold">{registration.code}</span></Fact>
          <Fact label="Category">{`${registration.category}, ${registration.attendance.toLowerCase()}`}</Fact>
          <Fact label="Registered">{registration.registeredOn}</Fact>
          <Fact label="Status">{registration.state}</Fact>
        </Facts>
        <div className="mt-6 space-y-6">
          {registration.receipts.map((order) => (
            <ReceiptTable key={order.id} order={order} headingLevel={2} />
          ))}
        </div>
      </article>
      <p className="no-print mt-4 text-sm text-slate-600">Without the button: use your browser&rsquo;s Print command (Ctrl+P or ⌘P).</p>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
