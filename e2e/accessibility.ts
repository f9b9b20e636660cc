import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/** Fails the test with axe's own report when the page has any WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}
