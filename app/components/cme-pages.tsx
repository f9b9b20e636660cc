// The CME area of the console has several pages (the designation, faculty
// disclosures, attendance, evaluations, self-assessment, the report); this row of links sits at the top of each, so
// an organizer moves between them without the sidebar.
import { SectionNav } from "./section-nav";
import { href, type Slug } from "~/utils/href";

export function CmePages({ meeting }: { meeting: Slug }) {
  return (
    <SectionNav
      label="Continuing medical education"
      shape="tabs"
      className="mb-6"
      items={[
        { to: href.organize.cme(meeting), label: "Credit designation", end: true },
        { to: href.organize.disclosures(meeting), label: "Disclosures" },
        { to: href.organize.attendance(meeting), label: "Attendance" },
        { to: href.organize.evaluations(meeting), label: "Evaluations" },
        { to: href.organize.selfAssessment(meeting), label: "Self-assessment" },
        { to: href.organize.cmeReport(meeting), label: "Report" },
      ]}
    />
  );
}
