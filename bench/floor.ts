// The bare Express floor of bench/agenda.ts: a sibling process the bench starts,
// an Express app with no middleware at all, answering each measured address
// with the very bytes (status, headers, body) the real server sent for it. What
// a page costs above this floor is what our stack adds; below it nothing can go.
//
//   tsx bench/floor.ts <port> <responses.json>
//
// responses.json: [{ path, etag?, status, headers, body (base64) }]. A request
// whose If-None-Match names the entry's ETag gets the 304 the server gave for it.
import { readFileSync } from "node:fs";
import express from "express";

export type FloorResponse = { path: string; etag?: string; status: number; headers: Record<string, string>; body: string };
type Stored = { status: number; headers: Record<string, string>; body: Buffer };

const [port, file] = process.argv.slice(2);
const responses = JSON.parse(readFileSync(file!, "utf8")) as FloorResponse[];
const full = new Map<string, Stored>();
const revalidated = new Map<string, Stored & { etag: string }>();
for (const { path, etag, status, headers, body } of responses) {
  const stored = { status, headers, body: Buffer.from(body, "base64") };
  if (etag) revalidated.set(path, { ...stored, etag });
  else full.set(path, stored);
}

const app = express();
app.disable("x-powered-by");
app.disable("etag");
app.get("*", (req, res) => {
  const conditional = revalidated.get(req.originalUrl);
  const page = conditional && req.headers["if-none-match"] === conditional.etag ? conditional : full.get(req.originalUrl);
  if (!page) return void res.status(404).end();
  res.writeHead(page.status, { ...page.headers, "Content-Length": page.body.length });
  res.end(page.body);
});
app.listen(Number(port), "127.0.0.1", () => console.log("floor ready"));
