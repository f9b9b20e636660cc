// SA-CME self-assessment questions for SIR 2023's sessions flagged SA-CME (see
// cme.ts): four questions each, on the trials and techniques those plenaries
// discuss, with the explanation a learner reads after answering. Ids are
// fixed and existing rows are left as they are, so a second seed changes
// nothing and an organizer's edits survive it. No attempts are seeded.
import type { Prisma } from "../../app/generated/prisma/client";
import type { SelfAssessmentDraft } from "../../app/models/cme/self-assessment";

type Tx = Prisma.TransactionClient;

const MEETING = "sir-2023";

/** By session title, as cme.ts flags them. */
export const SELF_ASSESSMENT_SEED: Record<string, SelfAssessmentDraft[]> = {
  "Plenary: Late-Breaking Clinical Trials": [
    {
      prompt: "In the PEITHO trial of intermediate-risk pulmonary embolism, what did full-dose systemic tenecteplase do compared with placebo (both with heparin)?",
      options: [
        "Reduced death or hemodynamic decompensation at 7 days, with more major bleeding and hemorrhagic stroke",
        "Reduced 7-day mortality alone, with no increase in bleeding",
        "Made no difference to hemodynamic decompensation",
        "Halved chronic thromboembolic pulmonary hypertension at two years",
      ],
      correctOption: 0,
      explanation:
        "Death or hemodynamic decompensation within 7 days fell from 5.6% to 2.6%, but major extracranial bleeding rose from 1.2% to 6.3% and stroke, mostly hemorrhagic, from 0.2% to 2.4%. That trade-off is why lower-dose, catheter-directed approaches are being tested in intermediate-high-risk patients.",
    },
    {
      prompt: "In the ATTRACT trial of acute proximal deep vein thrombosis, what did pharmacomechanical catheter-directed thrombolysis added to anticoagulation do?",
      options: [
        "Prevented post-thrombotic syndrome in most patients at 24 months",
        "Did not lower the overall rate of post-thrombotic syndrome at 24 months, reduced its severity, and caused more major bleeding",
        "Lowered recurrent venous thromboembolism but not post-thrombotic syndrome",
        "Was stopped early for harm",
      ],
      correctOption: 1,
      explanation:
        "Post-thrombotic syndrome occurred in 47% with thrombolysis and 48% without; moderate-to-severe syndrome was less frequent (18% vs 24%), and major bleeding within 10 days was more frequent (1.7% vs 0.3%). Patient selection, such as iliofemoral thrombus, matters.",
    },
    {
      prompt: "In BEST-CLI, among patients with chronic limb-threatening ischemia and an adequate single-segment great saphenous vein, which strategy had fewer major adverse limb events or deaths?",
      options: ["Endovascular revascularization first", "Surgical bypass with the saphenous vein", "Neither: the outcomes were the same", "Primary amputation"],
      correctOption: 1,
      explanation:
        "In the cohort with an adequate saphenous vein, major adverse limb events or death occurred in 42.6% after bypass and 57.4% after endovascular treatment (hazard ratio 0.68). Without a usable vein, the two strategies did not differ.",
    },
    {
      prompt: "In the FEMME trial comparing myomectomy with uterine artery embolization for symptomatic fibroids, what did the primary outcome show at two years?",
      options: [
        "Embolization gave a clearly better quality of life",
        "Myomectomy gave a modestly better fibroid-related quality of life",
        "Quality of life was identical, but embolization had more complications",
        "Myomectomy had fewer pregnancies",
      ],
      correctOption: 1,
      explanation:
        "The UFS-QOL score was about 8 points higher after myomectomy at two years. Both improved quality of life greatly; embolization is less invasive with a shorter stay, and the choice should follow an informed discussion of the trade-offs.",
    },
  ],
  "Plenary: Best Scientific Abstracts": [
    {
      prompt: "Before yttrium-90 radioembolization, why is a technetium-99m macroaggregated albumin (MAA) scan performed?",
      options: [
        "To measure the tumor's arterial enhancement",
        "To estimate the lung shunt fraction and find extrahepatic deposition",
        "To measure liver function before treatment",
        "To choose between glass and resin microspheres",
      ],
      correctOption: 1,
      explanation:
        "MAA particles lodge much as microspheres will. The lung shunt fraction sets the lung dose, which must stay within limits to avoid radiation pneumonitis, and uptake in the stomach or bowel warns of non-target delivery, to be corrected (for example by coil embolization) before treatment.",
    },
    {
      prompt: "In the LEGACY study of glass-microsphere radioembolization for a solitary hepatocellular carcinoma of 8 cm or less, what did investigators find?",
      options: [
        "An objective response rate of about 88%, most responses lasting six months or more",
        "An objective response rate under 30%",
        "No tumor responded without added chemotherapy",
        "Most patients needed a second treatment within a month",
      ],
      correctOption: 0,
      explanation:
        "The best objective response rate was 88.3%, with 62.2% of patients responding for six months or more and high three-year overall survival. These results supported the FDA approval of glass microspheres for unresectable hepatocellular carcinoma.",
    },
    {
      prompt: "Under the 2022 BCLC staging, which patient is the typical candidate for transarterial chemoembolization (TACE)?",
      options: [
        "A single 1.5 cm tumor in a patient fit for ablation",
        "Multinodular disease, preserved liver function, performance status 0, no vascular invasion or extrahepatic spread",
        "Portal vein invasion with performance status 2",
        "Child-Pugh C cirrhosis with ascites",
      ],
      correctOption: 1,
      explanation:
        "TACE is the standard for intermediate stage (BCLC-B): multinodular tumors with preserved liver function and no cancer-related symptoms, vascular invasion or extrahepatic spread. Very early and early disease is treated with ablation, resection or transplant; advanced disease with systemic therapy.",
    },
    {
      prompt: "In bronchial artery embolization for hemoptysis, which vessel must be looked for on angiography before embolizing to avoid spinal cord ischemia?",
      options: [
        "The internal mammary artery",
        "An anterior radiculomedullary (spinal) artery arising from a bronchial or intercostal trunk",
        "The inferior phrenic artery",
        "The pulmonary artery",
      ],
      correctOption: 1,
      explanation:
        "A radiculomedullary branch feeding the anterior spinal artery, recognized by its hairpin course, can arise from a right intercostobronchial trunk. Embolizing through it risks transverse myelitis; the catheter must be advanced beyond it or the vessel left untreated.",
    },
  ],
};

/** The questions of SIR 2023's SA-CME sessions; nothing happens for a meeting or session the database lacks. */
export async function syncSelfAssessmentQuestions(tx: Tx): Promise<void> {
  const sessions = await tx.session.findMany({ where: { meeting: { slug: MEETING }, saCme: true, title: { in: Object.keys(SELF_ASSESSMENT_SEED) } }, select: { id: true, slug: true, title: true } });
  for (const session of sessions) {
    for (const [position, question] of SELF_ASSESSMENT_SEED[session.title]!.entries()) {
      const id = `seed-sa-${session.slug}-${position}`;
      await tx.selfAssessmentQuestion.upsert({ where: { id }, create: { id, sessionId: session.id, position, ...question }, update: {}, select: { id: true } });
    }
  }
}
