// The e-mails registration sends: the receipt after payment, confirmation after
// verification, a declined verification with its reason, cancellation with the
// refund, a failed payment, and the link that confirms an institutional address.
// Plain text first (it is what many clinicians' mail clients show), with a
// simple HTML twin; every value from people is escaped.
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import type { QueuedMessage } from "~/utils/mail.server";
import { formatDate } from "~/utils/time";
import { describeRefundPolicy, formatMoney } from "./pricing";
import { isConfirmed, netPaid, type RegistrationDetail } from "./registration.server";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

function registrationUrl(meetingSlug: string): string {
  return absoluteUrl(href.registration(meetingSlug));
}

type Paragraphs = (string | null | false)[];

/** Who gets a message, what it is, and which meeting's organizers see it in the console. */
type Envelope = { registration: RegistrationDetail; kind: string; subject: string; to?: string; holdsSecret?: boolean };

function compose({ registration, kind, subject, to, holdsSecret }: Envelope, paragraphs: Paragraphs, receipt?: ReceiptLines): QueuedMessage {
  const shown = paragraphs.filter((p): p is string => typeof p === "string" && p.length > 0);
  const row = ([label, value]: [string, string]) => `${label.padEnd(56, " ")} ${value.padStart(12, " ")}`;
  const textReceipt = receipt ? [[...receipt.lines.map(row), "-".repeat(69), ...receipt.totals.map(row)].join("\n")] : [];
  const [first, ...rest] = shown;
  const text = [first ?? "", ...textReceipt, ...rest].join("\n\n");
  const htmlReceipt = receipt
    ? `<table style="border-collapse:collapse;margin:16px 0;min-width:320px">${receipt.lines
        .map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right">${escapeHtml(value)}</td></tr>`)
        .join("")}${receipt.totals
        .map(([label, value]) => `<tr><th style="padding:4px 16px 4px 0;text-align:left;border-top:1px solid #cbd5e1">${escapeHtml(label)}</th><td style="padding:4px 0;text-align:right;border-top:1px solid #cbd5e1;font-weight:600">${escapeHtml(value)}</td></tr>`)
        .join("")}</table>`
    : "";
  const html = `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">${shown
    .map((paragraph, index) => `<p>${escapeHtml(paragraph).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>').replace(/\n/g, "<br>")}</p>${index === 0 ? htmlReceipt : ""}`)
    .join("")}</div>`;
  return { kind, meetingId: registration.meetingId, to: to ?? registration.user.email, subject, text, html, holdsSecret };
}

type ReceiptLines = { lines: [string, string][]; totals: [string, string][] };

/** The lines of a receipt for one paid order. */
function receiptOf(order: RegistrationDetail["orders"][number]): ReceiptLines {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const lines: [string, string][] = order.items.map((item) => [item.description, money(item.amount)]);
  const totals: [string, string][] = [];
  if (order.discount > 0) totals.push([`Promo code ${order.promoCode?.code ?? ""}`.trim(), `−${money(order.discount)}`]);
  totals.push(["Total paid", money(order.total)]);
  return { lines, totals };
}

export function receiptMail(registration: RegistrationDetail, orderId: string): QueuedMessage {
  const order = registration.orders.find((candidate) => candidate.id === orderId)!;
  const { meeting } = registration;
  const confirmed = isConfirmed(registration);
  const paidOn = order.paidAt ? formatDate(order.paidAt, meeting.timeZone) : "";
  const isChange = order.purpose === "CATEGORY_CHANGE";
  return compose(
    { registration, kind: "registration-receipt", subject: `${confirmed ? "Registration confirmed" : "Registration received"}: ${meeting.name} (${registration.code})` },
    [
      `Dear ${registration.user.name},\n\n${isChange ? `Your registration for ${meeting.name} is now in the ${registration.category.name} category.` : `Thank you for registering for ${meeting.name}.`} ${order.total > 0 ? `We received your payment on ${paidOn}.` : "There was nothing to pay."} Your receipt:`,
      `Registration code: ${registration.code}\nCategory: ${registration.category.name}\n${order.paymentIntentId ? `Payment reference: ${order.paymentIntentId}\n` : ""}Receipt number: ${order.id}`,
      confirmed
        ? "Your registration is confirmed. Show the QR code on your registration page at check-in."
        : `Your registration is pending verification: an organizer will review your proof of ${registration.category.name} status and e-mail you when it is confirmed.`,
      meeting.registrationPolicy ? describeRefundPolicy(meeting.registrationPolicy, meeting.currency) : null,
      `Your registration, printable receipt and QR code: ${registrationUrl(meeting.slug)}`,
    ],
    receiptOf(order),
  );
}

export function confirmedMail(registration: RegistrationDetail, how: "approved" | "comped"): QueuedMessage {
  const { meeting } = registration;
  return compose({ registration, kind: "registration-confirmed", subject: `Registration confirmed: ${meeting.name} (${registration.code})` }, [
    `Dear ${registration.user.name},`,
    how === "comped"
      ? `The organizers of ${meeting.name} have given you a complimentary ${registration.category.name} registration. Anything you had paid for the registration is being refunded.`
      : `Your proof of ${registration.category.name} status was approved: your registration for ${meeting.name} is confirmed.`,
    `Registration code: ${registration.code}. Show the QR code on your registration page at check-in: ${registrationUrl(meeting.slug)}`,
  ]);
}

export function rejectedMail(registration: RegistrationDetail, reason: string): QueuedMessage {
  const { meeting } = registration;
  return compose({ registration, kind: "registration-declined", subject: `Action needed: your ${meeting.name} registration (${registration.code})` }, [
    `Dear ${registration.user.name},`,
    `We could not confirm your ${registration.category.name} registration for ${meeting.name}. The organizers wrote:\n\n"${reason}"`,
    `You can send another proof, or switch to another category and pay the difference, on your registration page: ${registrationUrl(meeting.slug)}`,
  ]);
}

export function cancelledMail(registration: RegistrationDetail, refund: { amount: number; fee: number; byOrganizer: boolean }): QueuedMessage {
  const { meeting } = registration;
  const money = (amount: number) => formatMoney(amount, meeting.currency);
  return compose({ registration, kind: "registration-cancelled", subject: `Registration cancelled: ${meeting.name} (${registration.code})` }, [
    `Dear ${registration.user.name},`,
    refund.byOrganizer
      ? `The organizers of ${meeting.name} cancelled your registration ${registration.code}.`
      : `Your registration ${registration.code} for ${meeting.name} is cancelled, as you asked.`,
    refund.amount > 0
      ? `We are refunding ${money(refund.amount)} to the card you paid with${refund.fee > 0 ? ` (the ${money(refund.fee)} cancellation fee is kept)` : ""}. It usually appears within 5 to 10 business days.`
      : netPaid(registration.orders) > 0
        ? "Under the meeting's refund policy, nothing is refunded at this point."
        : null,
    `Details: ${registrationUrl(meeting.slug)}`,
  ]);
}

export function refundedMail(registration: RegistrationDetail, amount: number): QueuedMessage {
  const { meeting } = registration;
  return compose({ registration, kind: "registration-refund", subject: `Refund issued: ${meeting.name} (${registration.code})` }, [
    `Dear ${registration.user.name},`,
    `The organizers of ${meeting.name} refunded ${formatMoney(amount, meeting.currency)} of your registration ${registration.code}. It usually appears on your card within 5 to 10 business days.`,
    `Details: ${registrationUrl(meeting.slug)}`,
  ]);
}

export function paymentFailedMail(registration: RegistrationDetail): QueuedMessage {
  const { meeting } = registration;
  return compose({ registration, kind: "payment-failed", subject: `Payment not completed: ${meeting.name}` }, [
    `Dear ${registration.user.name},`,
    `Your bank did not complete the payment for your ${meeting.name} registration, so you are not registered and any seats you chose were released.`,
    `You can register again at ${absoluteUrl(href.register(meeting.slug))}`,
  ]);
}

export function latePaymentRefundedMail(registration: RegistrationDetail, amount: number): QueuedMessage {
  const { meeting } = registration;
  return compose({ registration, kind: "payment-refunded", subject: `Payment refunded: ${meeting.name}` }, [
    `Dear ${registration.user.name},`,
    `Your payment for ${meeting.name} arrived after your checkout had closed, and what you chose is no longer available, so we refunded all ${formatMoney(amount, meeting.currency)}.`,
    `You can register again at ${absoluteUrl(href.register(meeting.slug))}`,
  ]);
}

export function institutionalEmailMail(registration: RegistrationDetail, to: string, link: string): QueuedMessage {
  return compose({ registration, kind: "institutional-email", to, holdsSecret: true, subject: `Confirm your institutional e-mail for ${registration.meeting.name}` }, [
    `Hello,`,
    `${registration.user.name} registered for ${registration.meeting.name} as ${registration.category.name} and gave this address as proof of their status. If that is you, confirm it here:\n\n${link}`,
    "If you did not expect this, ignore this message; nothing happens without the confirmation.",
  ]);
}
