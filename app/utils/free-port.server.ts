// A port nothing listens on yet, for a server a test or a benchmark starts in
// another process (a child cannot be handed port 0 and report back which one it
// took). The port is free when this resolves; the caller takes it at once.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
