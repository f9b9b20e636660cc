// The organizers' CME pages have a navigation of their own (CmePages, "Credit
// designation", "Attendance", "Report"…): a spec that opens one checks it is
// the page it meant, by its heading and by its tab being the current one.
import { expect, type Page } from "./fixtures";

/** Opens the organizers' CME page at `path`; checks its heading and that `tab` is the current tab. */
export async function openCmeConsolePage(page: Page, path: string, { heading, tab }: { heading: string; tab: string }) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Continuing medical education" }).getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
}
