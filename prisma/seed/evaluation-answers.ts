// Evaluation answers at SIR 2023, so the provider's report has real charts:
// the meeting and session evaluations (made from their templates when the seed
// finds none), a cohort of attendees who watched a few accredited sessions,
// and their answers with the spread a real meeting gets (mostly agree, a few
// biased-content flags, commitments to change in their own words). The demo
// registrants answer the meeting's evaluation too; Sam Patel, the demo
// attendee, answers nothing here (his evaluation and claim are seeded with his
// journey). Everything has a fixed key and is created only when missing, so a
// second seed changes nothing.
import type { Prisma } from "../../app/generated/prisma/client";
import { EVALUATION_TEMPLATES, type Answer, type EvaluationScope, type Question } from "../../app/models/cme/evaluations";
import { hashPassword } from "../../app/utils/password.server";
import { DEMO_PASSWORD } from "./demo-accounts";
import { createRandom, type Random } from "./random";
import { DEMO_REGISTRATIONS } from "./registration";

type Tx = Prisma.TransactionClient;

const MEETING = "sir-2023";
const DEMO_ATTENDEE = "attendee@example.org";
/** Sam's sessions: the attendance console's tests expect him alone there. */
const SAMS_SESSIONS = ["tace-vs-tare-for-intermediate-stage-hcc", "pulmonary-embolism-catheter-directed-therapy", "radiation-segmentectomy-for-early-stage-hcc"];

/** Attendees who watched the virtual meeting: name and e-mail. */
const COHORT: [string, string][] = [
  ["Grace Liu, MD", "g.liu@example.org"],
  ["Omar Haddad, MD", "o.haddad@example.org"],
  ["Sofia Rossi, MD", "s.rossi@example.org"],
  ["Kwame Mensah, MD", "k.mensah@example.org"],
  ["Hannah Schultz, DO", "h.schultz@example.org"],
  ["Ravi Patel, MD", "r.patel@example.org"],
  ["Emily Carter, MD", "e.carter@example.org"],
  ["Luis Moreno, MD", "l.moreno@example.org"],
  ["Aisha Bello, MD", "a.bello@example.org"],
  ["Noah Fischer, MD", "n.fischer@example.org"],
  ["Yuki Tanaka, MD", "y.tanaka@example.org"],
  ["Claire Dubois, MD", "c.dubois@example.org"],
  ["Marcus Green, PA-C", "m.green@example.org"],
  ["Fatima Rahman, NP", "f.rahman@example.org"],
  ["Ethan Brooks, RT(R)", "e.brooks@example.org"],
  ["Isabel Ortega, MD", "i.ortega@example.org"],
  ["Samuel Adeyemi, MD", "s.adeyemi@example.org"],
  ["Mei Chen, MD", "m.chen@example.org"],
];

/** The meeting's commitments to change, one per respondent, as learners write them. */
const MEETING_COMMITMENTS = [
  "Offer Y-90 segmentectomy to more early-stage HCC patients who are not surgical candidates.",
  "Start a PE response team with cardiology and pulmonology at our hospital.",
  "Use cone-beam CT for every chemoembolization to confirm tumor coverage.",
  "Switch to radial access as the default for visceral embolization.",
  "Add a standard pre-procedure frailty screen before elective IR cases.",
  "Discuss genicular artery embolization with our orthopedic colleagues for patients who are not ready for knee replacement.",
  "Review our IVC filter retrieval tracking so no filter is left in longer than needed.",
  "Use shared decision-making aids when discussing PAD revascularization options.",
  "Order a duplex ultrasound follow-up at one month after every venous stent.",
  "Bring the lung ablation data to our thoracic tumor board.",
  "Check for sarcopenia on pre-procedure CT in liver cancer patients.",
  "Adopt the updated SIR adverse event classification in our QA meetings.",
  "Stop routine antibiotic prophylaxis for port placement.",
  "Teach our residents ultrasound-guided femoral access with a micropuncture set every time.",
  "Offer prostate artery embolization to men with BPH who want to avoid surgery.",
  "Measure patient radiation dose for every complex case and review outliers monthly.",
  "Refer more patients with chronic pelvic pain for venous evaluation.",
  "Try balloon-occluded TACE for larger tumors.",
  "Talk with patients about clinical trials at every IO clinic visit.",
  "Use a checklist for hemostasis after large-bore access.",
  "Screen dialysis patients for central venous stenosis before fistula creation.",
  "Build a structured follow-up clinic for our thermal ablation patients.",
  "Start using intravascular ultrasound when sizing iliac vein stents.",
  "Share the meeting's lymphatic intervention cases with our transplant team.",
  "Call patients the day after outpatient embolization to catch post-embolization syndrome early.",
  "Ask every patient with leg ulcers about venous symptoms before referring them on.",
];

