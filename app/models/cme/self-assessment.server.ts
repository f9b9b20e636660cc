// SA-CME self-assessment: the questions of sessions flagged SA-CME, a
// learner's attempts, and which sessions they passed (a passed session's
// claimed credit also counts as ABR self-assessment CME).
import { prisma } from "~/utils/db.server";

/** The ids of a meeting's SA-CME sessions this person has passed the self-assessment of. */
export async function passedSelfAssessments(userId: string, meetingId: string): Promise<Set<string>> {
  const passed = await prisma.selfAssessmentAttempt.findMany({
    where: { userId, passed: true, session: { meetingId, saCme: true } },
    select: { sessionId: true },
    distinct: ["sessionId"],
  });
  return new Set(passed.map((row) => row.sessionId));
}
