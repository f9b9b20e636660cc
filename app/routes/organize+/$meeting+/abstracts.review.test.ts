// The chairs' review pages through their routes: organizers only; the plan
// shown, applied and reflected on the board; the chairs' view of an abstract
// names its authors (chairs are not blind); a conflicted reviewer added by
// hand is refused with the reason and nothing is written.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { makeAbstract, makeCall, makeReviewer } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import * as board from "./abstracts._index";
import * as assignments from "./abstracts.assignments";
import * as reviewersPage from "./abstracts.reviewers";
import * as submission from "./abstracts.submissions.$abstract";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

let fixture: Awaited<ReturnType<typeof makeCall>>;
let organizer: string;
let attendee: string;
let abstracts: Awaited<ReturnType<typeof makeAbstract>>[];
let reviewers: Awaited<ReturnType<typeof makeReviewer>>[];

beforeAll(async () => {
  fixture = await makeCall({ reviewsPerAbstract: 2 });
  const [oncology] = fixture.call.topics;
  reviewers = [
    await makeReviewer(fixture.call.id, { topicIds: [oncology!.id], institution: "Mayo Clinic", name: "Rhea Mayo" }),
    await makeReviewer(fixture.call.id, { topicIds: [oncology!.id], institution: "Duke University", name: "Dev Duke" }),
    await makeReviewer(fixture.call.id, { topicIds: [oncology!.id], institution: "Yale", name: "Yan Yale" }),
  ];
  abstracts = [
    await makeAbstract(fixture.call.id, { topicId: oncology!.id, authors: [{ name: "Olwen Tregarthen", institution: "Mayo Clinic" }] }),
    await makeAbstract(fixture.call.id, { topicId: oncology!.id, authors: [{ name: "Bram Okonkwo", institution: "Emory University" }] }),
  ];
  await makeAbstract(fixture.call.id, { topicId: oncology!.id, status: "DRAFT" });
  organizer = await cookieFor((await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] })).id);
  attendee = await cookieFor((await createPerson("attendee", { roles: [{ meetingId: fixture.meeting.id, role: "ATTENDEE" }] })).id);
}, 60_000);

async function call(handler: unknown, path: string, cookie: string | null, form?: URLSearchParams, abstract?: string) {
  const request = new Request(`http://localhost${path}`, { method: form ? "POST" : "GET", headers: cookie ? { Cookie: cookie } : {}, body: form });
  try {
    const result = await (handler as Handler)({ request, params: { meeting: fixture.meeting.slug, ...(abstract ? { abstract } : {}) }, context: {} });
    if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: init?.status ?? 200, body: data as Record<string, unknown> };
    }
    return { status: 200, body: result as Record<string, unknown> };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: null };
    throw error;
  }
}

describe("the chairs' review pages", () => {
  it("are for organizers only", async () => {
    const m = fixture.meeting.slug;
    const id = abstracts[0]!.id;
    for (const [handler, path, abstract] of [
      [board.loader, href.organize.abstracts(m)],
      [assignments.loader, href.organize.reviewAssignments(m, { plan: "1" })],
      [assignments.action, href.organize.reviewAssignments(m)],
      [submission.loader, href.organize.submission(m, id), id],
      [submission.action, href.organize.submission(m, id), id],
      [reviewersPage.loader, href.organize.reviewers(m)],
      [reviewersPage.action, href.organize.reviewers(m)],
    ] as const) {
      const form = handler === reviewersPage.action || handler === assignments.action || handler === submission.action ? new URLSearchParams({ intent: "apply" }) : undefined;
      expect((await call(handler, path, attendee, form, abstract)).status).toBe(403);
    }
  });

  it("plans, applies and shows the progress", async () => {
    const m = fixture.meeting.slug;
    const planned = await call(assignments.loader, href.organize.reviewAssignments(m, { plan: "1" }), organizer);
    const proposal = planned.body!.proposal as { pairs: string[]; short: unknown[] };
    // Two reviewers each for two abstracts, and never Rhea Mayo on the first (same institution as its author).
    expect(proposal.pairs).toHaveLength(4);
    expect(proposal.pairs).not.toContain(`${abstracts[0]!.id}:${reviewers[0]!.id}`);
    const form = new URLSearchParams([["intent", "apply"], ...proposal.pairs.map((pair) => ["pair", pair])]);
    expect(await call(assignments.action, href.organize.reviewAssignments(m), organizer, form)).toMatchObject({ status: 200, body: { ok: true } });
    // Applying the same pairs again is refused and writes nothing.
    expect(await call(assignments.action, href.organize.reviewAssignments(m), organizer, form)).toMatchObject({ status: 409, body: { ok: false } });
    expect(await prisma.reviewAssignment.count({ where: { abstract: { callId: fixture.call.id } } })).toBe(4);

    const page = await call(board.loader, href.organize.abstracts(m), organizer);
    expect(page.body!.board).toMatchObject({ figures: { submitted: 2, drafts: 1, withdrawn: 0, assigned: 2, reviewsDone: 0, reviewsTotal: 4, percent: 0 }, short: [] });
  });

  it("shows the chairs the authors, and refuses a conflicted reviewer with the reason", async () => {
    const m = fixture.meeting.slug;
    const id = abstracts[0]!.id;
    const page = await call(submission.loader, href.organize.submission(m, id), organizer, undefined, id);
    expect(JSON.stringify(page.body)).toContain("Olwen Tregarthen");
    expect(JSON.stringify(page.body)).toContain("Mayo Clinic");
    const refused = await call(submission.action, href.organize.submission(m, id), organizer, new URLSearchParams({ intent: "add", reviewerId: reviewers[0]!.id }), id);
    expect(refused).toMatchObject({ status: 409, body: { ok: false, field: "reviewerId", message: `Rhea Mayo may not review abstract ${abstracts[0]!.number}: same institution as an author.` } });
    expect(await prisma.reviewAssignment.count({ where: { abstractId: id, reviewerId: reviewers[0]!.id } })).toBe(0);
    expect((await call(submission.loader, href.organize.submission(m, "nope"), organizer, undefined, "nope")).status).toBe(404);
  });

  it("invites a reviewer from the reviewers page, refusing a form without topics", async () => {
    const m = fixture.meeting.slug;
    const form = (extra: [string, string][]) => new URLSearchParams([["intent", "invite"], ["name", "Quinn Invited"], ["email", "quinn.invited@example.org"], ["institution", "Emory University"], ...extra]);
    const refused = await call(reviewersPage.action, href.organize.reviewers(m), organizer, form([]));
    expect(refused).toMatchObject({ status: 400, body: { ok: false, field: "topicIds", message: "Choose at least one topic the reviewer covers." } });
    const topics = fixture.call.topics.map((topic): [string, string] => ["topicIds", topic.id]);
    expect(await call(reviewersPage.action, href.organize.reviewers(m), organizer, form(topics))).toMatchObject({ status: 200, body: { ok: true } });
    const page = await call(reviewersPage.loader, href.organize.reviewers(m), organizer);
    expect(page.body!.reviewers).toContainEqual(expect.objectContaining({ name: "Quinn Invited", acceptedAt: null, topicIds: expect.arrayContaining(fixture.call.topics.map((topic) => topic.id)) }));
  });
});
