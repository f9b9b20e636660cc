// The review form's one schema, for the browser and the server alike. Scores
// arrive as `scores.<criterion key>`; which keys and ranges are valid is the
// rubric's business (rubric.ts), checked by the verb against the call's rows.
import { z } from "zod";
import { type AbstractDecision } from "~/generated/prisma/enums";

export type ReviewStatus = "not-started" | "draft" | "submitted";

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { "not-started": "Not started", draft: "Draft", submitted: "Submitted" };

export const RECOMMENDATION_LABELS: Record<AbstractDecision, string> = { ORAL: "Oral presentation", POSTER: "Poster", EPOSTER: "E-poster", REJECT: "Reject" };

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

const topicIds = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()).min(1, "Choose at least one topic the reviewer covers."));

/** The chairs' reviewer forms: invite (name, e-mail, institution, topics) and edit (institution, topics). */
export const InviteReviewerSchema = z.object({
  intent: z.literal("invite"),
  name: z.string({ error: "Give the reviewer's name." }).trim().min(1, "Give the reviewer's name.").max(200),
  email: z.email({ error: "Give a valid e-mail address." }),
  institution: z.string({ error: "Give the reviewer's institution." }).trim().min(1, "Give the reviewer's institution.").max(300),
  topicIds,
});

export const EditReviewerSchema = z.object({
  intent: z.literal("edit"),
  reviewerId: z.string(),
  institution: z.string({ error: "Give the reviewer's institution." }).trim().min(1, "Give the reviewer's institution.").max(300),
  topicIds,
});
