// The import page's dry run, called as Remix calls it with a file uploaded as
// the browser sends it: the answer lists the clashes the file would create, in
// the Clashes page's words, and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { getDraft } from "~/models/program/draft.server";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { action } from "./import";

let fixture: ProgramFixture;
let cookie: string;

beforeAll(async () => {
  fixture = await createProgramFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  cookie = await cookieFor(organizer.id);
});

async function dryRun(csv: string) {
  const form = new FormData();
  form.set("intent", "dry-run");
  form.set("file", new File([csv], "program.csv", { type: "text/csv" }));
  const request = new Request(`http://localhost/organize/${fixture.meeting.slug}/import`, { method: "POST", body: form, headers: { Cookie: cookie } });
  const result = (await action({ request, params: { meeting: fixture.meeting.slug }, context: {} })) as unknown as { data: { stage: string; clashes?: { label: string; text: string }[] }; init: { status?: number } | null };
  return { status: result.init?.status ?? 200, body: result.data };
}

describe("the import's dry run", () => {
  it("reports the clashes the file would create and writes nothing", async () => {
    const before = await getDraft(fixture.meeting.id);
    // 9:30 AM in Phoenix, Monday: into the Dotter Lecture's room and its speaker's hour.
    const { status, body } = await dryRun("title,day,start,end,room,speakers\nPortal Vein Embolization,2023-03-06,09:30,10:30,Channel 1 – Main Stage,johannes-lammer\n");
    expect(status).toBe(200);
    expect(body.stage).toBe("dry-run");
    expect(body.clashes).toEqual([
      { label: "Room double-booked", text: "Channel 1 – Main Stage is double-booked: “Dr. Charles T. Dotter Lecture” and “Portal Vein Embolization”" },
      { label: "Speaker in two places", text: "Johannes Lammer is in two places at once: “Dr. Charles T. Dotter Lecture” and “Portal Vein Embolization”" },
    ]);
    expect((await getDraft(fixture.meeting.id)).version).toBe(before.version);

    // In a room of its own at a free hour, the same session clashes with nothing.
    const fine = await dryRun("title,day,start,end,room\nPortal Vein Embolization,2023-03-06,11:00,12:00,\n");
    expect(fine.body.clashes).toEqual([]);
  });
});
