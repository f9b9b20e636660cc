// Invented but plausible abstracts for the seeded call: per topic (a SIR track)
// the techniques and conditions its abstracts study, and sentence patterns for
// SIO's four sections, filled with numbers from the seeded PRNG. Clinical
// topics read as outcome studies; the trainee and practice topics as surveys
// and curriculum or quality reports.
import type { Random } from "./random";

/** Each technique with the conditions it is studied in, so that titles pair them sensibly. */
type Vocabulary = { studies: [string, string[]][]; outcome: string; kind: "clinical" | "education" };

const vocabulary: Record<string, Vocabulary> = {
  "interventional-oncology": {
    studies: [
      ["Microwave ablation", ["hepatocellular carcinoma", "colorectal liver metastases"]],
      ["Transarterial chemoembolization", ["hepatocellular carcinoma", "neuroendocrine liver metastases"]],
      ["Yttrium-90 radioembolization", ["intrahepatic cholangiocarcinoma", "colorectal liver metastases", "hepatocellular carcinoma"]],
      ["Cryoablation", ["small renal masses", "desmoid tumors"]],
      ["Histotripsy", ["liver tumors"]],
    ],
    outcome: "local tumor control",
    kind: "clinical",
  },
  "vascular-disease": {
    studies: [
      ["Drug-coated balloon angioplasty", ["femoropopliteal disease", "dialysis access stenosis"]],
      ["Atherectomy", ["femoropopliteal disease", "chronic limb-threatening ischemia"]],
      ["Intravascular lithotripsy", ["calcified iliac and femoral disease"]],
      ["Endovascular aneurysm repair", ["abdominal aortic aneurysm"]],
    ],
    outcome: "primary patency",
    kind: "clinical",
  },
  venous: {
    studies: [
      ["Catheter-directed thrombolysis", ["acute iliofemoral deep vein thrombosis", "intermediate-risk pulmonary embolism"]],
      ["Mechanical thrombectomy", ["acute iliofemoral deep vein thrombosis", "intermediate-risk pulmonary embolism"]],
      ["Iliac vein stenting", ["post-thrombotic syndrome", "non-thrombotic iliac vein lesions"]],
      ["Thoracic duct embolization", ["traumatic chylothorax"]],
    ],
    outcome: "clinical success",
    kind: "clinical",
  },
  "neuro-ir": {
    studies: [
      ["Vertebral augmentation", ["osteoporotic compression fractures", "painful spinal metastases"]],
      ["Epidural blood patch", ["spontaneous intracranial hypotension"]],
      ["Basivertebral nerve ablation", ["chronic vertebrogenic low back pain"]],
      ["CT-guided nerve root injection", ["lumbar radiculopathy"]],
    ],
    outcome: "pain relief of at least 50%",
    kind: "clinical",
  },
  "pediatric-ir": {
    studies: [
      ["Sclerotherapy", ["venous malformations in children", "lymphatic malformations"]],
      ["Image-guided gastrostomy", ["infants in neonatal intensive care"]],
      ["Percutaneous biliary drainage", ["pediatric liver transplant recipients"]],
      ["Tunneled central venous access", ["children with intestinal failure"]],
    ],
    outcome: "clinical success",
    kind: "clinical",
  },
  "womens-health": {
    studies: [
      ["Uterine fibroid embolization", ["symptomatic uterine fibroids", "adenomyosis"]],
      ["Genicular artery embolization", ["knee osteoarthritis pain"]],
      ["Prostatic artery embolization", ["benign prostatic hyperplasia"]],
      ["Ovarian vein embolization", ["pelvic venous disorders"]],
    ],
    outcome: "symptom improvement",
    kind: "clinical",
  },
  "portal-hypertension": {
    studies: [
      ["TIPS creation", ["refractory ascites", "acute variceal bleeding"]],
      ["Balloon-occluded retrograde transvenous obliteration", ["gastric variceal bleeding"]],
      ["Percutaneous cholecystostomy", ["acute cholecystitis in poor surgical candidates"]],
      ["Portal vein recanalization", ["chronic portal vein thrombosis"]],
    ],
    outcome: "clinical success",
    kind: "clinical",
  },
  "emergency-trauma": {
    studies: [
      ["Splenic artery embolization", ["blunt splenic injury"]],
      ["Pelvic angioembolization", ["pelvic fracture hemorrhage"]],
      ["Empiric embolization", ["lower gastrointestinal bleeding", "upper gastrointestinal bleeding"]],
      ["Uterine artery embolization", ["postpartum hemorrhage"]],
    ],
    outcome: "hemostasis without reintervention",
    kind: "clinical",
  },
  "practice-policy": {
    studies: [
      ["An IR outpatient clinic", ["an academic IR practice"]],
      ["A same-day discharge pathway", ["transradial arterial procedures"]],
      ["A structured peer-review program", ["a community IR group"]],
      ["Real-time radiation dose monitoring", ["fluoroscopically guided procedures"]],
    ],
    outcome: "the target measure",
    kind: "education",
  },
  "research-innovation": {
    studies: [
      ["Cone-beam CT navigation", ["liver tumor ablation", "prostatic artery embolization"]],
      ["Robotic needle guidance", ["percutaneous lung biopsy"]],
      ["Deep-learning segmentation", ["chemoembolization planning"]],
      ["Augmented-reality guidance", ["vertebral augmentation"]],
    ],
    outcome: "targeting accuracy within 5 mm",
    kind: "clinical",
  },
  "medical-students": {
    studies: [
      ["IR exposure in the preclinical curriculum", ["first-year medical students"]],
      ["Simulation-based IR training", ["third-year clerkship students"]],
      ["A virtual IR elective", ["applicants to integrated IR residency"]],
      ["Near-peer mentoring", ["students underrepresented in medicine"]],
    ],
    outcome: "interest in an IR career",
    kind: "education",
  },
  residents: {
    studies: [
      ["Independent IR residency training", ["integrated IR residents"]],
      ["Resident-performed ultrasound-guided access", ["ESIR trainees"]],
      ["A structured call curriculum", ["early-career IR fellows"]],
      ["Milestone-based assessment", ["IR program directors"]],
    ],
    outcome: "self-reported readiness for independent practice",
    kind: "education",
  },
};

