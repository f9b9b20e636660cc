// The call's settings forms, one schema each: the dates (a day and a time in
// the meeting's zone) and numbers, a topic, a section, a criterion. The
// organizer's page posts them with an `intent`; the server checks them here.
import { z } from "zod";
import { zonedInstant } from "~/models/program/document";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const day = z.string().regex(DAY, "Enter a date.");
const time = z.string().regex(TIME, "Enter a time.");
const optionalDay = z.union([z.literal(""), day]).default("");
const optionalTime = z.union([z.literal(""), time]).default("");
const count = (min: number, max: number) => z.coerce.number().int("Enter a whole number.").min(min, `At least ${min}.`).max(max, `At most ${max}.`);

export const callSettingsSchema = z.object({
  opensOn: day,
  opensAtTime: time,
  closesOn: day,
  closesAtTime: time,
  lateOpensOn: optionalDay,
  lateOpensAtTime: optionalTime,
  lateClosesOn: optionalDay,
  lateClosesAtTime: optionalTime,
  confirmOn: optionalDay,
  confirmAtTime: optionalTime,
  totalCharacterLimit: z.union([z.literal(""), count(100, 100_000)]).default(""),
  maxAuthors: count(1, 50),
  reviewsPerAbstract: count(1, 10),
  guidelines: z.string().max(10_000).default(""),
});

export type CallSettingsForm = z.infer<typeof callSettingsSchema>;

export type CallSettings = {
  opensAt: Date;
  closesAt: Date;
  lateBreakingOpensAt: Date | null;
  lateBreakingClosesAt: Date | null;
  confirmBy: Date | null;
  totalCharacterLimit: number | null;
  maxAuthors: number;
  reviewsPerAbstract: number;
  guidelines: string;
};

/** The form's wall-clock fields as instants in the meeting's zone, or the problems found (beside their fields). */
export function callSettingsFrom(form: CallSettingsForm, zone: string): { ok: true; settings: CallSettings } | { ok: false; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const at = (dayValue: string, timeValue: string) => (dayValue && timeValue ? zonedInstant(dayValue, timeValue, zone) : null);
  const opensAt = zonedInstant(form.opensOn, form.opensAtTime, zone);
  const closesAt = zonedInstant(form.closesOn, form.closesAtTime, zone);
  if (closesAt <= opensAt) problems.push({ field: "closesOn", message: "The deadline must come after the opening." });
  const lateOpens = at(form.lateOpensOn, form.lateOpensAtTime);
  const lateCloses = at(form.lateClosesOn, form.lateClosesAtTime);
  if (Boolean(lateOpens) !== Boolean(lateCloses)) problems.push({ field: "lateOpensOn", message: "Give both the opening and the close of the late-breaking window, or neither." });
  if (lateOpens && lateCloses) {
    if (lateOpens < closesAt) problems.push({ field: "lateOpensOn", message: "The late-breaking window opens at or after the deadline." });
    if (lateCloses <= lateOpens) problems.push({ field: "lateClosesOn", message: "The late-breaking window must close after it opens." });
  }
  const confirmBy = at(form.confirmOn, form.confirmAtTime);
  if ((form.confirmOn || form.confirmAtTime) && !confirmBy) problems.push({ field: "confirmOn", message: "Give both a date and a time for the presenters' confirmation." });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      opensAt,
      closesAt,
      lateBreakingOpensAt: lateOpens,
      lateBreakingClosesAt: lateCloses,
      confirmBy,
      totalCharacterLimit: form.totalCharacterLimit === "" ? null : form.totalCharacterLimit,
      maxAuthors: form.maxAuthors,
      reviewsPerAbstract: form.reviewsPerAbstract,
      guidelines: form.guidelines.trim(),
    },
  };
}

export const topicSchema = z.object({ name: z.string().trim().min(1, "Give the topic a name.").max(120) });

export const sectionSchema = z.object({
  title: z.string().trim().min(1, "Give the section a heading.").max(120),
  guidance: z.string().trim().max(500).default(""),
  limit: count(1, 20_000),
  unit: z.enum(["CHARACTERS", "WORDS"]),
});

export const criterionSchema = z.object({
  name: z.string().trim().min(1, "Give the criterion a name.").max(120),
  description: z.string().trim().max(500).default(""),
  weight: count(1, 100),
  maxScore: count(2, 10),
});

/** Each weight as a whole percent of the total, as the settings page shows them. */
export function weightPercents(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (total ? Math.round((weight / total) * 100) : 0));
}

/** A key for a new section or criterion, or a slug for a topic: lower-case words joined by hyphens, unique among `taken`. */
export function keyFor(name: string, taken: readonly string[]): string {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "item";
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}
