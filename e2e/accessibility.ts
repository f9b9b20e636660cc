import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/** Fails the test with axe's own report when the page has any WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

/**
 * Fails when a visible text box, select or text area has a border under 3:1
 * against what is behind it (WCAG 2.2 SC 1.4.11, non-text contrast): the
 * border is what shows where to type. Colours are read through a canvas, which
 * turns any CSS colour (Tailwind's oklch included) into sRGB.
 */
export async function expectControlBordersContrast(page: Page) {
  const weak = await page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (color: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      return [...canvas.getImageData(0, 0, 1, 1).data];
    };
    const linear = (v = 0) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]: number[]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    const backgroundOf = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3] === 255) return color;
      }
      return [255, 255, 255, 255];
    };
    const controls = document.querySelectorAll("input:not([type=hidden],[type=checkbox],[type=radio],[type=file],[type=color],[type=submit]), select, textarea");
    return [...controls]
      .filter((control) => (control as HTMLElement).offsetParent !== null)
      .map((control) => {
        const border = luminance(rgba(getComputedStyle(control).borderTopColor));
        const behind = luminance(backgroundOf(control.parentElement));
        const ratio = (Math.max(border, behind) + 0.05) / (Math.min(border, behind) + 0.05);
        return { control: control.id || control.getAttribute("name") || control.tagName, ratio: Math.round(ratio * 100) / 100 };
      })
      .filter(({ ratio }) => ratio < 3);
  });
  expect(weak).toEqual([]);
}
