// Door check-in in Chromium with a fake camera. Chromium's fake capture device
// plays a Y4M video; the spec writes one showing a registration's real QR code
// (its signed token, the same QR the attendee's registration page shows), so the
// page's scanner reads it as a phone's camera would. Then: a check-in by name
// made offline waits on the phone and is recorded once when back online; a QR
// with a made-up token is refused on screen and records nothing; door staff
// see no other console page.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import config from "../playwright.config";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount, withE2eDatabase } from "./database";
import { expect, test, type Browser, type Page } from "./fixtures";
import { signInWithForm, type Account } from "./sign-in";

// The secret e2e/server.ts gives the app (the spec signs as the app does, and checks the page shows the same QR).
const SESSION_SECRET = process.env.SESSION_SECRET ?? "e2e-session-secret-that-is-long-enough-0123456789";
const checkInToken = (code: string) => `${code}.${createHmac("sha256", SESSION_SECRET).update(`check-in:v1:${code}`).digest("base64url").slice(0, 16)}`;
const QR_OPTIONS = { margin: 1, errorCorrectionLevel: "M" } as const;

/** A few frames of a 640×480 Y4M video (4:2:0, grey chroma) showing `text` as a QR code, black on white. */
function writeQrVideo(file: string, text: string) {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((height - 40) / (size + 2 * quiet));
  const left = Math.floor((width - scale * size) / 2);
  const top = Math.floor((height - scale * size) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

// The camera's video must exist before the worker's browser starts, so the codes are chosen here, at load.
const run = randomBytes(4).toString("hex").toUpperCase();
const guests = {
  scanned: { code: `SIR23-E2E${run}A`, name: `Camille Scanned ${run}` },
  offline: { code: `SIR23-E2E${run}B`, name: `Oskar Offline ${run}` },
  forged: { code: `SIR23-E2E${run}C`, name: `Fiona Forged ${run}` },
};
const port = process.env.E2E_PORT ?? "3100";
const realVideo = path.resolve(`.data/check-in-qr-${port}.y4m`);
const forgedVideo = path.resolve(`.data/check-in-forged-${port}.y4m`);
writeQrVideo(realVideo, checkInToken(guests.scanned.code));
writeQrVideo(forgedVideo, `${guests.forged.code}.${"A".repeat(16)}`);

const cameraArgs = (video: string) => ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`];

// The project's own launch options (Debian's Chromium and its flags), plus the fake camera.
const configured = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...configured, args: [...(configured.args ?? []), ...cameraArgs(realVideo)] } });

const attendeePassword = "correct horse battery staple";
let staff: Account;
const accounts: Record<keyof typeof guests, Account> = {} as Record<keyof typeof guests, Account>;

test.beforeAll(async () => {
  staff = await makeAccount(`Door Staff ${run}`, "door staff password 123", [{ meeting: "sir-2023", role: "CHECK_IN" }]);
  for (const [key, guest] of Object.entries(guests) as [keyof typeof guests, (typeof guests)[keyof typeof guests]][]) {
    accounts[key] = await makeAccount(guest.name, attendeePassword, [{ meeting: "sir-2023", role: "ATTENDEE" }]);
    await withE2eDatabase((client) =>
      client.query(
        `INSERT INTO "Registration" (id, "meetingId", "userId", code, "categoryId", "tierId", attendance, status, verification, "confirmedAt")
         SELECT $1, m.id, u.id, $2, (SELECT id FROM "RegistrationCategory" c WHERE c."meetingId" = m.id ORDER BY position LIMIT 1),
                (SELECT id FROM "RegistrationTier" t WHERE t."meetingId" = m.id ORDER BY position LIMIT 1), 'IN_PERSON', 'ACTIVE', 'NOT_REQUIRED', now()
           FROM "Meeting" m, "User" u WHERE m.slug = 'sir-2023' AND u.email = $3`,
        [randomUUID(), guest.code, accounts[key].email],
      ),
    );
  }
});

const checkInsOf = (code: string) =>
  withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ direction: string; sessionId: string | null; scannedBy: string }>(
      `SELECT c.direction, c."sessionId", u.email AS "scannedBy" FROM "CheckIn" c JOIN "Registration" r ON r.id = c."registrationId" JOIN "User" u ON u.id = c."scannedById" WHERE r.code = $1`,
      [code],
    );
    return rows;
  });

async function openCheckIn(browser: Browser, query = ""): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(`/login?redirectTo=${encodeURIComponent(`/organize/sir-2023/check-in${query}`)}`);
  await signInWithForm(page, staff);
  await expect(page.getByRole("heading", { level: 1, name: "Door check-in" })).toBeVisible();
  await expect(page.getByText("Every scan is sent.")).toBeVisible();
  return page;
}

test("the camera reads a registration's QR code and the check-in is recorded; door staff see nothing else", async ({ browser }) => {
  // The attendee's registration page shows the very QR code the fake camera films.
  const attendee = await (await browser.newContext()).newPage();
  await attendee.goto("/login?redirectTo=/meetings/sir-2023/registration");
  await signInWithForm(attendee, accounts.scanned);
  const shown = await attendee.getByRole("img", { name: `QR code of registration ${guests.scanned.code}` }).locator("path[stroke]").getAttribute("d");
  const expected = /stroke="#000000" d="([^"]+)"/.exec(await QRCode.toString(checkInToken(guests.scanned.code), { type: "svg", ...QR_OPTIONS }))![1];
  expect(shown).toBe(expected);

  const session = await withE2eDatabase(async (client) => (await client.query<{ id: string; title: string }>(`SELECT s.id, s.title FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = 'sir-2023' AND s.status = 'SCHEDULED' ORDER BY s."startsAt" LIMIT 1`)).rows[0]!);
  const page = await openCheckIn(browser);
  // No console navigation for door staff.
  await expect(page.getByRole("navigation", { name: "Organizer console" })).toHaveCount(0);
  await page.getByLabel("Door", { exact: true }).selectOption(session.id);
  await expect(page).toHaveURL(new RegExp(`door=${session.id}`));
  await expect(page.getByText("Checking people in at").locator("strong", { hasText: session.title })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Start camera" }).click();
  const result = page.getByTestId("scan-result");
  await expect(result).toContainText(`Checked in: ${guests.scanned.name} ·`);
  await expect(page.getByRole("button", { name: "Stop camera" })).toBeVisible();
  await expect.poll(() => checkInsOf(guests.scanned.code)).toEqual([{ direction: "IN", sessionId: session.id, scannedBy: staff.email }]);
  await expect(page.getByRole("region", { name: "Latest scans here" }).getByText(guests.scanned.name)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Stop camera" }).click();

  // Every other console page refuses them.
  const refused = await page.goto("/organize/sir-2023/sessions");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.getByRole("link", { name: "Back to door check-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Door check-in" })).toBeVisible();
});

test("a check-in by name made offline waits on the phone and is recorded once when the connection is back", async ({ browser }) => {
  const page = await openCheckIn(browser, `?q=${encodeURIComponent(guests.offline.name)}`);
  const button = page.getByRole("button", { name: `Check ${guests.offline.name} in` });
  await expect(button).toBeVisible();
  await page.context().setOffline(true);
  await button.click();
  await expect(page.getByText("1 waiting to be sent")).toBeVisible();
  await expect(page.getByTestId("scan-result")).toContainText("Saved on this phone");
  expect(await checkInsOf(guests.offline.code)).toEqual([]);

  await page.context().setOffline(false);
  await expect(page.getByText("Every scan is sent.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("scan-result")).toContainText(`Checked in: ${guests.offline.name} ·`);
  expect(await checkInsOf(guests.offline.code)).toEqual([{ direction: "IN", sessionId: null, scannedBy: staff.email }]);
  // A reload sends nothing again: the queue is empty, the row is still one.
  await page.reload();
  await expect(page.getByText("Every scan is sent.")).toBeVisible();
  expect(await checkInsOf(guests.offline.code)).toHaveLength(1);
  await expectNoAxeViolations(page);
});

test("without JavaScript, the name search and its check-in button still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/login?redirectTo=${encodeURIComponent("/organize/sir-2023/check-in?direction=OUT")}`);
  await signInWithForm(page, staff);
  await page.getByRole("searchbox", { name: "Name" }).fill(guests.offline.name);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("button", { name: `Check ${guests.offline.name} out` }).click();
  await expect(page.getByTestId("scan-result")).toContainText(`Checked out: ${guests.offline.name} ·`);
  expect((await checkInsOf(guests.offline.code)).map((row) => row.direction)).toEqual(["IN", "OUT"]);
});

