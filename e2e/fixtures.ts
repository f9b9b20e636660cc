// Playwright's test and expect, with the Content-Security-Policy watched: any
// violation in any page of any browser context (the test's own, and those a
// test opens with browser.newContext() or browser.newPage()) fails the test it
// happened in. Every spec imports test and expect from here, so a page that
// breaks under the enforced policy (an inline style or script, a frame or
// image from elsewhere) fails its journey instead of degrading silently.
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

export { expect };
export type { APIRequestContext, APIResponse, Browser, Locator, Page } from "@playwright/test";

/** What Chromium writes to the console when the policy blocks something, and what the init script below writes. */
const VIOLATION_MESSAGE = /Content Security Policy|Refused to|securitypolicyviolation/i;

type ViolationWatch = {
  /** Every violation seen in this worker, oldest first. */
  seen: string[];
  /** How many of `seen` a test has already answered for. */
  checked: number;
};

export const test = base.extend<
  { cspViolationsAllowed: boolean; cspViolations: () => string[] },
  { cspViolationWatch: ViolationWatch }
>({
  /** A test that provokes violations on purpose sets this and reads cspViolations() itself. */
  cspViolationsAllowed: [false, { option: true }],

  cspViolationWatch: [
    async ({ browser }, use) => {
      const watch: ViolationWatch = { seen: [], checked: 0 };
      const watched = new WeakSet<BrowserContext>();
      const observe = async (context: BrowserContext) => {
        if (watched.has(context)) return;
        watched.add(context);
        context.on("console", (message) => {
          if (VIOLATION_MESSAGE.test(message.text())) watch.seen.push(`${message.page()?.url() ?? "(no page)"}: ${message.text()}`);
        });
        // Also catches what the console does not say (violations in frames, report-only ones).
        await context.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
          });
        });
      };
      // Every context of the worker, the test's own included (the context fixture makes it with newContext).
      const newContext = browser.newContext;
      browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
        const context = await newContext.apply(this, args);
        await observe(context);
        return context;
      };
      await use(watch);
      browser.newContext = newContext;
    },
    { scope: "worker", auto: true },
  ],

  cspViolations: [
    async ({ cspViolationWatch: watch, cspViolationsAllowed }, use) => {
      // From the last test's end: violations in a beforeAll hook count against the test that follows it.
      const from = watch.checked;
      await use(() => watch.seen.slice(from));
      const violations = watch.seen.slice(from);
      watch.checked = watch.seen.length;
      if (!cspViolationsAllowed) expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