const clinicalDesigns = ["a single-center retrospective study", "a multicenter registry analysis", "a prospective cohort study", "a randomized pilot trial", "a ten-year experience", "a propensity-matched comparison"];
const educationDesigns = ["a national survey", "a pilot curriculum evaluation", "a single-institution experience", "a quality-improvement initiative"];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percent = (part: number, whole: number) => ((100 * part) / whole).toFixed(1);

export type AbstractText = { title: string; keywords: string[]; body: Record<"purpose" | "methods" | "results" | "conclusion", string> };

/** One abstract on `topic`; `strength` (0 weak … 1 strong) shapes its figures and conclusion. */
export function inventAbstract(random: Random, topic: string, strength: number): AbstractText {
  const words = vocabulary[topic] ?? vocabulary["research-innovation"]!;
  const [technique, conditions] = random.pick(words.studies);
  const condition = random.pick(conditions);
  const design = random.pick(words.kind === "clinical" ? clinicalDesigns : educationDesigns);
  const title = `${technique} for ${condition}: ${design}`;
  const keywords = [technique.replace(/^(An?|The) /, "").toLowerCase(), condition, words.kind === "clinical" ? "outcomes" : "education"];
  const from = random.int(2012, 2018);
  const to = random.int(from + 2, 2022);
  const n = words.kind === "clinical" ? random.int(24, 420) : random.int(60, 900);
  const success = Math.min(n, Math.round(n * (0.78 + 0.2 * strength + random.next() * 0.02)));
  const months = random.pick([3, 6, 12, 24]);
  const adverse = Math.max(0, Math.round(n * (0.09 - 0.06 * strength) * random.next()));
  const p = (0.001 + (1 - strength) * 0.2 * random.next()).toFixed(3);
  if (words.kind === "education") {
    const responded = Math.round(n * (0.35 + 0.4 * random.next()));
    return {
      title,
      keywords,
      body: {
        purpose: `To measure the effect of ${technique.charAt(0).toLowerCase()}${technique.slice(1)} on ${words.outcome} among ${condition}.`,
        methods: `${capitalize(design)}. An electronic questionnaire of ${random.int(12, 30)} items was sent to ${n} ${condition} between ${from} and ${to}, before and after the intervention. Responses on 5-point Likert scales were compared with the Wilcoxon signed-rank test; free-text answers were coded by two reviewers.`,
        results: `${responded} of ${n} (${percent(responded, n)}%) responded. ${capitalize(words.outcome)} rose from ${(2 + random.next()).toFixed(1)} to ${(3 + strength + random.next() * 0.5).toFixed(1)} of 5 (p = ${p}). ${random.int(55, 92)}% rated the program as very useful; the most cited barrier was protected time.`,
        conclusion:
          strength > 0.5
            ? `${technique} improved ${words.outcome} and is feasible to run with existing faculty. Programs may adopt it with modest resources.`
            : `${technique} was well received, but its effect on ${words.outcome} was small. A larger, controlled study is needed.`,
      },
    };
  }
  return {
    title,
    keywords,
    body: {
      purpose: `To evaluate the safety and effectiveness of ${technique.charAt(0).toLowerCase()}${technique.slice(1)} for ${condition}, and to identify predictors of ${words.outcome}.`,
      methods: `${capitalize(design)}. ${n} consecutive patients treated for ${condition} between ${from} and ${to} were included. The primary outcome was ${words.outcome} at ${months} months. Adverse events were graded by the SIR classification. Predictors were assessed by multivariable logistic regression.`,
      results: `Technical success was ${percent(success, n)}% (${success}/${n}). ${capitalize(words.outcome)} was achieved in ${(62 + 30 * strength + random.next() * 5).toFixed(1)}% at ${months} months. Major adverse events occurred in ${adverse} patients (${percent(adverse, n)}%); there was no procedure-related death. ${random.pick(["Larger lesion size", "Prior treatment", "Diabetes", "Age over 70"])} predicted failure (odds ratio ${(1.5 + random.next() * 2).toFixed(2)}, p = ${p}).`,
      conclusion:
        strength > 0.5
          ? `${technique} for ${condition} was safe and effective, with durable ${words.outcome}. It should be considered early in the course of treatment.`
          : `${technique} for ${condition} was feasible, although ${words.outcome} was lower than reported in selected series. Patient selection deserves prospective study.`,
    },
  };
}

export const reviewerComments = {
  strong: ["Well-designed study with a clear, clinically relevant question.", "Large cohort and careful follow-up; the conclusions follow from the data.", "Novel approach, clearly presented."],
  middling: ["Interesting topic; the retrospective design limits the conclusions.", "Useful experience, but the follow-up is short.", "Reasonable study; consider reporting adverse events in more detail."],
  weak: ["The methods are not described well enough to judge the results.", "Small sample without a comparison group; conclusions overreach.", "The question has been answered by larger series."],
};

export const committeeNotes = ["Would pair well with the session's invited talk.", "Good candidate for a trainee award.", "Overlaps with another submission from the same group.", ""];
