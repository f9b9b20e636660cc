// The review form's one schema, for the browser and the server alike. Scores
// arrive as `scores.<criterion key>`; which keys and ranges are valid is the
// rubric's business (rubric.ts), checked by the verb against the call's rows.
import { z } from "zod";

export const REVIEW_INTENTS = ["save", "submit"] as const;

export const ReviewFormSchema = z.object({
  intent: z.enum(REVIEW_INTENTS),
  scores: z.record(z.string(), z.coerce.number({ error: "Choose a score." }).int("Choose a whole score.")).optional(),
  recommendation: z.enum(["ORAL", "POSTER", "EPOSTER", "REJECT"], { error: "Choose a recommendation." }).optional(),
  commentToCommittee: z.string().max(5000, "Keep the comment under 5,000 characters.").optional(),
  commentToAuthors: z.string().max(5000, "Keep the comment under 5,000 characters.").optional(),
});

export const ConflictFormSchema = z.object({
  intent: z.literal("conflict"),
  note: z.string({ error: "Say in a few words what the conflict is." }).trim().min(1, "Say in a few words what the conflict is.").max(1000, "Keep the note under 1,000 characters."),
});
