// The committee's four decisions in the order pages list them, and their names.
import type { AbstractDecision, PresentationPreference, TraineeLevel } from "~/generated/prisma/enums";

export const DECISIONS = ["ORAL", "POSTER", "EPOSTER", "REJECT"] as const satisfies readonly AbstractDecision[];
export const DECISION_LABEL: Record<AbstractDecision, string> = { ORAL: "Oral", POSTER: "Poster", EPOSTER: "E-poster", REJECT: "Reject" };
export const PREFERENCE_LABEL: Record<PresentationPreference, string> = { ORAL: "Prefers oral", POSTER: "Prefers poster", EITHER: "Either" };
export const TRAINEE_LABEL: Record<TraineeLevel, string> = { MEDICAL_STUDENT: "Medical student", RESIDENT: "Resident", FELLOW: "Fellow" };
