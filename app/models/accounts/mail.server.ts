// The e-mails about a person's account, one function per message: each returns
// the message and sends nothing; the caller queues it (queueMail) in the
// transaction of the change that causes it. Plain text: it is what many
// clinicians' mail clients show, and links stay whole.
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import type { QueuedMessage } from "~/utils/mail.server";

const PRODUCT = "Meeting Platform";

type Recipient = { name: string; email: string };

function message(kind: string, to: string, subject: string, paragraphs: string[], { holdsSecret = false } = {}): QueuedMessage {
  return { kind, holdsSecret, to, subject, text: paragraphs.join("\n\n") };
}

function formatUtc(at: Date): string {
  return `${new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at)} UTC`;
}

function formatHours(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** To an address without an account: the link that finishes creating it. */
export function signupLinkMail(to: Recipient, link: string, validForMs: number): QueuedMessage {
  return message("sign-up-link", to.email, `Finish creating your ${PRODUCT} account`, [
    `Hello ${to.name},`,
    `Someone, hopefully you, asked to create a ${PRODUCT} account with this e-mail address. Open this link within ${formatHours(validForMs)} and enter the password you chose to finish:`,
    link,
    "The link works once. If you did not ask for this, ignore this e-mail: no account is created without it.",
  ], { holdsSecret: true });
}

/**
 * To an address that already has an account, instead of a sign-up link: the
 * sign-up form answers everyone alike, so this message is where the owner
 * learns that the account exists and how to get in.
 */
export function signupAttemptOnExistingAccountMail(to: Recipient): QueuedMessage {
  return message("sign-up-existing-account", to.email, `Someone tried to create a ${PRODUCT} account with your address`, [
    `Hello ${to.name},`,
    `Someone, perhaps you, tried to create a new ${PRODUCT} account with this e-mail address. You already have an account with it, so no new account was made and nothing changed.`,
    `To sign in: ${absoluteUrl(href.login())}`,
    `Forgot your password? Choose a new one here: ${absoluteUrl(href.forgotPassword())}`,
    "If it was not you, you can ignore this e-mail: your account and password stay as they are.",
  ]);
}

/** To the owner, once per throttling episode: someone keeps failing to sign in to the account. */
export function signInThrottledMail(to: Recipient): QueuedMessage {
  return message("sign-in-throttled", to.email, `Someone is trying to sign in to your ${PRODUCT} account`, [
    `Hello ${to.name},`,
    `There have been several sign-ins to your ${PRODUCT} account with a wrong password. To protect it, we are slowing down sign-ins to it from browsers it has not been used on, with a longer wait after each further failure.`,
    `If it was you: wait a moment and try again, or choose a new password: ${absoluteUrl(href.forgotPassword())}. Browsers you have signed in with before are not slowed down.`,
    `If it was not you: your account is safe as long as nobody can guess your password. If you use the same password elsewhere, or it is short, change it: sign in and open ${absoluteUrl(href.account())}, or choose a new one with the link above.`,
    "We send this once while the attempts go on.",
  ]);
}

/** To the owner after the password was changed from the account page. */
export function passwordChangedMail(to: Recipient, change: { at: Date; otherDevicesSignedOut: number }): QueuedMessage {
  const others = change.otherDevicesSignedOut;
  return message("password-changed", to.email, `Your ${PRODUCT} password was changed`, [
    `Hello ${to.name},`,
    `The password of your ${PRODUCT} account was changed on ${formatUtc(change.at)}. ${
      others === 0 ? "No other device was signed in." : `${others === 1 ? "1 other device was" : `${others} other devices were`} signed out.`
    }`,
    `If you did this, there is nothing more to do. If you did not, choose a new password right away: ${absoluteUrl(href.forgotPassword())}`,
  ]);
}

/** The password reset link (forgot-password). */
export function passwordResetMail(to: Recipient, link: string, validForMs: number): QueuedMessage {
  return message("password-reset", to.email, "Reset your password", [
    `Hello ${to.name},`,
    `Someone, hopefully you, asked to reset the password of your ${PRODUCT} account.\nOpen this link within ${formatHours(validForMs)} to choose a new password:`,
    link,
    "The link works once. If you did not ask for this, ignore this email: your password stays as it is.",
  ], { holdsSecret: true });
}
