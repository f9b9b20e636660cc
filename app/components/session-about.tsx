// "About this session": the session's description as its organizers wrote it
// (their line breaks kept), on the session's page and, compact, beside the
// live Q&A.
import { TitledSection } from "~/components/titled-section";

export function SessionAbout({ description, compact = false }: { description: string; compact?: boolean }) {
  return (
    <TitledSection id="about" title="About this session" className={compact ? undefined : "mt-8"} headingClassName={`${compact ? "text-base" : "text-lg"} font-bold text-slate-900`}>
      <p className={`${compact ? "mt-1" : "mt-2"} max-w-prose leading-relaxed whitespace-pre-line text-slate-800`}>{description}</p>
    </TitledSection>
  );
}
