// schedule.xml and schedule.json as served for the seeded meetings, whole
// programs with every kind of session, judged by C3VOC's schemas: a change that
// breaks what conference apps and recording tools read fails here first.
import { describe, expect, it } from "vitest";
import { scheduleJsonProblems, scheduleXmlProblems } from "../../tests/frab-schemas";
import { frabScheduleResponse } from "./frab-response.server";

describe("the served frab schedule", () => {
  for (const meeting of ["sir-2023", "sio-2023"]) {
    it(`of ${meeting} passes voc's schedule.xml.xsd and schedule.json schema`, async () => {
      const xml = await frabScheduleResponse(new Request(`http://localhost/meetings/${meeting}/schedule.xml`), meeting, "xml");
      expect(xml.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
      const xmlText = await xml.text();
      expect(xmlText.match(/<event /g)?.length).toBeGreaterThan(20);
      expect(scheduleXmlProblems(xmlText)).toEqual([]);

      const json = await frabScheduleResponse(new Request(`http://localhost/meetings/${meeting}/schedule.json`), meeting, "json");
      expect(json.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(scheduleJsonProblems(await json.json())).toEqual([]);
    });
  }
});
