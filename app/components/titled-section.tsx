// A part of a page named by its heading: the h2's id labels the landmark, so a
// screen reader's list of regions reads the words the eye sees, and the two
// can't drift apart. Pages choose the landmark (a section, the contents' nav,
// an aside), its spacing and, where their style differs, the heading's look.
import type { ReactNode } from "react";

/** The usual look of a part's heading on the public pages and the console. */
export const sectionHeadingClass = "text-lg font-bold text-slate-900";

/** A heading with a rule under it, as some attendee pages draw their parts. */
export const ruledHeadingClass = "border-b border-slate-200 pb-2 text-lg font-bold text-slate-900";

export function TitledSection({
  id,
  title,
  as: Landmark = "section",
  className,
  headingClassName = sectionHeadingClass,
  children,
}: {
  id: string;
  title: ReactNode;
  as?: "section" | "nav" | "aside";
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <Landmark aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </Landmark>
  );
}
