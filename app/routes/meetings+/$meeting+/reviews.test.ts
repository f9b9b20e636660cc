// Blind review through the reviewer's routes, as Remix calls them. Authors
// with distinctive names and institutions are assigned to a reviewer; then
// every reviewer-facing answer (the queue, the review page, saving, a refused
// save, submitting, declaring a conflict) and every mail to the reviewer is
// searched for any of those names or institutions, case-insensitively. The
// same search over the chairs' data finds them, so the search itself works.
// Then the refusals: another reviewer's, a removed or a conflicted assignment
// is a 404 with nothing written; a stranger gets 403.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createOrganizer, createPerson } from "~/models/accounts/people.fixture";
import { applyAssignments, proposeAssignments } from "~/models/abstracts/assignment.server";
import { makeAbstract, makeCall, makeReviewer } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import * as chairPage from "../../organize+/$meeting+/abstracts.submissions.$abstract";
import * as queuePage from "./reviews._index";
import * as reviewPage from "./reviews.$assignment";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const AUTHORS = [
  { name: "Zebulon Quatermaine", institution: "Kittering Radiology Institute" },
  { name: "Philippa Oyelaran-Voss", institution: "Hallowmere University Hospital" },
  { name: "Ignatius Brackenridge", institution: "Saint Ostrava Medical Center" },
  { name: "Marisol Featherstonehaugh", institution: "Kittering Radiology Institute" },
];

let fixture: Awaited<ReturnType<typeof makeCall>>;
let reviewer: Awaited<ReturnType<typeof makeReviewer>>;
let other: Awaited<ReturnType<typeof makeReviewer>>;
let cookie: string;
let otherCookie: string;
let strangerCookie: string;
let mine: { id: string; abstractId: string }[];

beforeAll(async () => {
  fixture = await makeCall({ reviewsPerAbstract: 2 });
  const topic = fixture.call.topics[0]!.id;
  reviewer = await makeReviewer(fixture.call.id, { topicIds: [topic], institution: "Stanford University" });
  other = await makeReviewer(fixture.call.id, { topicIds: [topic], institution: "Duke University" });
  for (let index = 0; index < 4; index++) {
    await makeAbstract(fixture.call.id, { topicId: topic, title: `Blind study ${index}`, authors: [AUTHORS[index]!, AUTHORS[(index + 1) % 4]!] });
  }
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: fixture.meeting.id }, select: { id: true, slug: true, name: true } });
  const proposal = await proposeAssignments(meeting.id);
  expect(await applyAssignments(meeting, await createOrganizer(meeting.id), proposal!.added)).toMatchObject({ ok: true, added: 8 });
  mine = await prisma.reviewAssignment.findMany({ where: { reviewerId: reviewer.id }, select: { id: true, abstractId: true }, orderBy: { abstract: { number: "asc" } } });
  cookie = await cookieFor(reviewer.user.id);
  otherCookie = await cookieFor(other.user.id);
  strangerCookie = await cookieFor((await createPerson("stranger")).id);
}, 60_000);

