// After payment: cancelling within the refund policy, organizer refunds and comps,
// verification with approval, decline and a paid category change, and what the
// console reads. Against the real database; refunds come back as the test gateway's events, over HTTP.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { cancelOwnRegistration, compRegistration, refundByOrganizer } from "./cancel.server";
import { startCategoryChange } from "./category-change.server";
import { registrationsCsv, registrationSummary, searchRegistrations, verificationQueue } from "./console.server";
import { approveVerification, confirmInstitutionalEmail, rejectVerification } from "./verification.server";
import { addOnCounts, checkoutEvent, checkoutFor, deliver, hasAttendeeRole, mailTo, makeAddOn, makeUsers, meetingId, registrationOf } from "./registration.fixture";

afterAll(() => prisma.$disconnect());

/** A paid, confirmed non-member physician with one workshop seat. */
async function paidPhysician(tag: string, meeting = "sir-2023") {
  const [user] = await makeUsers(1, tag);
  const workshop = await makeAddOn({ capacity: 10, amount: 9500, meeting });
  const outcome = await checkoutFor(user!, { addOnSlugs: [workshop.slug], meetingSlug: meeting, attendance: meeting === "sio-2023" ? "IN_PERSON" : "VIRTUAL" });
  if (!outcome.ok) throw new Error(outcome.message);
  await deliver(await checkoutEvent(outcome.orderId, "checkout.session.completed"));
  return { user: user!, workshop, registration: await registrationOf(user!.id) };
}

