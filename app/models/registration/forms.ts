// The zod schemas of the registration forms, used by Conform in the browser and
// by the actions on the server. They check shape only; what may be bought and
// at what price is decided by the models on the server.
import { z } from "zod";

export const MAX_PROOF_MEGABYTES = 5;

/** What the file picker offers; the server checks the content whatever the picker allowed. */
export const PROOF_ACCEPT = "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg";

export const REGISTRATION_FILTERS = ["all", "confirmed", "pending", "awaiting", "cancelled"] as const;
export type RegistrationFilter = (typeof REGISTRATION_FILTERS)[number];

const institutionalEmail = z
  .string()
  .trim()
  .max(254, "An e-mail address has at most 254 characters")
  .pipe(z.email("Enter a valid e-mail address, like name@university.edu"));

const proofFields = {
  proofMethod: z.enum(["DOCUMENT", "INSTITUTIONAL_EMAIL"], { error: "Choose how you will prove your status" }).optional(),
  proofDocument: z.file().max(MAX_PROOF_MEGABYTES * 1024 * 1024, `The file is larger than ${MAX_PROOF_MEGABYTES} MB.`).optional(),
  institutionalEmail: institutionalEmail.optional(),
};

export type ProofValues = { proofMethod?: "DOCUMENT" | "INSTITUTIONAL_EMAIL"; proofDocument?: File; institutionalEmail?: string };

/** A chosen proof needs its document or its address; which categories need proof at all is the server's business. */
function checkProof(value: ProofValues, context: z.RefinementCtx, required: boolean) {
  if (!value.proofMethod) {
    if (required) context.addIssue({ code: "custom", path: ["proofMethod"], message: "This category needs proof of status: upload a document or give your institutional e-mail." });
    return;
  }
  if (value.proofMethod === "DOCUMENT" && !value.proofDocument) {
    context.addIssue({ code: "custom", path: ["proofDocument"], message: "Choose the document to upload (PDF, PNG or JPEG, up to 5 MB)." });
  }
  if (value.proofMethod === "INSTITUTIONAL_EMAIL" && !value.institutionalEmail) {
    context.addIssue({ code: "custom", path: ["institutionalEmail"], message: "Enter the e-mail address your university or hospital gave you." });
  }
}

/**
 * The registration form. `proofCategories` are the slugs of categories that need
 * proof, so that the browser can say so before submitting; the server checks again.
 */
/** What a person chooses on the registration form, proof aside: enough to price it. */
export const RegistrationChoiceSchema = z.object({
  category: z.string({ error: "Choose the category that fits you" }).max(100),
  attendance: z.enum(["IN_PERSON", "VIRTUAL"], { error: "Choose how you will attend" }),
  joinMembership: z.boolean().optional(),
  addOns: z.array(z.string().max(100)).max(50, "Choose at most 50 add-ons").optional(),
  promoCode: z.string().trim().max(40, "A promo code has at most 40 characters").optional(),
});

export function registerSchema(proofCategories: readonly string[] = []) {
  return RegistrationChoiceSchema.extend(proofFields).superRefine((value, context) => checkProof(value, context, proofCategories.includes(value.category)));
}

export type RegisterValues = z.infer<ReturnType<typeof registerSchema>>;

/** The attendee's own registration page: cancel, leave a checkout, or (after a declined proof) switch category or send new proof. */
export const OwnRegistrationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("abandon-checkout"), order: z.string().max(100) }),
  z
    .object({ intent: z.literal("change-category"), category: z.string({ error: "Choose a category" }).max(100), requiresProof: z.boolean().optional(), ...proofFields })
    .superRefine((value, context) => checkProof(value, context, value.requiresProof === true)),
]);

/** The buttons of the test payment page: what a customer (and later their bank) can do at Stripe Checkout. */
export const TestPaymentSchema = z.object({
  intent: z.enum(["pay", "pay-by-bank", "bank-settles", "bank-fails", "cancel"], { error: "Unknown action" }),
});

export const LeaveCheckoutSchema = z.object({ intent: z.literal("abandon-checkout", { error: "Unknown action" }), order: z.string().max(100) });

export const ReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), registration: z.string().max(100) }),
  z.object({
    intent: z.literal("reject"),
    registration: z.string().max(100),
    reason: z.string({ error: "Tell the registrant why, so they can fix it" }).trim().min(5, "Tell the registrant why, in a sentence").max(1000, "At most 1,000 characters"),
  }),
]);

export const ConsoleRegistrationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("reject"),
    reason: z.string({ error: "Tell the registrant why, so they can fix it" }).trim().min(5, "Tell the registrant why, in a sentence").max(1000, "At most 1,000 characters"),
  }),
  z.object({ intent: z.literal("comp") }),
  z.object({
    intent: z.literal("refund"),
    amount: z
      .string({ error: "Enter the amount to refund" })
      .trim()
      .regex(/^\d{1,7}(\.\d{1,2})?$/, "Enter an amount like 125 or 125.50"),
    cancel: z.boolean().optional(),
  }),
]);

/** "125.5" → 12550 minor units. */
export function toMinorUnits(amount: string): number {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}
