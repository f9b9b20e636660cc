// How much of the site's frame a page wants, told through its route handle
// (`export const handle: FrameHandle = { frame: "none" }`): the whole frame;
// on phones, a compact one that leaves the first screen to the page (the live
// session: its questions must show without scrolling); or none at all (the
// projector view, which fills the screen and must have nothing focusable
// behind it). The deepest route that says wins.
import { useMatches } from "@remix-run/react";

export type PageFrame = "full" | "compact" | "none";

export type FrameHandle = { frame?: PageFrame };

export function usePageFrame(): PageFrame {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const frame = (matches[i]?.handle as FrameHandle | undefined)?.frame;
    if (frame) return frame;
  }
  return "full";
}
