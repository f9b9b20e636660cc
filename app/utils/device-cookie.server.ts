// Device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device
// Cookies": a browser that signs in to an account successfully (or resets its
// password, which proves the mailbox) gets a signed cookie naming that account.
// Sign-ins from it skip the account's throttle and are limited per browser
// instead (app/models/accounts/sign-in.server.ts). The cookie proves nothing by itself:
// it never signs anyone in, it only says "this browser has known this
// account's password before".
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server";

const isProduction = env.NODE_ENV === "production";
const DEVICE_COOKIE_DAYS = 365;
/** A shared family computer may serve a few accounts; more than that and the oldest is forgotten. */
const MAX_ACCOUNTS = 5;

// Signed with SESSION_SECRET (tampering or forging it fails the signature), and
// `__Host-`, HttpOnly and Secure in production like the sign-in cookie, so no
// script or sibling subdomain can read or plant one.
const deviceCookie = createCookie(isProduction ? "__Host-meetings_device" : "meetings_device", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: isProduction,
  secrets: [env.SESSION_SECRET],
  maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
});

/** A browser: its random id (the key of its own limit) and the accounts (their accountKey) it has signed in to. */
export type Device = { id: string; accountKeys: string[] };

const DeviceSchema = z.object({
  id: z.string().min(16).max(64),
  accountKeys: z.array(z.string().min(1).max(100)).max(MAX_ACCOUNTS),
});

/** The browser's device cookie, if it carries a valid one. */
export async function readDevice(request: Request): Promise<Device | null> {
  const value: unknown = await deviceCookie.parse(request.headers.get("Cookie"));
  const parsed = DeviceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The Set-Cookie header that trusts this browser for one more account (kept
 * first, so the newest accounts stay). The id is new each time: OWASP's device
 * cookie protocol issues a fresh cookie after each successful sign-in.
 */
export async function trustDeviceFor(device: Device | null, accountKey: string): Promise<string> {
  const accountKeys = [accountKey, ...(device?.accountKeys ?? []).filter((key) => key !== accountKey)].slice(0, MAX_ACCOUNTS);
  const next: Device = { id: randomBytes(18).toString("base64url"), accountKeys };
  return deviceCookie.serialize(next);
}
