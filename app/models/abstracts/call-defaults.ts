// What a new call starts with: SIO's structured abstract (Purpose, Materials
// and Methods, Results, Conclusion; 4,000 characters in all) and a four-part
// rubric weighted toward method, the usual shape of a radiology society's
// scoring sheet. Organizers change both on the call's settings page.
export const STRUCTURED_SECTIONS = [
  { key: "purpose", title: "Purpose", guidance: "The question the study asks and why it matters.", limit: 800 },
  { key: "methods", title: "Materials and Methods", guidance: "Design, patients or devices, procedures and analysis.", limit: 1400 },
  { key: "results", title: "Results", guidance: "The findings, with numbers.", limit: 1200 },
  { key: "conclusion", title: "Conclusion", guidance: "What the results mean for practice.", limit: 600 },
] as const;

export const TOTAL_CHARACTER_LIMIT = 4000;

export const DEFAULT_CRITERIA = [
  { key: "originality", name: "Originality", description: "New question, technique or result.", weight: 25 },
  { key: "methods", name: "Scientific method", description: "Design, sample and analysis fit the question.", weight: 30 },
  { key: "results", name: "Results and conclusions", description: "Conclusions follow from the results shown.", weight: 25 },
  { key: "relevance", name: "Relevance to practice", description: "Matters to interventional radiologists and their patients.", weight: 20 },
] as const;

export const DEFAULT_MAX_SCORE = 5;