describe("cancelling one's own registration", () => {
  it("refunds less the fee after the full-refund day, gives the seat back and removes access", async () => {
    const { user, workshop, registration } = await paidPhysician("cancel-fee");
    expect(await hasAttendeeRole(user.id, "sir-2023")).toBe(true);
    // SIR's full refunds ended on February 10, 2023; after that a $75.00 fee is kept.
    const outcome = await cancelOwnRegistration(registration.id, user.id, new Date("2026-01-15T12:00:00Z"));
    expect(outcome).toEqual({ ok: true, refunded: 109500 + 9500 - 7500, fee: 7500 });
    const after = await registrationOf(user.id);
    expect(after.status).toBe("CANCELLED");
    // The refund went through the (offline) charge.refunded event: recorded on the order.
    expect(after.orders[0]).toMatchObject({ status: "PAID", amountRefunded: 111500 });
    expect(await prisma.registrationRefund.findMany({ where: { orderId: after.orders[0]!.id }, select: { amount: true, status: true } })).toEqual([{ amount: 111500, status: "SUCCEEDED" }]);
    expect(await addOnCounts(workshop.id)).toMatchObject({ sold: 0, held: 0 });
    expect(await hasAttendeeRole(user.id, "sir-2023")).toBe(false);
    const cancelled = (await mailTo(user.email)).find((mail) => mail.subject.startsWith("Registration cancelled"));
    expect(cancelled?.text).toMatch(/refunding \$1,115\.00 .*\$75\.00 cancellation fee/s);
    // A second cancellation changes nothing and refunds nothing more.
    expect(await cancelOwnRegistration(registration.id, user.id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await prisma.registrationRefund.count({ where: { orderId: after.orders[0]!.id } })).toBe(1);
  });

  it("refunds in full before the deadline, and nothing after the last refund day", async () => {
    const early = await paidPhysician("cancel-full");
    expect(await cancelOwnRegistration(early.registration.id, early.user.id, new Date("2023-02-10T23:00:00-07:00"))).toEqual({ ok: true, refunded: 119000, fee: 0 });
    const late = await paidPhysician("cancel-none", "sio-2023");
    expect(await cancelOwnRegistration(late.registration.id, late.user.id, new Date("2023-01-20T12:00:00Z"))).toEqual({ ok: true, refunded: 0, fee: 0 });
    expect((await registrationOf(late.user.id)).status).toBe("CANCELLED");
    expect(await addOnCounts(late.workshop.id)).toMatchObject({ sold: 0 });
  });

  it("only lets the owner cancel, and closes an unpaid checkout instead of refunding", async () => {
    const { registration } = await paidPhysician("not-yours");
    const [stranger, waiting] = await makeUsers(2, "stranger");
    expect(await cancelOwnRegistration(registration.id, stranger!.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const workshop = await makeAddOn({ capacity: 2 });
    const open = await checkoutFor(waiting!, { addOnSlugs: [workshop.slug] });
    if (!open.ok) throw new Error("checkout failed");
    expect(await cancelOwnRegistration(open.registrationId, waiting!.id)).toEqual({ ok: true, refunded: 0, fee: 0 });
    expect((await registrationOf(waiting!.id)).status).toBe("EXPIRED");
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 0, sold: 0 });
  });
});

describe("organizers", () => {
  it("approve a student's proof: confirmed, access granted, told by mail", async () => {
    const [student, organizer] = await makeUsers(2, "approve");
    await checkoutFor(student!, { categorySlug: "medical-student", proof: { method: "INSTITUTIONAL_EMAIL", email: "rs@med.example.edu" } });
    const registration = await registrationOf(student!.id);
    const sir = await meetingId();
    expect((await verificationQueue(sir)).map((entry) => entry.id)).toContain(registration.id);
    // Another meeting's organizer cannot act on it: the meeting is part of the query.
    expect(await approveVerification({ meetingId: await meetingId("sio-2023"), registrationId: registration.id, reviewerId: organizer!.id })).toMatchObject({ ok: false });
    expect(await approveVerification({ meetingId: sir, registrationId: registration.id, reviewerId: organizer!.id })).toEqual({ ok: true });
    expect(await approveVerification({ meetingId: sir, registrationId: registration.id, reviewerId: organizer!.id })).toMatchObject({ ok: false });
    const after = await registrationOf(student!.id);
    expect([after.status, after.verification]).toEqual(["ACTIVE", "APPROVED"]);
    expect(await hasAttendeeRole(student!.id)).toBe(true);
    expect((await mailTo(student!.email)).map((mail) => mail.subject.split(":")[0])).toEqual(["Registration received", "Registration confirmed"]);
    expect((await verificationQueue(sir)).map((entry) => entry.id)).not.toContain(registration.id);
  });

  it("decline a proof with a reason; the registrant switches category and pays the difference", async () => {
    const [resident, organizer] = await makeUsers(2, "decline");
    const outcome = await checkoutFor(resident!, { categorySlug: "resident", proof: { method: "INSTITUTIONAL_EMAIL", email: "doc@hospital.example.org" } });
    if (!outcome.ok) throw new Error("checkout failed");
    await deliver(await checkoutEvent(outcome.orderId, "checkout.session.completed"));
    const registration = await registrationOf(resident!.id);
    const sir = await meetingId();
    await rejectVerification({ meetingId: sir, registrationId: registration.id, reviewerId: organizer!.id, reason: "Your program letter is from 2019." });
    expect((await registrationOf(resident!.id)).verification).toBe("REJECTED");
    const declined = (await mailTo(resident!.email)).find((mail) => mail.subject.startsWith("Action needed"));
    expect(declined?.text).toContain('"Your program letter is from 2019."');

    // Late non-member resident $350.00 paid; late non-member physician is $1,095.00.
    const change = await startCategoryChange({ registrationId: registration.id, userId: resident!.id, userEmail: resident!.email, categorySlug: "non-member-physician", proof: null });
    expect(change).toMatchObject({ ok: true, total: 74500 });
    if (!change.ok) return;
    expect((await registrationOf(resident!.id)).verification).toBe("REJECTED");
    await deliver(await checkoutEvent(change.orderId, "checkout.session.completed"));
    const after = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id }, select: { status: true, verification: true, category: { select: { slug: true } } } });
    expect(after).toEqual({ status: "ACTIVE", verification: "NOT_REQUIRED", category: { slug: "non-member-physician" } });
    expect(await hasAttendeeRole(resident!.id)).toBe(true);
  });

  it("comp a registration: confirmed free, what was paid refunded", async () => {
    const [organizer] = await makeUsers(1, "comp-org");
    const { user, registration } = await paidPhysician("comp");
    const outcome = await compRegistration({ meetingId: await meetingId(), registrationId: registration.id, organizerId: organizer!.id });
    expect(outcome).toEqual({ ok: true, refunded: 119000, fee: 0 });
    const after = await registrationOf(user.id);
    expect([after.status, after.comped, after.orders[0]!.amountRefunded]).toEqual(["ACTIVE", true, 119000]);
    expect(await hasAttendeeRole(user.id)).toBe(true);
  });

  it("refund part of a payment without cancelling, never more than was paid", async () => {
    const { user, registration } = await paidPhysician("partial");
    const sir = await meetingId();
    expect(await refundByOrganizer({ meetingId: sir, registrationId: registration.id, amount: 500_000, cancel: false })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await refundByOrganizer({ meetingId: sir, registrationId: registration.id, amount: 9500, cancel: false })).toMatchObject({ ok: true, refunded: 9500 });
    const after = await registrationOf(user.id);
    expect([after.status, after.orders[0]!.amountRefunded]).toEqual(["ACTIVE", 9500]);
    expect((await mailTo(user.email)).map((mail) => mail.subject.split(":")[0])).toContain("Refund issued");
  });
});

