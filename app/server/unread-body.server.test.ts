import { Agent, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discardUnreadBodies } from "./unread-body.server";

// What Remix does with a POST to a page without an action: takes the body as a
// stream (as @remix-run/express does), answers, never reads it.
function answersWithoutReading(): express.RequestHandler {
  return (req, res) => {
    createReadableStreamFromReadable(req);
    setTimeout(() => res.status(405).send("no action here"), 20);
  };
}

async function serve(guarded: boolean) {
  const app = express();
  if (guarded) app.use(discardUnreadBodies());
  app.use(answersWithoutReading());
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** Two POSTs on one keep-alive connection: a large body, then a small one. */
async function twoPosts(port: number): Promise<string[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const results: string[] = [];
  for (const body of [Buffer.alloc(1024 * 1024, 0x61), Buffer.from("intent=x")]) {
    results.push(
      await new Promise<string>((resolve) => {
        const req = httpRequest({ host: "127.0.0.1", port, path: "/", method: "POST", agent, timeout: 2000, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length } }, (res) => {
          res.resume();
          res.on("end", () => resolve(String(res.statusCode)));
        });
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", (error) => resolve(error.message));
        req.end(body);
      }),
    );
  }
  agent.destroy();
  return results;
}

describe("discardUnreadBodies", () => {
  const servers: { close: () => void }[] = [];
  let guarded: number;
  let unguarded: number;
  beforeAll(async () => {
    const [a, b] = await Promise.all([serve(true), serve(false)]);
    servers.push(a, b);
    guarded = a.port;
    unguarded = b.port;
  });
  afterAll(() => servers.forEach((server) => server.close()));

  it("keeps a connection usable after an answer that left the body unread", async () => {
    expect(await twoPosts(guarded)).toEqual(["405", "405"]);
  });

  it("(without it, the next request on that connection waits for the keep-alive timeout and gets no answer)", async () => {
    const [first, second] = await twoPosts(unguarded);
    expect(first).toBe("405");
    expect(second).not.toBe("405");
  });
});
