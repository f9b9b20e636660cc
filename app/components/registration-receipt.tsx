// A registration's receipts: one per paid order, item by item, with the promo
// discount, the total paid, refunds and the payment reference. Shared by the
// attendee's registration page, its printable receipt and the console; the
// table of an order's lines also serves the test payment page.
import type { ReactNode } from "react";
import { formatMoney } from "~/models/registration/pricing";

export type ReceiptOrder = {
  id: string;
  purpose: string;
  currency: string;
  total: number;
  discount: number;
  /** "Mar 4, 2023", in the meeting's zone. */
  paidOn: string | null;
  paymentReference: string | null;
  promoCode: string | null;
  items: { id: string; description: string; amount: number; released: boolean }[];
  refunds: { id: string; amount: number; reason: string; status: string; on: string }[];
};

export function ReceiptTable({ order, headingLevel = 3 }: { order: ReceiptOrder; headingLevel?: 2 | 3 }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const refunded = order.refunds.filter((refund) => refund.status !== "FAILED").reduce((sum, refund) => sum + refund.amount, 0);
  return (
    <div className="break-inside-avoid">
      <Heading className="text-base font-semibold text-slate-900">
        {order.purpose === "CATEGORY_CHANGE" ? "Category change" : "Registration"} receipt
        {order.paidOn ? <span className="font-normal text-slate-600"> · paid {order.paidOn}</span> : null}
      </Heading>
      <OrderTable
        caption="Items paid for"
        lines={order.items.map((item) => ({
          id: item.id,
          description: (
            <>
              {item.description}
              {item.released ? <span className="text-slate-500"> (seat given back)</span> : null}
            </>
          ),
          amount: money(item.amount),
        }))}
        discount={order.discount > 0 ? money(order.discount) : null}
        promoCode={order.promoCode}
        className="mt-2"
      >
        <tr>
          <th scope="row" className="pt-2 pr-3 text-left font-semibold">
            Total paid
          </th>
          <td className="pt-2 text-right font-bold whitespace-nowrap">{money(order.total)}</td>
        </tr>
        {order.refunds.map((refund) => (
          <tr key={refund.id}>
            <th scope="row" className="pt-1 pr-3 text-left font-normal text-slate-700">
              Refund, {refund.on} ({refund.reason.toLowerCase()}){refund.status === "PENDING" ? ", under way" : refund.status === "FAILED" ? ", failed" : ""}
            </th>
            <td className="pt-1 text-right whitespace-nowrap text-slate-700">−{money(refund.amount)}</td>
          </tr>
        ))}
        {refunded > 0 ? (
          <tr>
            <th scope="row" className="pt-1 pr-3 text-left font-semibold">
              Net paid
            </th>
            <td className="pt-1 text-right font-semibold whitespace-nowrap">{money(order.total - refunded)}</td>
          </tr>
        ) : null}
      </OrderTable>
      <p className="mt-2 text-xs text-slate-600">
        Receipt {order.id}
        {order.paymentReference ? ` · payment ${order.paymentReference}` : ""}
      </p>
    </div>
  );
}

/**
 * An order's lines: each item, then the promo discount, amounts as the
 * browser shows them. `children` are the footer's rows: the total, refunds.
 */
export function OrderTable({
  caption,
  lines,
  discount,
  promoCode,
  className = "",
  children,
}: {
  caption: string;
  lines: { id: string; description: ReactNode; amount: string }[];
  /** The promo discount, or null without one. */
  discount: string | null;
  promoCode: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={`w-full text-sm ${className}`}>
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} className="border-b border-slate-100">
            <td className="py-1.5 pr-3 text-slate-800">{line.description}</td>
            <td className="py-1.5 text-right whitespace-nowrap text-slate-900">{line.amount}</td>
          </tr>
        ))}
        {discount ? (
          <tr className="border-b border-slate-100">
            <td className="py-1.5 pr-3 text-slate-800">Promo code {promoCode}</td>
            <td className="py-1.5 text-right whitespace-nowrap text-slate-900">−{discount}</td>
          </tr>
        ) : null}
      </tbody>
      <tfoot>{children}</tfoot>
    </table>
  );
}

/** The receipt-shaped part of a registration's orders: paid ones, with dates as strings for the browser. */
export function toReceiptOrders(
  orders: {
    id: string;
    purpose: string;
    status: string;
    currency: string;
    total: number;
    discount: number;
    paidAt: Date | null;
    paymentIntentId: string | null;
    promoCode: { code: string } | null;
    items: { id: string; description: string; amount: number; releasedAt: Date | null; kind: string }[];
    refunds: { id: string; amount: number; reason: string; status: string; createdAt: Date }[];
  }[],
  timeZone: string,
): ReceiptOrder[] {
  const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone });
  return orders
    .filter((order) => order.status === "PAID")
    .map((order) => ({
      id: order.id,
      purpose: order.purpose,
      currency: order.currency,
      total: order.total,
      discount: order.discount,
      paidOn: order.paidAt ? day.format(order.paidAt) : null,
      paymentReference: order.paymentIntentId,
      promoCode: order.promoCode?.code ?? null,
      items: order.items.map((item) => ({ id: item.id, description: item.description, amount: item.amount, released: item.kind === "ADD_ON" && item.releasedAt !== null })),
      refunds: order.refunds.map((refund) => ({ id: refund.id, amount: refund.amount, reason: refund.reason, status: refund.status, on: day.format(refund.createdAt) })),
    }));
}
