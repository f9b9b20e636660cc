import { describe, expect, test } from "vitest";
import { href } from "./href";
import { isKeptPage, isPersonalCopy, meetingOfPage } from "./offline-pages";

describe("the pages kept offline", () => {
  test("are the program's pages and My schedule, built by href", () => {
    const m = "sir-2023";
    for (const path of [href.home(), href.meeting(m), href.agenda(m), href.schedule(m), href.tracks(m), href.track(m, "residents"), href.speakers(m), href.speaker(m, "jane-doe"), href.session(m, "opening"), href.changelog(m)]) {
      expect(isKeptPage(path), path).toBe(true);
    }
  });

  test("are never live, moderation or projector pages, feeds, files, the console, the account or registration", () => {
    const m = "sir-2023";
    for (const path of [href.live(m, "opening"), href.moderate(m, "opening"), href.present(m, "opening"), href.sessionCalendar(m, "opening"), href.agendaCalendar(m), href.frabJson(m), href.changelogFeed(m), href.register(m), href.registration(m), href.account(), href.logout(), "/organize/sir-2023", "/meetings/sir-2023/agenda.data", "/webhooks/stripe"]) {
      expect(isKeptPage(path), path).toBe(false);
    }
  });

  test("belong to their meeting", () => {
    expect(meetingOfPage(href.session("sir-2023", "opening"))).toBe("sir-2023");
    expect(meetingOfPage(href.meeting("sio-2024"))).toBe("sio-2024");
    expect(meetingOfPage(href.home())).toBeNull();
  });

  test("are personal unless the server marked them public", () => {
    expect(isPersonalCopy(new Response("", { headers: { "Cache-Control": "public, max-age=0, must-revalidate" } }))).toBe(false);
    expect(isPersonalCopy(new Response("", { headers: { "Cache-Control": "private, max-age=0, must-revalidate" } }))).toBe(true);
    expect(isPersonalCopy(new Response(""))).toBe(true);
  });
});
