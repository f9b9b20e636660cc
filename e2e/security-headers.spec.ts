// The security headers on the production server, for every kind of response
// it gives, and the enforced Content-Security-Policy in Chromium: pages run
// their scripts with the response's nonce (cached pages included), and a
// violation reaches /csp-report. (Every other spec fails on a violation too:
// see fixtures.ts.)
import { expect, test, type APIResponse } from "./fixtures";

/** A Content-Security-Policy header as directive name -> its sources. */
function directives(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The headers every response carries, whatever it is. */
function expectSecurityHeaders(response: APIResponse, { referrerPolicy = "strict-origin-when-cross-origin", policy = true } = {}) {
  const headers = response.headers();
  const what = `${response.status()} ${response.url()}`;
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe(referrerPolicy);
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(headers["cross-origin-resource-policy"], what).toBe("same-origin");
  // The e2e server's APP_ORIGIN is http://localhost: no HSTS, no upgrade, no Reporting API endpoint.
  expect(headers["strict-transport-security"], what).toBeUndefined();
  expect(headers["reporting-endpoints"], what).toBeUndefined();
  expect(headers["x-powered-by"], what).toBeUndefined();
  if (!policy) {
    expect(headers["content-security-policy"], what).toBeUndefined();
    return;
  }
  const csp = directives(headers["content-security-policy"]);
  const realtime = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1000}`;
  expect(csp, what).toEqual({
    "default-src": ["'self'"],
    "script-src": ["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)],
    "script-src-attr": ["'none'"],
    "worker-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'", realtime, realtime.replace("http:", "ws:")],
    "frame-src": ["https://stream.example.org"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", "https://checkout.stripe.com"],
    "report-uri": ["/csp-report"],
  });
  expect(headers["content-security-policy-report-only"], what).toBeUndefined();
}

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
const scriptNonces = (html: string) => [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((match) => match[1]);

test("every kind of response carries the security headers", async ({ request }) => {
  const page = await request.get("/meetings/sir-2023");
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page);

  const asset = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(asset).toBeTruthy();
  const responses = [
    await request.get(asset!),
    await request.get("/meetings/sir-2023/agenda.ics"),
    await request.get("/meetings/sir-2023/tracks/residents.ics"),
    await request.get("/meetings/sir-2023/schedule.json"),
    await request.get("/meetings/sir-2023/schedule.xml"),
    await request.get("/healthz"),
    await request.get("/meetings/sir-2023/agenda.data"),
    await request.get("/meetings/no-such-meeting"),
    await request.get("/no/such/page"),
    await request.post("/login", { form: { email: "" } }),
    await request.get("/webhooks/stripe"),
    // The plain refusals answered before Remix: another site's form, an address no page can have.
    await request.post("/meetings/sir-2023/schedule", { headers: { Origin: "https://evil.example" }, form: { intent: "add" } }),
    await request.get("/meetings/%E0%A4%A"),
  ];
  expect(responses.map((response) => response.status())).toEqual([200, 200, 200, 200, 200, 200, 200, 404, 404, 400, 405, 403, 400]);
  for (const response of responses) expectSecurityHeaders(response);
  // The error pages are whole pages, and their scripts carry the nonce too.
  const notFound = responses[7]!;
  expect(scriptNonces(await notFound.text())).toContain(nonceOf(notFound));
});

test("pages whose URL is a secret send no referrer", async ({ request }) => {
  for (const path of ["/reset-password/not-a-token", "/signup/confirm/not-a-token", "/invitations/not-a-token", "/calendar/not-a-token.ics", "/meetings/sir-2023/registration/confirm-email/not-a-token"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expectSecurityHeaders(response, { referrerPolicy: "no-referrer" });
  }
});

test("a cached page carries the nonce of its own response's policy, and a 304 keeps the stored one", async ({ request }) => {
  const path = "/meetings/sir-2023/agenda?day=2023-03-06";
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get(path);
    expectSecurityHeaders(response);
    if (i > 0) expect(response.headers()["x-page-cache"]).toBe("hit");
    const nonce = nonceOf(response)!;
    const nonces = scriptNonces(await response.text());
    expect(nonces.length).toBeGreaterThanOrEqual(4);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    seen.add(nonce);
  }
  expect(seen.size).toBe(3);

  const etag = (await request.get(path)).headers()["etag"]!;
  const revalidated = await request.get(path, { headers: { "If-None-Match": etag } });
  expect(revalidated.status()).toBe(304);
  expectSecurityHeaders(revalidated, { policy: false });
});

test.describe("the browser's own cache", () => {
  // Once the service worker controls the page it makes the request itself, so
  // the page's navigation would show no If-None-Match (or would, depending on
  // how soon it took control). Its kept copies are offline.spec.ts's subject.
  test.use({ serviceWorkers: "block" });

  test("pages run their scripts under the policy, a revisit answered by a 304 too", async ({ page }) => {
    for (let visit = 0; visit < 2; visit++) {
      const response = await page.goto("/meetings/sir-2023/agenda?day=2023-03-05");
      // The second visit revalidates the stored page: the server answers 304 and Chromium shows its copy.
      expect((await response!.request().allHeaders())["if-none-match"], `visit ${visit + 1}`).toBe(visit === 0 ? undefined : response!.headers()["etag"]);
      // Hydrated: client-side navigation works (the fixture fails the test on any violation).
      await page.getByRole("link", { name: /Mon, Mar 6/ }).click();
      await expect(page).toHaveURL(/day=2023-03-06/);
      await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
    }
  });
});

test.describe("a violation", () => {
  test.use({ cspViolationsAllowed: true });

  test("is blocked, seen by the watch every spec uses, and reported to /csp-report", async ({ page, cspViolations }) => {
    await page.goto("/meetings/sir-2023");
    const report = page.waitForRequest((request) => request.url().endsWith("/csp-report") && request.method() === "POST");
    // Markup that slipped into a page: an inline script and an image from elsewhere.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      const image = new Image();
      image.src = "https://blocked.example/pixel.gif";
    });
    const posted = await report;
    const headers = await posted.allHeaders();
    expect(headers["content-type"]).toBe("application/csp-report");
    expect(headers["sec-fetch-site"]).toBe("same-origin");
    expect(headers["origin"]).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await posted.response())?.status()).toBe(204);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => cspViolations().join("\n")).toMatch(/script-src-elem/);
    await expect.poll(() => cspViolations().join("\n")).toMatch(/img-src blocked https:\/\/blocked\.example\/pixel\.gif/);
  });
});