describe("the console's reading", () => {
  it("counts and sums by category and tier, finds people and exports CSV", async () => {
    const { user, registration } = await paidPhysician("console");
    const sir = await meetingId();
    const summary = await registrationSummary(sir);
    const row = summary.find((entry) => entry.category === "Non-member physician" && entry.tier === "Late");
    expect(row?.confirmed).toBeGreaterThanOrEqual(1);
    expect(row?.revenue).toBeGreaterThanOrEqual(119000);
    const demo = summary.find((entry) => entry.category === "Member physician" && entry.tier === "Early bird");
    // The demo seed's two member physicians: Sam Patel, and Michael Okafor with the Gold Medal dinner.
    expect(demo).toMatchObject({ confirmed: 2, revenue: 49500 + 49500 + 17500 });

    const found = await searchRegistrations(sir, { q: user.email.toUpperCase() });
    expect(found.rows.map((entry) => entry.id)).toEqual([registration.id]);
    expect(found.rows[0]).toMatchObject({ state: "Confirmed", paid: 119000 });
    expect((await searchRegistrations(sir, { q: registration.code.slice(-8).toLowerCase() })).total).toBe(1);
    expect((await searchRegistrations(await meetingId("sio-2023"), { q: user.email })).total).toBe(0);

    await prisma.user.update({ where: { id: user.id }, data: { name: "=HYPERLINK(\"http://evil\")" } });
    const csv = await registrationsCsv(sir);
    expect(csv.split("\n")[0]).toMatch(/^Code,Name,E-mail,Category,Tier/);
    const line = csv.split("\n").find((entry) => entry.startsWith(registration.code));
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain(",1190.00,0.00,USD,");
  });

  it("confirms an institutional address by its mailed link", async () => {
    const [student] = await makeUsers(1, "inst-mail");
    await checkoutFor(student!, { categorySlug: "medical-student", proof: { method: "INSTITUTIONAL_EMAIL", email: "x.y@uni.example.edu" } });
    const link = (await mailTo("x.y@uni.example.edu")).at(-1)!.text.match(/confirm-email\/([A-Za-z0-9_-]+)/)![1]!;
    expect(await confirmInstitutionalEmail("not-a-token")).toBeNull();
    expect(await confirmInstitutionalEmail(link)).toEqual({ email: "x.y@uni.example.edu", meetingSlug: "sir-2023" });
    const queued = (await verificationQueue(await meetingId())).find((entry) => entry.user.email === student!.email);
    expect(queued?.institutionalEmailConfirmedAt).toBeInstanceOf(Date);
  });
});
