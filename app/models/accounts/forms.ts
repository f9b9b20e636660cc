// Fields the account forms (sign in, sign up, forgot, reset and change
// password) have in common, validated the same way in the browser and on the server.
import { z } from "zod";

export const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.org"));

/** The page to go back to after signing in or up; safeRedirect keeps it on this site. */
export const redirectToField = z.string().max(2048).optional();

/** A password someone already has (to sign in, or to prove it's them). */
export const passwordField = (required = "Enter your password") => z.string({ error: required }).max(128, "A password has at most 128 characters");

/** A password being chosen: the one rule for sign-up, reset and change. */
export const newPasswordField = (required = "Choose a password") =>
  z.string({ error: required }).min(8, "Use at least 8 characters").max(128, "A password has at most 128 characters");

/** The hint shown under every new-password field. */
export const NEW_PASSWORD_HINT = "8 to 128 characters.";

/** Whether a token from a link (sign-up, password reset) can be one of ours, 43 characters of base64url, before the database is asked. */
export const isPlausibleToken = (token: string | undefined): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
