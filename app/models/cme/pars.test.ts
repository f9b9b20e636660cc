import { describe, expect, it } from "vitest";
import { PARS_COLUMNS, parsDate, parsFile, reportedToPars, type ParsLearner } from "./pars";

const learner: ParsLearner = {
  firstName: "Ana",
  lastName: "García",
  birthMonth: 3,
  birthDay: 9,
  npi: "1234567893",
  licenseState: "CA",
  licenseNumber: "A123456",
  certifyingBoard: "ABR",
  boardId: "98765",
  completedOn: "2023-03-07",
  totalQuarters: 13,
};

describe("the PARS learner-completion file", () => {
  it("has the fields ACCME asks for, in one fixed order", () => {
    expect(PARS_COLUMNS.map((column) => column.name)).toEqual([
      "Provider ID",
      "Activity ID",
      "First name",
      "Last name",
      "Month of birth",
      "Day of birth",
      "NPI",
      "Licensing state",
      "State medical license ID",
      "Certifying board",
      "Board ID",
      "Completion date",
      "AMA PRA Category 1 Credits™",
    ]);
  });

  it("writes one tab-delimited line per learner, without a header, dates as MM/DD/YYYY and credits in 0.25 steps", () => {
    const file = parsFile([learner, { ...learner, firstName: "Ben", lastName: "Okafor", npi: null, certifyingBoard: null, boardId: null, totalQuarters: 4 }], { providerId: "0001234", activityId: "SIR23-ASM" });
    const lines = file.split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines[0]!.split("\t")).toEqual(["0001234", "SIR23-ASM", "Ana", "García", "3", "9", "1234567893", "CA", "A123456", "ABR", "98765", "03/07/2023", "3.25"]);
    // A value not given is an empty cell: the line keeps every column.
    expect(lines[1]!.split("\t")).toEqual(["0001234", "SIR23-ASM", "Ben", "Okafor", "3", "9", "", "CA", "A123456", "", "", "03/07/2023", "1.00"]);
  });

  it("leaves the activity's IDs empty when they are not set, and keeps tabs and line breaks in a value from shifting the columns", () => {
    const [line] = parsFile([{ ...learner, lastName: "Smith\tJones\r\n" }], { providerId: null, activityId: null }).split("\r\n");
    const cells = line!.split("\t");
    expect(cells).toHaveLength(PARS_COLUMNS.length);
    expect(cells.slice(0, 4)).toEqual(["", "", "Ana", "Smith Jones"]);
  });

  it("reports only physicians claiming AMA PRA credit who consented", () => {
    expect(reportedToPars({ creditType: "AMA_PRA", parsConsent: true })).toBe(true);
    expect(reportedToPars({ creditType: "AMA_PRA", parsConsent: false })).toBe(false);
    expect(reportedToPars({ creditType: "PARTICIPATION", parsConsent: true })).toBe(false);
    expect(parsDate("2024-12-01")).toBe("12/01/2024");
  });
});
