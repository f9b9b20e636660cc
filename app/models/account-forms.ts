// Fields the account forms (sign in, sign up, forgot password) have in common,
// validated the same way in the browser and on the server.
import { z } from "zod";

export const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.org"));

/** The page to go back to after signing in or up; safeRedirect keeps it on this site. */
export const redirectToField = z.string().max(2048).optional();
