// The sweep against the real database: checkouts left open past their expiry
// close and give their seats back; a payment arriving later is re-seated once.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addOnCounts, checkoutEvent, checkoutFor, deliver, makeAddOn, makeUsers, registrationOf } from "./registration.fixture";
import { sweepExpiredCheckouts } from "./sweep.server";

afterAll(() => prisma.$disconnect());

describe("the sweep", () => {
  it("closes checkouts left open past their expiry and gives their seats back", async () => {
    const workshop = await makeAddOn({ capacity: 3 });
    const [user] = await makeUsers(1, "sweep");
    const started = await checkoutFor(user!, { addOnSlugs: [workshop.slug] });
    if (!started.ok) throw new Error(started.message);
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 1 });
    // Not yet: the checkout has 30 minutes.
    await sweepExpiredCheckouts(new Date(Date.now() + 10 * 60_000));
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 1 });
    expect(await sweepExpiredCheckouts(new Date(Date.now() + 40 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 0, sold: 0 });
    expect((await registrationOf(user!.id)).status).toBe("EXPIRED");
    // A payment for it now is refunded or re-seated, never double counted.
    await deliver(await checkoutEvent(started.orderId, "checkout.session.completed"));
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 0, sold: 1 });
    expect((await registrationOf(user!.id)).status).toBe("ACTIVE");
  });
});
