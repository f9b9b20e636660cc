import { describe, expect, it } from "vitest";
import { applyAuthorIntent, parseKeywords, readAbstractForm } from "./submission";

const row = (name: string) => ({ name, institution: "X", city: "", country: "", email: "" });

describe("the abstract form", () => {
  it("reads the posted fields, sections by the call's keys, CRLF as LF, author rows in order", () => {
    const data = new FormData();
    data.set("revision", "4");
    data.set("title", "  A title ");
    data.set("body.purpose", "Line one\r\nline two");
    data.set("body.other", "ignored");
    data.set("authors[0].name", "Ada");
    data.set("authors[0].institution", "Mayo");
    data.set("authors[1].name", "Ben");
    data.set("presenting", "1");
    const parsed = readAbstractForm(data, ["purpose", "results"]);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ revision: 4, title: "A title", body: { purpose: "Line one\nline two", results: "" }, presenting: 1, preference: "EITHER", traineeLevel: "NONE" });
    expect(parsed.data?.authors.map((a) => a.name)).toEqual(["Ada", "Ben"]);
  });

  it("refuses an author e-mail that is not one", () => {
    const data = new FormData();
    data.set("revision", "1");
    data.set("authors[0].name", "Ada");
    data.set("authors[0].email", "not-mail");
    expect(readAbstractForm(data, []).success).toBe(false);
  });

  it("adds, removes and moves authors, the presenting mark following its author", () => {
    const authors = [row("A"), row("B"), row("C")];
    expect(applyAuthorIntent("author-add", authors, 0)?.authors).toHaveLength(4);
    expect(applyAuthorIntent("author-up:1", authors, 1)).toEqual({ authors: [row("B"), row("A"), row("C")], presenting: 0 });
    expect(applyAuthorIntent("author-down:0", authors, 1)).toEqual({ authors: [row("B"), row("A"), row("C")], presenting: 0 });
    expect(applyAuthorIntent("author-up:0", authors, 0)).toEqual({ authors, presenting: 0 });
    expect(applyAuthorIntent("author-remove:0", authors, 2)).toEqual({ authors: [row("B"), row("C")], presenting: 1 });
    expect(applyAuthorIntent("author-remove:2", authors, 2)?.presenting).toBe(-1);
    expect(applyAuthorIntent("save", authors, 0)).toBeNull();
  });

  it("splits keywords by commas, semicolons or lines, once each", () => {
    expect(parseKeywords("TACE, embolization;\nTACE ,  ")).toEqual(["TACE", "embolization"]);
  });
});