const SESSION_COMMITMENTS = [
  "Use this session's dosimetry approach for our next Y-90 cases.",
  "Apply the catheter-directed lysis criteria we saw for submassive PE.",
  "Change our embolic choice for small bleeding vessels as discussed.",
  "Try the microcatheter technique from the case review.",
  "Review our ablation margin assessment with the CT overlay software.",
  "Adopt the faculty's follow-up imaging schedule.",
  "Present this session's cases at our department conference.",
  "Rethink when we place a filter versus anticoagulate.",
  "Use the session's algorithm for managing a dissection during PAD intervention.",
  "Read the trial results discussed before changing our protocol.",
];

const BIAS_DETAILS = ["One device was shown by brand name throughout.", "The speaker's company was mentioned more than once without need.", "Most slides showed a single manufacturer's products."];

const NEXT_YEAR_TOPICS = [
  "More on managing complications",
  "A hands-on session on genicular artery embolization",
  "Practice management and billing for IR clinics",
  "Pediatric IR",
  "AI in image-guided procedures",
  "Lymphatic interventions",
  "More live cases",
];

/** Mostly agree and strongly agree, a few neutral, rarely disagree: how CME evaluations come back. */
const RATING_WEIGHTS = [1, 2, 7, 22, 18];
/** For the template's profession question, in its option order. */
const PROFESSION_WEIGHTS: Record<string, number> = { Physician: 16, "Physician in training": 4, "Nurse or nurse practitioner": 2, "Physician assistant": 1, Technologist: 1, Other: 1 };

function weighted(random: Random, weights: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [index, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return index;
  }
  return weights.length - 1;
}

/** One respondent's answers, question by question; `commitment` is their own sentence (or none). */
function answersFor(questions: Question[], random: Random, commitment: string | null): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of questions) {
    switch (question.kind) {
      case "RATING":
        answers[question.id] = weighted(random, RATING_WEIGHTS) + 1;
        break;
      case "SINGLE_CHOICE":
        answers[question.id] = question.options[weighted(random, question.options.map((option) => PROFESSION_WEIGHTS[option] ?? 1))]!;
        break;
      case "MULTIPLE_CHOICE": {
        // SIR 2023 was virtual: live online mostly, recordings often too; nobody in a room.
        const chosen = question.options.filter((option) => (option === "Live online" ? random.next() < 0.9 : option === "Recorded sessions" ? random.next() < 0.45 : false));
        if (chosen.length) answers[question.id] = chosen;
        break;
      }
      case "COMMITMENT_TO_CHANGE":
        if (commitment) answers[question.id] = commitment;
        break;
      case "COMMERCIAL_BIAS":
        answers[question.id] = random.next() < 0.92 ? { free: true, detail: "" } : { free: false, detail: random.pick(BIAS_DETAILS) };
        break;
      case "FREE_TEXT":
        if (random.next() < 0.3) answers[question.id] = random.pick(NEXT_YEAR_TOPICS);
        break;
    }
  }
  return answers;
}

/** The meeting's evaluation of a scope with its questions, made from the template when missing. */
export async function evaluationOf(tx: Tx, meetingId: string, scope: EvaluationScope) {
  const select = { id: true, questions: { select: { id: true, kind: true, prompt: true, options: true, required: true }, orderBy: { position: "asc" as const } } };
  const existing = await tx.evaluation.findUnique({ where: { meetingId_scope: { meetingId, scope } }, select });
  if (existing) return { id: existing.id, questions: existing.questions as Question[] };
  const template = EVALUATION_TEMPLATES[scope];
  const made = await tx.evaluation.create({ data: { meetingId, scope, title: template.title, questions: { create: template.questions.map((question, position) => ({ ...question, position })) } }, select });
  return { id: made.id, questions: made.questions as Question[] };
}

