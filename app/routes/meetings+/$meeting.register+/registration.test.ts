// The registration routes' loaders and actions with real requests: the webhook on
// its raw body, forged and bad form input answered with 4xx, the test payment
// page, proof documents only for their owner and organizers, and the console
// only for organizers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkoutEvent, checkoutFor, makeAddOn, registrationOf, webhookServer } from "~/models/registration/registration.fixture";
import { createUser } from "~/models/accounts/user.server";
import { prisma } from "~/utils/db.server";
import { signWebhookPayload } from "~/utils/stripe.server";
import { createLoginSession } from "~/utils/session.server";
import { loader as documentLoader } from "../$meeting.registration+/documents.$document";
import { action as ownAction, loader as ownLoader } from "../$meeting.registration+/_index";
import { action as registerAction, loader as registerLoader } from "./_index";
import { action as testPaymentAction, loader as testPaymentLoader } from "./test-payment.$order";
import { loader as consoleLoader } from "../../organize+/$meeting+/registrations._index";
import { loader as csvLoader } from "../../organize+/$meeting+/registrations[.]csv";
import { action as webhookAction, loader as webhookLoader } from "../../_resources+/webhooks.stripe";

const PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const params = { meeting: "sir-2023" };

async function signedIn(email?: string) {
  let user;
  if (email) user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  else {
    const created = await createUser({ email: `routes-${randomUUID()}@example.test`, name: "Route Tester", password: "a good password" });
    if (!created.ok) throw new Error("could not create a user");
    user = created.user;
  }
  const { setCookie } = await createLoginSession(user.id, new Request("http://localhost/"));
  return { user, cookie: setCookie.split(";")[0]! };
}

async function thrown(promise: unknown): Promise<Response> {
  return Promise.resolve(promise).then(
    () => {
      throw new Error("expected a thrown response");
    },
    (error: unknown) => error as Response,
  );
}

type Reply = { init: ResponseInit | null; data: { result: { error?: Record<string, string[]> } } };

function post(path: string, cookie: string, body: FormData | URLSearchParams) {
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { Cookie: cookie } });
}

