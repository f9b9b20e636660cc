// The one-buffer frame: built where socket.io-adapter builds broadcast frames,
// byte for byte the frame ws would have sent, and read intact by real clients at
// every WebSocket length encoding (7-bit, 16-bit and 64-bit payload lengths).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OneBufferFrameAdapter } from "./frame-adapter";

let server: Server;
let port: number;

beforeAll(async () => {
  const http = createServer();
  server = new Server(http, { adapter: OneBufferFrameAdapter, serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await server.close();
});

describe("OneBufferFrameAdapter", () => {
  it("turns the broadcast's two-buffer WebSocket frame into one buffer with the same bytes", () => {
    const adapter = server.of("/").adapter as unknown as { _encode(packet: object, options: { wsPreEncodedFrame?: Buffer[] }): unknown };
    const options: { wsPreEncodedFrame?: Buffer[] } = {};
    adapter._encode({ type: 2, nsp: "/", data: ["qa:events", [{ id: 7 }]] }, options);
    const payload = Buffer.from('42["qa:events",[{"id":7}]]');
    expect(options.wsPreEncodedFrame).toHaveLength(1);
    // FIN + text opcode, then the unmasked 7-bit length, then the Engine.IO message.
    expect(options.wsPreEncodedFrame![0]).toEqual(Buffer.concat([Buffer.from([0x81, payload.length]), payload]));
  });

  it.each([10, 1_000, 70_000])("delivers a %i-character broadcast intact to a WebSocket client", async (size) => {
    const client = connectClient(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => client.once("connect", resolve).once("connect_error", reject));
      const text = "é".repeat(size / 2) + "x".repeat(size / 2);
      const received = new Promise<string>((resolve) => client.once("message", resolve));
      server.emit("message", text);
      expect(await received).toBe(text);
    } finally {
      client.close();
    }
  });
});
