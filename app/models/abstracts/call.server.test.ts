import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeCall, makeUser } from "./call.fixture";
import { saveCriterion, saveSection, saveTopic } from "./call.server";

async function setup() {
  const { meeting, call } = await makeCall();
  const organizer = await makeUser("Olga Organizer");
  return { meeting: { id: meeting.id, timeZone: meeting.timeZone }, call, organizer };
}

const audit = (meetingId: string) => prisma.auditEntry.findMany({ where: { meetingId }, select: { action: true, summary: true }, orderBy: { createdAt: "asc" } });

describe("saving the call's topics, sections and criteria", () => {
  it("adds each last, keyed by its name unlike the others, and changes one in place; every save is audited", async () => {
    const { meeting, call, organizer } = await setup();
    expect(await saveTopic(organizer, meeting, null, "Oncology")).toEqual({ ok: true });
    expect(await saveSection(organizer, meeting, null, { title: "Purpose", guidance: "Why.", limit: 200, unit: "WORDS" })).toEqual({ ok: true });
    expect(await saveCriterion(organizer, meeting, null, { name: "Clarity", description: "Reads well.", weight: 10, maxScore: 5 })).toEqual({ ok: true });
    const added = await prisma.abstractCall.findUniqueOrThrow({
      where: { id: call.id },
      select: {
        topics: { select: { slug: true, name: true, position: true }, orderBy: { position: "asc" } },
        sections: { select: { id: true, key: true, title: true, limit: true, unit: true, position: true }, orderBy: { position: "asc" } },
        criteria: { select: { key: true, name: true, weight: true, position: true }, orderBy: { position: "asc" } },
      },
    });
    expect(added.topics.at(-1)).toEqual({ slug: "oncology-2", name: "Oncology", position: 2 });
    expect(added.sections.at(-1)).toMatchObject({ key: "purpose-2", title: "Purpose", limit: 200, unit: "WORDS", position: 4 });
    expect(added.criteria.at(-1)).toEqual({ key: "clarity", name: "Clarity", weight: 10, position: 4 });

    const section = added.sections.at(-1)!;
    expect(await saveSection(organizer, meeting, section.id, { title: "Aim", guidance: "Why.", limit: 150, unit: "WORDS" })).toEqual({ ok: true });
    expect(await prisma.abstractSection.findUniqueOrThrow({ where: { id: section.id }, select: { key: true, title: true, limit: true, position: true } })).toEqual({ key: "purpose-2", title: "Aim", limit: 150, position: 4 });
    expect(await audit(meeting.id)).toEqual([
      { action: "abstracts.topic.added", summary: 'Added the topic "Oncology"' },
      { action: "abstracts.section.added", summary: 'Added the section "Purpose" (200 words)' },
      { action: "abstracts.criterion.added", summary: 'Added the criterion "Clarity" (weight 10, scored 1–5)' },
      { action: "abstracts.section.changed", summary: 'Changed the section "Aim" (150 words)' },
    ]);
  });

  it("refuses an id from another call, changing nothing and auditing nothing", async () => {
    const { meeting, organizer } = await setup();
    const other = await setup();
    const [topic] = other.call.topics;
    expect(await saveTopic(organizer, meeting, topic!.id, "Taken over")).toEqual({ ok: false, code: "NOT_FOUND", message: "There is no such topic in this call." });
    const criterion = await prisma.reviewCriterion.findFirstOrThrow({ where: { callId: other.call.id }, select: { id: true } });
    expect(await saveCriterion(organizer, meeting, criterion.id, { name: "Taken over", description: "", weight: 1, maxScore: 5 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await prisma.abstractTopic.findUniqueOrThrow({ where: { id: topic!.id }, select: { name: true } })).toEqual({ name: topic!.name });
    expect(await audit(meeting.id)).toEqual([]);
  });
});