test("a QR code with a made-up token is refused on screen and nothing is recorded", async ({ playwright, launchOptions }) => {
  const args = (launchOptions.args ?? []).filter((arg) => !arg.startsWith("--use-file-for-fake-video-capture="));
  const forgedCamera = await playwright.chromium.launch({ ...launchOptions, args: [...args, `--use-file-for-fake-video-capture=${forgedVideo}`] });
  try {
    const page = await openCheckIn(forgedCamera);
    const before = await withE2eDatabase(async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "CheckIn"`)).rows[0]!.n));
    await page.getByRole("button", { name: "Start camera" }).click();
    await expect(page.getByTestId("scan-result")).toContainText("Not valid: This is not a registration QR code");
    expect(await checkInsOf(guests.forged.code)).toEqual([]);
    expect(await withE2eDatabase(async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "CheckIn"`)).rows[0]!.n))).toBe(before);
    await expect(page.getByText("Every scan is sent.")).toBeVisible();
    await expectNoAxeViolations(page);
    // The scanner's endpoint answers odd requests with a 4xx, never a 5xx.
    const endpoint = "/organize/sir-2023/check-in/scans";
    expect((await page.request.get(endpoint)).status()).toBe(405);
    expect((await page.request.post(endpoint, { data: "{", headers: { "Content-Type": "application/json" } })).status()).toBe(400);
    const junk = await page.request.post(endpoint, { form: { door: "nowhere", direction: "IN", scanId: "junkjunkjunk", token: "x.y" } });
    expect([junk.status(), (await junk.json()).scan.ok]).toEqual([404, false]);
  } finally {
    await forgedCamera.close();
  }
});
