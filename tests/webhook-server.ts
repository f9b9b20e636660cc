// A real HTTP server for tests that pay: it listens on 127.0.0.1, port 0, and
// serves POST /webhooks/stripe with the route's own action, and the test
// gateway is installed pointing at it. So a payment in a test travels as one
// does in production: signed, POSTed, verified on the raw body.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { installPaymentGateway } from "~/models/registration/payment-gateway";
import { action as webhookAction } from "~/routes/_resources+/webhooks.stripe";
import { TestPaymentGateway } from "~/server/payments/test-gateway.server";
import { href } from "~/utils/href";

/** What arrived, for tests that check the wire. */
export type ReceivedDelivery = { method: string; path: string; signature: string | null; body: string; status: number };

export type WebhookServer = { url: string; received: ReceivedDelivery[]; close(): Promise<void> };

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startWebhookServer(): Promise<WebhookServer> {
  const received: ReceivedDelivery[] = [];
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await bodyOf(incoming);
      const path = incoming.url ?? "/";
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${path}`, { method: incoming.method, headers, body: incoming.method === "GET" || incoming.method === "HEAD" ? undefined : new Uint8Array(body) });
      const response = path === href.stripeWebhook() ? await webhookAction({ request, params: {}, context: {} }) : new Response("Not found", { status: 404 });
      received.push({ method: incoming.method ?? "", path, signature: headers.get("Stripe-Signature"), body: body.toString("utf8"), status: response.status });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      outgoing.writeHead(500).end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The test process may end with the server open; it must not keep it alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${href.stripeWebhook()}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let shared: Promise<{ server: WebhookServer; gateway: TestPaymentGateway }> | undefined;

/** One webhook server per test file, and the test gateway delivering to it, installed. */
export function installTestPaymentGateway(): Promise<{ server: WebhookServer; gateway: TestPaymentGateway }> {
  shared ??= startWebhookServer().then((server) => ({ server, gateway: installPaymentGateway(new TestPaymentGateway(server.url)) }));
  return shared;
}
