// The page the request guards answer with when they refuse a request before
// Remix sees it (cross-site.server.ts, request-shape.server.ts). It is plain
// HTML with no scripts and no styles to load: it must render under any CSP, for
// any request, without touching the app. Its sentences are ours, never the
// request's, so nothing in it needs escaping.
import type { Response } from "express";

export type PlainRefusal = { status: number; title: string; message: string; headers?: Record<string, string> };

export function sendPlainRefusal(res: Response, refusal: PlainRefusal): void {
  res
    .status(refusal.status)
    .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...refusal.headers })
    .send(
      `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${refusal.title} · Meeting Platform</title>
</head>
<body>
<main>
<h1>${refusal.title}</h1>
<p>${refusal.message}</p>
<p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`,
    );
}