/** Everything an answer carries, as text: status, headers, body. */
async function answer(handler: unknown, path: string, who: string | null, form?: Record<string, string>, assignment?: string) {
  const headers: Record<string, string> = who ? { Cookie: who } : {};
  const request = new Request(`http://localhost${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
  const params: Record<string, string> = { meeting: fixture.meeting.slug, ...(assignment ? { assignment } : {}) };
  try {
    const result = await (handler as Handler)({ request, params, context: {} });
    if (result instanceof Response) return { status: result.status, text: `${[...result.headers].join("\n")}\n${await result.text()}` };
    if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: init?.status ?? 200, text: JSON.stringify(data) };
    }
    return { status: 200, text: JSON.stringify(result) };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
}

const FORBIDDEN_WORDS = AUTHORS.flatMap((author) => [author.name, author.institution, ...author.name.split(" ")]);
const leaks = (text: string) => FORBIDDEN_WORDS.filter((word) => text.toLowerCase().includes(word.toLowerCase()));
const fullScores = { "scores.originality": "4", "scores.methods": "5", "scores.results": "3", "scores.relevance": "4" };

describe("blind review", () => {
  it("never shows a reviewer an author's name or institution, in any page, answer or mail", async () => {
    const slug = fixture.meeting.slug;
    const [first, second] = mine;
    const seen: { what: string; status: number; text: string }[] = [];
    const take = async (what: string, run: Promise<{ status: number; text: string }>) => {
      const result = await run;
      seen.push({ what, ...result });
      return result;
    };
    expect((await take("queue", answer(queuePage.loader, href.reviews(slug), cookie))).status).toBe(200);
    expect((await take("review page", answer(reviewPage.loader, href.review(slug, first!.id), cookie, undefined, first!.id))).status).toBe(200);
    expect((await take("draft", answer(reviewPage.action, href.review(slug, first!.id), cookie, { intent: "save", "scores.originality": "4", commentToAuthors: "Good." }, first!.id))).status).toBe(302);
    expect((await take("refused submit", answer(reviewPage.action, href.review(slug, first!.id), cookie, { intent: "submit", "scores.originality": "4" }, first!.id))).status).toBe(400);
    expect((await take("page after draft", answer(reviewPage.loader, href.review(slug, first!.id), cookie, undefined, first!.id))).status).toBe(200);
    expect((await take("submit", answer(reviewPage.action, href.review(slug, first!.id), cookie, { intent: "submit", ...fullScores, recommendation: "ORAL", commentToCommittee: "Strong." }, first!.id))).status).toBe(302);
    expect((await take("conflict", answer(reviewPage.action, href.review(slug, second!.id), cookie, { intent: "conflict", note: "I supervised this work." }, second!.id))).status).toBe(302);
    expect((await take("queue after", answer(queuePage.loader, href.reviews(slug, { done: "submitted" }), cookie))).status).toBe(200);
    const mails = await prisma.outgoingMail.findMany({ where: { to: reviewer.user.email }, select: { subject: true, text: true, html: true } });
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) seen.push({ what: "mail", status: 0, text: JSON.stringify(mail) });

    for (const { what, text } of seen) expect({ what, leaks: leaks(text) }).toEqual({ what, leaks: [] });
    // The pages do carry the abstract itself: the search is looking at real answers.
    expect(seen[1]!.text).toContain("Blind study");
    // And the same search finds the authors in the chairs' page of the same abstract (chairs are not blind).
    const chair = await cookieFor((await createPerson("chair", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] })).id);
    const request = new Request(`http://localhost${href.organize.submission(slug, first!.abstractId)}`, { headers: { Cookie: chair } });
    const chairs = await chairPage.loader({ request, params: { meeting: slug, abstract: first!.abstractId }, context: {} });
    const abstract = await prisma.abstract.findUniqueOrThrow({ where: { id: first!.abstractId }, select: { authors: { select: { name: true, institution: true } } } });
    expect(leaks(JSON.stringify(chairs))).toEqual(expect.arrayContaining(abstract.authors.flatMap((author) => [author.name, author.institution])));
  });

  it("stores the weighted score and the comments; the conflicted abstract left the queue", async () => {
    const review = await prisma.abstractReview.findUniqueOrThrow({ where: { assignmentId: mine[0]!.id }, select: { score: true, recommendation: true, commentToAuthors: true, commentToCommittee: true, submittedAt: true } });
    // 3/4 of 25 + 4/4 of 30 + 2/4 of 25 + 3/4 of 20 = 76.25 of 100.
    expect(review).toMatchObject({ score: 76.3, recommendation: "ORAL", commentToAuthors: "", commentToCommittee: "Strong.", submittedAt: expect.any(Date) });
    expect(await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: mine[1]!.id }, select: { state: true, conflictNote: true } })).toEqual({ state: "CONFLICT", conflictNote: "I supervised this work." });
    expect(await prisma.auditEntry.count({ where: { meetingId: fixture.meeting.id, action: "abstracts.conflict-declared" } })).toBe(1);
    const queue = await answer(queuePage.loader, href.reviews(fixture.meeting.slug), cookie);
    const body = JSON.parse(queue.text) as { assignments: { id: string }[]; done: number; total: number };
    expect(body.assignments.map((row) => row.id)).not.toContain(mine[1]!.id);
    expect({ done: body.done, total: body.total }).toEqual({ done: 1, total: mine.length - 1 });
  });

  it("answers another reviewer's, a removed or a conflicted assignment with 404 and writes nothing", async () => {
    const slug = fixture.meeting.slug;
    const [submitted, conflicted, third] = mine;
    await prisma.reviewAssignment.update({ where: { id: third!.id }, data: { state: "REMOVED" } });
    const before = await prisma.abstractReview.findMany({ where: { assignment: { abstract: { callId: fixture.call.id } } }, select: { id: true, updatedAt: true, scores: true } });
    for (const id of [submitted!.id, conflicted!.id, third!.id]) {
      const who = id === submitted!.id ? otherCookie : cookie;
      expect((await answer(reviewPage.loader, href.review(slug, id), who, undefined, id)).status).toBe(404);
      expect((await answer(reviewPage.action, href.review(slug, id), who, { intent: "submit", ...fullScores, recommendation: "REJECT" }, id)).status).toBe(404);
      expect((await answer(reviewPage.action, href.review(slug, id), who, { intent: "conflict", note: "Mine now." }, id)).status).toBe(404);
    }
    expect((await answer(reviewPage.loader, href.review(slug, "no-such-assignment"), cookie, undefined, "no-such-assignment")).status).toBe(404);
    const after = await prisma.abstractReview.findMany({ where: { assignment: { abstract: { callId: fixture.call.id } } }, select: { id: true, updatedAt: true, scores: true } });
    expect(after).toEqual(before);
    expect(await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: third!.id }, select: { state: true } })).toEqual({ state: "REMOVED" });
    expect(await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: submitted!.id }, select: { state: true } })).toEqual({ state: "ACTIVE" });
  });

  it("refuses out-of-range scores, and keeps strangers out", async () => {
    const slug = fixture.meeting.slug;
    const [submitted] = mine;
    const bad = await answer(reviewPage.action, href.review(slug, submitted!.id), cookie, { intent: "submit", ...fullScores, "scores.methods": "9", recommendation: "ORAL" }, submitted!.id);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Scientific method is scored from 1 to 5.");
    expect((await answer(queuePage.loader, href.reviews(slug), strangerCookie)).status).toBe(403);
    expect((await answer(reviewPage.loader, href.review(slug, submitted!.id), strangerCookie, undefined, submitted!.id)).status).toBe(403);
    expect((await answer(queuePage.loader, href.reviews(slug), null)).status).toBe(302);
  });
});