export async function syncEvaluationAnswers(tx: Tx): Promise<void> {
  const meeting = await tx.meeting.findUnique({ where: { slug: MEETING }, select: { id: true } });
  if (!meeting) return;
  const random = createRandom("sir-2023 evaluation answers");

  // The cohort: accounts made once, with the demo password (hashed once).
  const known = new Map((await tx.user.findMany({ where: { email: { in: COHORT.map(([, email]) => email) } }, select: { id: true, email: true } })).map((user) => [user.email, user.id]));
  let passwordHash: string | undefined;
  for (const [name, email] of COHORT) {
    if (known.has(email)) continue;
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    known.set(email, (await tx.user.create({ data: { name, email, passwordHash }, select: { id: true } })).id);
  }

  // Their evidence: each watched two to four of a spread of accredited sessions, nearly start to end.
  const sessions = (
    await tx.session.findMany({
      where: { meetingId: meeting.id, cmeAccredited: true, status: { not: "CANCELLED" }, slug: { notIn: SAMS_SESSIONS } },
      select: { id: true, slug: true, startsAt: true, endsAt: true },
      orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
    })
  ).filter((_, index, all) => index % Math.max(1, Math.floor(all.length / 6)) === 0);
  const watched: { userId: string; sessionId: string }[] = [];
  const intervals: Prisma.AttendanceIntervalCreateManyInput[] = [];
  for (const [, email] of COHORT) {
    const userId = known.get(email)!;
    for (const session of random.shuffle(sessions).slice(0, random.int(2, 4))) {
      const late = random.int(0, 6) * 60_000;
      const early = random.int(0, 8) * 60_000;
      intervals.push({ id: `seed-eval-${email}-${session.slug}`, sessionId: session.id, userId, startedAt: new Date(session.startsAt.getTime() + late), endedAt: new Date(session.endsAt.getTime() - early) });
      watched.push({ userId, sessionId: session.id });
    }
  }
  await tx.attendanceInterval.createMany({ data: intervals, skipDuplicates: true });

  // The meeting's evaluation: the cohort and the demo registrants (not Sam, not the one who cancelled).
  const meetingEvaluation = await evaluationOf(tx, meeting.id, "MEETING");
  const registrants = await tx.user.findMany({
    where: { email: { in: DEMO_REGISTRATIONS.filter((demo) => demo.state !== "cancelled" && demo.email !== DEMO_ATTENDEE).map((demo) => demo.email) } },
    select: { id: true },
    orderBy: { email: "asc" },
  });
  const respondents = [...COHORT.map(([, email]) => known.get(email)!), ...registrants.map((user) => user.id)];
  await tx.evaluationResponse.createMany({
    data: respondents.map((userId, index) => ({
      evaluationId: meetingEvaluation.id,
      userId,
      subject: "",
      answers: answersFor(meetingEvaluation.questions, random, MEETING_COMMITMENTS[index % MEETING_COMMITMENTS.length]!) as Prisma.InputJsonValue,
      submittedAt: new Date(Date.UTC(2023, 2, 9 + (index % 12), 15 + (index % 7))),
    })),
    skipDuplicates: true,
  });

  // Session evaluations: about two in five of the sessions watched, commitments where people wrote one.
  const sessionEvaluation = await evaluationOf(tx, meeting.id, "SESSION");
  const evaluated = watched.filter(() => random.next() < 0.4);
  await tx.evaluationResponse.createMany({
    data: evaluated.map((row, index) => ({
      evaluationId: sessionEvaluation.id,
      userId: row.userId,
      sessionId: row.sessionId,
      subject: row.sessionId,
      answers: answersFor(sessionEvaluation.questions, random, index < SESSION_COMMITMENTS.length ? SESSION_COMMITMENTS[index]! : null) as Prisma.InputJsonValue,
      submittedAt: new Date(Date.UTC(2023, 2, 9 + (index % 10), 16)),
    })),
    skipDuplicates: true,
  });
}