describe("/webhooks/stripe", () => {
  it("verifies the raw body: a signed event is processed once, a re-serialized one is refused", async () => {
    const { user } = await signedIn();
    const started = await checkoutFor(user);
    if (!started.ok) throw new Error("checkout failed");
    const event = await checkoutEvent(started.orderId, "checkout.session.completed");
    const payload = JSON.stringify(event, null, 2);
    const signature = signWebhookPayload(payload);
    const send = (body: string) => webhookAction({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", body, headers: { "Stripe-Signature": signature, "Content-Type": "application/json" } }), params: {}, context: {} });
    // Same JSON, other whitespace: the signature no longer matches.
    const reformatted = await send(JSON.stringify(event));
    expect(reformatted.status).toBe(400);
    expect((await registrationOf(user.id)).status).toBe("AWAITING_PAYMENT");
    const first = await send(payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, message: "Processed." });
    const again = await send(payload);
    expect(await again.json()).toEqual({ received: true, message: "Already processed." });
    expect((await registrationOf(user.id)).status).toBe("ACTIVE");
    expect((await webhookLoader()).status).toBe(405);
  });
});

describe("/meetings/:meeting/register", () => {
  it("sends the signed-out to sign in and back, and the registered to their registration", async () => {
    const out = await thrown(registerLoader({ request: new Request("http://localhost/meetings/sir-2023/register"), params, context: {} }));
    expect(out.headers.get("Location")).toBe("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fregister");
    const { cookie } = await signedIn("attendee@example.org");
    const registered = await thrown(registerLoader({ request: new Request("http://localhost/meetings/sir-2023/register", { headers: { Cookie: cookie } }), params, context: {} }));
    expect(registered.headers.get("Location")).toBe("/meetings/sir-2023/registration");
  });

  it("offers SIR's categories at the current tier, virtual only, with add-on seats", async () => {
    const { cookie } = await signedIn();
    const page = await registerLoader({ request: new Request("http://localhost/meetings/sir-2023/register", { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.attendances).toEqual(["VIRTUAL"]);
    expect(page.categories.find((category) => category.slug === "medical-student")?.prices).toEqual([{ attendance: "VIRTUAL", amount: 0, memberAmount: null }]);
    expect(page.addOns.find((addOn) => addOn.slug === "gold-medal-dinner")?.seatsLeft).toBeGreaterThan(0);
  });

  it("answers forged, ineligible and oversized input with 400 and registers nothing", async () => {
    const { user, cookie } = await signedIn();
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [key, value] of Object.entries(fields)) body.append(key, value);
      return body;
    };
    const forged = (await registerAction({ request: post("/meetings/sir-2023/register", cookie, form({ category: "vip", attendance: "VIRTUAL", price: "0" })), params, context: {} })) as unknown as Reply;
    expect(forged.init?.status).toBe(400);
    expect(forged.data.result.error?.category?.[0]).toMatch(/categories listed/);
    const member = (await registerAction({ request: post("/meetings/sir-2023/register", cookie, form({ category: "member-physician", attendance: "VIRTUAL" })), params, context: {} })) as unknown as Reply;
    expect(member.init?.status).toBe(400);
    expect(member.data.result.error?.category?.[0]).toMatch(/for SIR members/);

    const disguised = form({ category: "resident", attendance: "VIRTUAL", proofMethod: "DOCUMENT" });
    disguised.append("proofDocument", new File(["<script>alert(1)</script>"], "letter.pdf", { type: "application/pdf" }));
    const refused = (await registerAction({ request: post("/meetings/sir-2023/register", cookie, disguised), params, context: {} })) as unknown as Reply;
    expect(refused.init?.status).toBe(400);
    expect(refused.data.result.error?.proofDocument?.[0]).toMatch(/not one, whatever its name says/);

    const big = form({ category: "resident", attendance: "VIRTUAL", proofMethod: "DOCUMENT" });
    big.append("proofDocument", new File([PDF, new Uint8Array(5 * 1024 * 1024)], "huge.pdf", { type: "application/pdf" }));
    const tooLarge = (await registerAction({ request: post("/meetings/sir-2023/register", cookie, big), params, context: {} })) as unknown as Reply;
    expect(tooLarge.init?.status).toBe(400);
    expect(tooLarge.data.result.error?.proofDocument?.[0]).toMatch(/larger than 5 MB/);

    expect(await prisma.registration.count({ where: { userId: user.id } })).toBe(0);
  });

  it("registers a medical student with an uploaded letter free, straight to the registration page", async () => {
    const { user, cookie } = await signedIn();
    const body = new FormData();
    body.append("category", "medical-student");
    body.append("attendance", "VIRTUAL");
    body.append("joinMembership", "on");
    body.append("proofMethod", "DOCUMENT");
    body.append("proofDocument", new File([PDF], "enrolment letter.pdf", { type: "application/pdf" }));
    const response = (await registerAction({ request: post("/meetings/sir-2023/register", cookie, body), params, context: {} })) as Response;
    expect(response.headers.get("Location")).toBe("/meetings/sir-2023/registration");
    const registration = await prisma.registration.findFirstOrThrow({ where: { userId: user.id }, select: { status: true, verification: true, documents: { select: { id: true, fileName: true } } } });
    expect(registration).toMatchObject({ status: "ACTIVE", verification: "PENDING", documents: [{ fileName: "enrolment letter.pdf" }] });

    // The document: its owner and the meeting's organizers may read it, nobody else.
    const documentId = registration.documents[0]!.id;
    const read = async (cookieHeader: string) =>
      Promise.resolve(documentLoader({ request: new Request("http://localhost/x", { headers: { Cookie: cookieHeader } }), params: { meeting: "sir-2023", document: documentId }, context: {} })).catch((error: unknown) => error as Response);
    const own = await read(cookie);
    expect([own.status, own.headers.get("Content-Type")]).toEqual([200, "application/pdf"]);
    expect(await own.text()).toBe(PDF);
    expect((await read((await signedIn("organizer@example.org")).cookie)).status).toBe(200);
    expect((await read((await signedIn("moderator@example.org")).cookie)).status).toBe(404);
    expect((await read((await signedIn()).cookie)).status).toBe(404);
  });
});

describe("/meetings/:meeting/registration", () => {
  it("shows the receipt and the refund cancelling would give, and cancels from a plain form", async () => {
    const { user, cookie } = await signedIn();
    const started = await checkoutFor(user);
    if (!started.ok) throw new Error("checkout failed");
    await testPaymentAction({ request: post("/x", cookie, new URLSearchParams({ intent: "pay" })), params: { meeting: "sir-2023", order: started.orderId }, context: {} });
    const page = await ownLoader({ request: new Request("http://localhost/meetings/sir-2023/registration", { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.registration).toMatchObject({ state: "Confirmed", cancellation: { band: "LESS_FEE", refund: "$1,020.00", fee: "$75.00" } });
    expect(page.registration?.qr).toMatch(/^<svg/);
    const response = (await ownAction({ request: post("/meetings/sir-2023/registration", cookie, new URLSearchParams({ intent: "cancel" })), params, context: {} })) as Response;
    expect(response.headers.get("Location")).toBe("/meetings/sir-2023/registration?done=cancelled");
    expect((await registrationOf(user.id)).status).toBe("CANCELLED");
    const unknown = (await ownAction({ request: post("/meetings/sir-2023/registration", cookie, new URLSearchParams({ intent: "refund-me-twice" })), params, context: {} })) as unknown as Reply;
    expect(unknown.init?.status).toBe(400);
  });
});

describe("the test payment page", () => {
  it("pays through the webhook, over HTTP, and refuses an expired checkout with 410", async () => {
    const { user, cookie } = await signedIn();
    const workshop = await makeAddOn({ capacity: 4 });
    const started = await checkoutFor(user, { addOnSlugs: [workshop.slug] });
    if (!started.ok) throw new Error("checkout failed");
    const orderParams = { meeting: "sir-2023", order: started.orderId };
    const page = await testPaymentLoader({ request: new Request("http://localhost/x", { headers: { Cookie: cookie } }), params: orderParams, context: {} });
    expect(page.order).toMatchObject({ status: "OPEN", total: "$1,190.00" });
    // Someone else's checkout is not theirs to see.
    expect((await thrown(testPaymentLoader({ request: new Request("http://localhost/x", { headers: { Cookie: (await signedIn()).cookie } }), params: orderParams, context: {} }))).status).toBe(404);

    const paid = (await testPaymentAction({ request: post("/x", cookie, new URLSearchParams({ intent: "pay" })), params: orderParams, context: {} })) as Response;
    expect(paid.headers.get("Location")).toBe(`/meetings/sir-2023/register/success?session_id=cs_test_${started.orderId}`);
    // The payment arrived as Stripe's would: a signed POST to the webhook.
    expect(webhookServer.received.at(-1)).toMatchObject({ method: "POST", path: "/webhooks/stripe", signature: expect.stringMatching(/^t=\d+,v1=/), status: 200 });
    expect(JSON.parse(webhookServer.received.at(-1)!.body)).toMatchObject({ type: "checkout.session.completed", data: { object: { client_reference_id: started.orderId } } });
    expect((await registrationOf(user.id)).status).toBe("ACTIVE");
    const twice = (await testPaymentAction({ request: post("/x", cookie, new URLSearchParams({ intent: "pay" })), params: orderParams, context: {} })) as unknown as Reply;
    expect(twice.init?.status).toBe(410);

    const other = await signedIn();
    const late = await checkoutFor(other.user);
    if (!late.ok) throw new Error("checkout failed");
    await prisma.registrationOrder.update({ where: { id: late.orderId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = (await testPaymentAction({ request: post("/x", other.cookie, new URLSearchParams({ intent: "pay" })), params: { meeting: "sir-2023", order: late.orderId }, context: {} })) as unknown as Reply;
    expect(expired.init?.status).toBe(410);
    expect((await registrationOf(other.user.id)).orders[0]?.status).toBe("OPEN");
  });
});

describe("/organize/:meeting/registrations", () => {
  it("is for the meeting's organizers only", async () => {
    const request = (cookie: string, path = "/organize/sir-2023/registrations") => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
    const attendee = await signedIn("attendee@example.org");
    expect((await thrown(consoleLoader({ request: request(attendee.cookie), params, context: {} }))).status).toBe(403);
    expect((await thrown(csvLoader({ request: request(attendee.cookie, "/organize/sir-2023/registrations.csv"), params, context: {} }))).status).toBe(403);
    const organizer = await signedIn("organizer@example.org");
    const page = await consoleLoader({ request: request(organizer.cookie, "/organize/sir-2023/registrations?q=SIR23-DEMO0001"), params, context: {} });
    expect(page.search.rows.map((row) => row.email)).toEqual(["attendee@example.org"]);
    const csv = await csvLoader({ request: request(organizer.cookie), params, context: {} });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("SIR23-DEMO0001,Sam Patel,attendee@example.org,Member physician,Early bird,Virtual,Confirmed");
  });
});
