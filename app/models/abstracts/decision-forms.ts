// The one schema of the decisions page's forms, told apart by `intent`:
// propose one abstract, propose in bulk (top N of a topic, or all undecided
// below a score), place an oral, move or unplace it. Pure, for the route.
import { z } from "zod";
import { AbstractDecision } from "~/generated/prisma/enums";
import { DEFAULT_SLOT_MINUTES } from "./placement-defaults";

const decision = z.enum(AbstractDecision, "Choose oral, poster, e-poster or reject.");
const reason = z.string().trim().max(1000, "Keep the reason under 1,000 characters.").optional();
const abstractId = z.string().min(1);
const number = z.coerce.number().int().positive();

export const decisionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose"), abstractId, decision, reason }),
  z.object({
    intent: z.literal("bulk-top"),
    topicId: z.string("Choose a topic.").min(1, "Choose a topic."),
    count: z.coerce.number("Say how many.").int("A whole number.").min(1, "At least 1.").max(500),
    decision,
    reason,
  }),
  z.object({ intent: z.literal("bulk-below"), score: z.coerce.number("Give a score.").min(0, "From 0 to 100.").max(100, "From 0 to 100."), decision, reason }),
  z.object({
    intent: z.literal("place"),
    abstractId,
    session: z.string("Choose an abstract session.").min(1, "Choose an abstract session."),
    minutes: z.coerce.number().int("Whole minutes.").min(1, "At least 1 minute.").max(120, "At most 120 minutes.").default(DEFAULT_SLOT_MINUTES),
  }),
  z.object({ intent: z.literal("unplace"), number }),
  z.object({ intent: z.literal("move"), number, direction: z.enum(["up", "down"]) }),
]);

export type DecisionForm = z.infer<typeof decisionFormSchema>;

/** The presenter's answer to an acceptance: confirm, or decline with a reason. */
export const presenterAnswerSchema = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("confirm") }),
  z.object({
    answer: z.literal("decline"),
    reason: z.string("Tell the committee why, so they can offer the place to another abstract.").trim().min(1, "Tell the committee why, so they can offer the place to another abstract.").max(1000, "Keep the reason under 1,000 characters."),
  }),
]);
