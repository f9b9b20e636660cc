// Playwright's test and expect, as every spec imports them, with two things added:
//
// - The Content-Security-Policy is watched: any violation in any page of any
//   browser context (the test's own, and those a test opens with
//   browser.newContext() or browser.newPage()) fails the test it happened in, so
//   a page that breaks under the enforced policy (an inline style or script, a
//   frame or image from elsewhere) fails its journey instead of degrading silently.
// - One sign-in per demo role: `test.use({ signedInAs: "organizer" })` gives the
//   test a page already signed in, and `pageAs("attendee")` another person's page
//   beside it. Each role signs in once per run through the real /login action and
//   its cookie is saved under the test output folder (storage state), as the Epic
//   Stack's playwright-utils does, instead of every spec filling in the form.
//   The journeys about signing in (accounts.spec.ts, the way back after signing
//   in) still use the form; a test that ends other sign-ins of its person (signs
//   out other devices, changes the password, posts to /logout) uses an account or
//   a sign-in of its own, so the saved ones stay good for the specs after it.
import { existsSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { signInRequest, type Role } from "./sign-in";

export { expect };
export type { APIRequestContext, APIResponse, Browser, Locator, Page } from "@playwright/test";
export type { Role } from "./sign-in";

/** What Chromium writes to the console when the policy blocks something, and what the init script below writes. */
const VIOLATION_MESSAGE = /Content Security Policy|Refused to|securitypolicyviolation/i;

type ViolationWatch = {
  /** Every violation seen in this worker, oldest first. */
  seen: string[];
  /** How many of `seen` a test has already answered for. */
  checked: number;
};

type TestFixtures = {
  cspViolationsAllowed: boolean;
  cspViolations: () => string[];
  /** The demo role the test's own context (its page, and page.request) is signed in as; null: signed out. */
  signedInAs: Role | null;
  /** A page in a new context signed in as `role`, for journeys with several people; closed after the test. */
  pageAs: (role: Role, options?: BrowserContextOptions) => Promise<Page>;
};

type WorkerFixtures = {
  cspViolationWatch: ViolationWatch;
  /** The storage-state file of `role`'s saved sign-in, for contexts made in hooks; checked to still work on every call. */
  savedSignIn: (role: Role) => Promise<string>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
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

  signedInAs: [null, { option: true }],

  // [function, options] as above: a function named by its key that calls use() reads as a React hook to the linter.
  storageState: [
    async ({ signedInAs, storageState, savedSignIn }, use) => {
      await use(signedInAs ? await savedSignIn(signedInAs) : storageState);
    },
    { scope: "test" },
  ],

  pageAs: [
    async ({ browser, savedSignIn }, use) => {
      const contexts: BrowserContext[] = [];
      await use(async (role, options = {}) => {
        const context = await browser.newContext({ ...options, storageState: await savedSignIn(role) });
        contexts.push(context);
        return context.newPage();
      });
      await Promise.all(contexts.map((context) => context.close()));
    },
    { scope: "test" },
  ],

  savedSignIn: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const folder = path.join(workerInfo.project.outputDir, "sign-ins");
      const signingIn: Partial<Record<Role, Promise<void>>> = {};
      await use(async (role) => {
        const file = path.join(folder, `${role}.json`);
        // Once per role per run: Playwright empties the output folder when a run starts, and a worker that replaces a failed one finds the file.
        if (!existsSync(file)) {
          await (signingIn[role] ??= (async () => {
            const context = await playwright.request.newContext({ baseURL });
            await signInRequest(context, role);
            await context.storageState({ path: file });
            await context.dispose();
          })());
        }
        // An earlier test may have ended it (signed out other devices, changed the password): say so here, not as a puzzling redirect later.
        const context = await playwright.request.newContext({ baseURL, storageState: file });
        const status = (await context.get("/account", { maxRedirects: 0 })).status();
        await context.dispose();
        if (status !== 200) {
          throw new Error(
            `The saved sign-in of the demo ${role} no longer works (GET /account answered ${status}): an earlier test ended it. ` +
              "A test that signs out other devices, changes a password or posts to /logout should use an account or a sign-in of its own (makeAccount in database.ts, signInRequest in sign-in.ts).",
          );
        }
        return file;
      });
    },
    { scope: "worker" },
  ],
});
