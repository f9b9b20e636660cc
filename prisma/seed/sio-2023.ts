// The SIO 2023 Annual Scientific Meeting of the Society of Interventional Oncology
// (shared/seeds/004): in person at the Hilton Chicago, Thursday 26 to Monday 30
// January 2023. Chicago observes DST (CST in January), unlike SIR's Phoenix. Every
// educational session carries one of SIO's learning levels, 100 to 300.
import { RoomKind, SessionKind, TrackAudience } from "../../app/generated/prisma/enums";
import { createRandom } from "./random";
import { buildMeeting, type PlacedEntry, type RoomGroup, type RoomSeed, type SessionEntry, type Slot, type TrackSeed } from "./schedule";
import { generateSpeakers, honourees, type PersonSeed } from "./speakers";

const { ABSTRACT_SESSION, PLENARY, SOCIAL, WEBINAR, WORKSHOP } = SessionKind;

const track = (slug: string, name: string, colour: string, description: string): TrackSeed => ({ slug, name, colour, description, audience: TrackAudience.EVERYONE });
const tracks: TrackSeed[] = [
  track("liver", "Liver Tumors", "#b45309", "Hepatocellular carcinoma, cholangiocarcinoma and liver metastases: ablation, TACE and radioembolization."),
  track("lung-thoracic", "Lung & Thoracic", "#0369a1", "Ablation, biopsy and palliation in the chest."),
  track("renal-gu", "Renal & Genitourinary", "#a21caf", "Kidney, adrenal and prostate tumors."),
  track("msk-spine", "Musculoskeletal & Spine", "#15803d", "Bone and soft-tissue tumors, spine metastases and cancer pain."),
  track("immuno-oncology", "Immuno-oncology & Combinations", "#be123c", "Locoregional therapy combined with systemic and immune therapy."),
  track("technology-imaging", "Technology & Imaging", "#4338ca", "Guidance, navigation, response assessment and the software behind them."),
  track("clinical-trials", "Clinical Trials (ACCLAIM)", "#0f766e", "SIO's ACCLAIM trial and the design, conduct and reporting of IO research."),
  track("practice-building", "Practice Building", "#334155", "Clinics, referrals, coding and the business of interventional oncology."),
  track("emerging-indications", "Breast, Pancreas & Emerging Indications", "#7e22ce", "New organ sites and new energies for interventional oncology."),
  track("fundamentals", "Fundamentals of IO", "#c2410c", "Level 100 foundations for trainees, advanced practice providers and those new to IO."),
];

const GRAND = "Grand Ballroom";
const INTERNATIONAL = "International Ballroom";
const LAB = "Boulevard Room – Hands-on Lab";
const rooms: RoomSeed[] = [
  { name: GRAND, kind: RoomKind.ROOM, capacity: 1200 },
  { name: INTERNATIONAL, kind: RoomKind.ROOM, capacity: 800 },
  { name: "Continental Ballroom A", kind: RoomKind.ROOM, capacity: 300 },
  { name: "Continental Ballroom B", kind: RoomKind.ROOM, capacity: 300 },
  { name: "Williford A", kind: RoomKind.ROOM, capacity: 150 },
  { name: "Williford B", kind: RoomKind.ROOM, capacity: 150 },
  { name: "Williford C", kind: RoomKind.ROOM, capacity: 150 },
  { name: LAB, kind: RoomKind.ROOM, capacity: 40 },
];

const day: Slot[] = [["08:00", "09:30"], ["10:00", "11:30"], ["12:00", "13:00"], ["13:30", "15:00"], ["15:30", "17:00"]];
// Thursday to Sunday full days; Monday ends at lunch.
const slots = [day, day, day, day, day.slice(0, 3)];

const s = (title: string, topic: string, extra: Partial<SessionEntry> = {}): SessionEntry => ({ title, topic, ...extra });

const program: Record<string, SessionEntry[]> = {
  liver: [
    s("BCLC 2022: What Changed for Interventional Oncology", "the 2022 Barcelona Clinic Liver Cancer staging update", { level: 100 }),
    s("Radiation Segmentectomy: Who, When and How Much", "radiation segmentectomy for early-stage hepatocellular carcinoma", { level: 300 }),
    s("Personalized Dosimetry for Y-90 Radioembolization", "personalized dosimetry for yttrium-90", { level: 300 }),
    s("Conventional TACE vs. Drug-Eluting Beads", "conventional and drug-eluting bead chemoembolization", { level: 200 }),
    s("Microwave vs. Radiofrequency Ablation for HCC", "thermal ablation modalities for hepatocellular carcinoma", { level: 200 }),
    s("Ablation of Colorectal Liver Metastases: The COLLISION Era", "ablation versus resection for colorectal liver metastases", { level: 300 }),
    s("Downstaging to Liver Transplant", "locoregional therapy to downstage to transplant", { level: 200 }),
    s("Portal Vein Tumor Thrombus", "treating hepatocellular carcinoma with portal vein invasion", { level: 300 }),
    s("Intrahepatic Cholangiocarcinoma", "locoregional therapy for intrahepatic cholangiocarcinoma", { level: 200 }),
    s("Hepatic Artery Infusion Pumps", "hepatic arterial infusion chemotherapy", { level: 200 }),
    s("Complications of Liver-Directed Therapy", "recognizing and managing complications of liver-directed therapy", { level: 100 }),
    s("Abstract Session: Liver I", "liver tumors", { kind: ABSTRACT_SESSION, level: 200 }),
    s("Abstract Session: Liver II", "liver tumors", { kind: ABSTRACT_SESSION, level: 300 }),
    s("Hands-on: Y-90 Dosimetry Software", "radioembolization dosimetry software", { kind: WORKSHOP, level: 300, capacity: 30 }),
    s("Hands-on: TACE Microcatheter Skills", "microcatheter navigation for chemoembolization", { kind: WORKSHOP, level: 200, capacity: 24 }),
    s("Liver Venous Deprivation and Portal Vein Embolization", "preparing the future liver remnant", { level: 300 }),
    s("Neuroendocrine Liver Metastases", "liver-directed therapy for neuroendocrine tumors", { level: 200 }),
    s("Debate: Ablation or Resection for Small HCC?", "ablation versus resection for small hepatocellular carcinoma", { level: 300 }),
  ],
  "lung-thoracic": [
    s("Lung Ablation: Getting Started", "percutaneous lung ablation", { level: 100 }),
    s("Microwave vs. Cryoablation in the Lung", "choosing an ablation modality in the lung", { level: 200 }),
    s("Oligometastatic Lung Disease: Ablate, Radiate or Resect?", "local therapy for pulmonary oligometastases", { level: 300 }),
    s("Ablation vs. SBRT for Stage I Non-Small Cell Lung Cancer", "ablation and stereotactic radiotherapy for early lung cancer", { level: 300 }),
    s("Navigational Bronchoscopy vs. CT-Guided Lung Biopsy", "approaches to the pulmonary nodule", { level: 200 }),
    s("Lung Biopsy for Molecular Profiling", "adequate tissue for next-generation sequencing", { level: 200 }),
    s("Pneumothorax and Hemorrhage After Lung Procedures", "complications of lung biopsy and ablation", { level: 100 }),
    s("Malignant Pleural Effusion: Tunneled Pleural Catheters", "tunneled pleural catheters", { level: 100 }),
    s("Bronchial Artery Embolization for Malignant Hemoptysis", "bronchial artery embolization in cancer", { level: 200 }),
    s("SVC Syndrome: Stenting in Malignancy", "superior vena cava stenting", { level: 200 }),
    s("Abstract Session: Thoracic Oncology", "thoracic interventional oncology", { kind: ABSTRACT_SESSION, level: 300 }),
    s("Hands-on: CT-Guided Lung Biopsy Simulation", "CT-guided lung biopsy", { kind: WORKSHOP, level: 100, capacity: 30 }),
    s("Thymic and Mediastinal Tumors", "image-guided therapy of mediastinal tumors", { level: 300 }),
    s("Lung Tumor Board: Case-Based Review", "multidisciplinary decisions in thoracic oncology", { level: 200 }),
  ],
  "renal-gu": [
    s("Renal Cryoablation for T1a Tumors", "cryoablation of small renal masses", { level: 100 }),
    s("Ablation of T1b Renal Tumors", "ablation of larger renal tumors", { level: 300 }),
    s("Renal Mass Biopsy: Why and When", "renal mass biopsy", { level: 100 }),
    s("Ablation vs. Partial Nephrectomy", "comparing ablation and partial nephrectomy", { level: 200 }),
    s("Adrenal Tumor Ablation", "ablation of adrenal metastases and adenomas", { level: 300 }),
    s("Angiomyolipoma Embolization", "embolization of renal angiomyolipoma", { level: 200 }),
    s("Focal Therapy for Prostate Cancer", "focal ablation of prostate cancer", { level: 300 }),
    s("Malignant Ureteral Obstruction: Nephrostomy and Stents", "urinary diversion in malignancy", { level: 100 }),
    s("Hydrodissection and Thermal Protection in the Retroperitoneum", "protecting the bowel and ureter during renal ablation", { level: 200 }),
    s("Abstract Session: Genitourinary Oncology", "genitourinary interventional oncology", { kind: ABSTRACT_SESSION, level: 200 }),
    s("Hands-on: Cryoablation Probe Placement", "cryoablation probe placement", { kind: WORKSHOP, level: 200, capacity: 28 }),
    s("Renal Ablation in the Solitary Kidney", "nephron-sparing ablation in a solitary kidney", { level: 300 }),
    s("Hereditary Renal Cancer Syndromes", "repeat ablation in von Hippel-Lindau and other syndromes", { level: 200 }),
    s("Image-Guided Treatment of Pelvic Recurrence", "ablation of recurrent pelvic tumors", { level: 300 }),
  ],
  "msk-spine": [
    s("Spinal Metastases: Ablation and Stabilization", "ablation and vertebral augmentation of spinal metastases", { level: 300 }),
    s("Vertebral Augmentation in Multiple Myeloma", "vertebral augmentation in myeloma", { level: 200 }),
    s("Palliation of Painful Bone Metastases", "palliative bone ablation", { level: 100 }),
    s("Cryoablation of Desmoid Tumors", "cryoablation of desmoid tumors", { level: 300 }),
    s("Osteoid Osteoma and Benign Bone Tumors", "ablation of benign bone tumors", { level: 100 }),
    s("Pelvic and Acetabular Cementoplasty", "cementoplasty of the pelvis", { level: 300 }),
    s("Soft-Tissue Sarcoma: The IO Role", "interventional oncology in soft-tissue sarcoma", { level: 200 }),
    s("Celiac Plexus Neurolysis and Cancer Pain", "celiac plexus neurolysis", { level: 200 }),
    s("Thermal Protection Techniques Near Nerves", "protecting nerves and skin during ablation", { level: 200 }),
    s("Abstract Session: Musculoskeletal Oncology", "musculoskeletal interventional oncology", { kind: ABSTRACT_SESSION, level: 200 }),
    s("Hands-on: Bone Biopsy and Cementoplasty", "bone biopsy and cement augmentation", { kind: WORKSHOP, level: 200, capacity: 24 }),
    s("Cryoneurolysis for Cancer Pain", "percutaneous cryoneurolysis", { level: 300 }),
    s("Sacroplasty for Metastatic and Insufficiency Fractures", "sacroplasty", { level: 200 }),
    s("Debate: Radiation or Ablation for Painful Bone Metastases?", "radiotherapy versus ablation for bone pain", { level: 200 }),
    s("Hands-on: Celiac Plexus Neurolysis", "celiac plexus neurolysis", { kind: WORKSHOP, level: 300, capacity: 24 }),
  ],
  "immuno-oncology": [
    s("Tumor Immunology for the Interventional Oncologist", "the immune response to cancer", { level: 100 }),
    s("Ablation as an In Situ Vaccine", "immune effects of ablation", { level: 300 }),
    s("Y-90 Plus Checkpoint Inhibitors", "radioembolization combined with immunotherapy", { level: 300 }),
    s("TACE With Atezolizumab and Bevacizumab", "chemoembolization with systemic therapy for HCC", { level: 200 }),
    s("Intratumoral Injection of Immunotherapy", "image-guided intratumoral drug delivery", { level: 300 }),
    s("Biomarkers of Response to Combination Therapy", "biomarkers for locoregional-systemic combinations", { level: 300 }),
    s("The Abscopal Effect: Myth or Mechanism?", "systemic responses after local therapy", { level: 200 }),
    s("Working With Medical Oncologists on Combination Trials", "collaboration with medical oncology", { level: 100 }),
    s("Immune-Related Adverse Events for Interventionalists", "immune-related adverse events", { level: 100 }),
    s("Abstract Session: Immuno-oncology", "immuno-oncology and combinations", { kind: ABSTRACT_SESSION, level: 300 }),
    s("Webinar: Reading Immunotherapy Trials", "immunotherapy trial endpoints", { kind: WEBINAR, level: 200 }),
    s("Cellular Therapies and the Interventionalist", "image-guided delivery of cellular therapies", { level: 300 }),
    s("Imaging Pseudoprogression After Combination Therapy", "pseudoprogression and response criteria", { level: 200 }),
  ],
  "technology-imaging": [
    s("Cone-Beam CT for Liver-Directed Therapy", "cone-beam CT guidance", { level: 200 }),
    s("Fusion Imaging and Ultrasound Navigation", "fusion imaging for ablation", { level: 200 }),
    s("Ablation Margin Confirmation Software", "three-dimensional margin assessment", { level: 300 }),
    s("Robotic Needle Guidance", "robotic needle placement", { level: 300 }),
    s("Artificial Intelligence for Treatment Response", "AI-based response assessment", { level: 300 }),
    s("LI-RADS Treatment Response for the Interventionalist", "LI-RADS treatment response", { level: 100 }),
    s("PET/CT After Ablation and Radioembolization", "PET/CT follow-up", { level: 200 }),
    s("Contrast-Enhanced Ultrasound in IO", "contrast-enhanced ultrasound", { level: 100 }),
    s("Radiation Safety in the IO Suite", "radiation protection for patients and staff", { level: 100 }),
    s("Abstract Session: Technology and Imaging", "technology and imaging", { kind: ABSTRACT_SESSION, level: 200 }),
    s("Hands-on: Fusion Imaging and Navigation", "fusion imaging and navigation systems", { kind: WORKSHOP, level: 200, capacity: 32 }),
    s("Hands-on: Robotic Needle Guidance", "robotic needle guidance", { kind: WORKSHOP, level: 300, capacity: 24 }),
    s("Augmented Reality in the Procedure Room", "augmented reality guidance", { level: 300 }),
    s("Dual-Energy CT in Interventional Oncology", "dual-energy CT", { level: 200 }),
    s("Building a 3D Planning Workflow", "three-dimensional procedure planning", { level: 200 }),
    s("Hands-on: Cone-Beam CT Navigation", "cone-beam CT navigation", { kind: WORKSHOP, level: 200, capacity: 30 }),
  ],
  "clinical-trials": [
    s("ACCLAIM: Enrollment and Early Lessons", "SIO's first international clinical trial", { level: 200 }),
    s("Designing Interventional Oncology Trials", "trial design for locoregional therapy", { level: 200 }),
    s("Endpoints That Matter: Response, Progression and Survival", "choosing trial endpoints", { level: 300 }),
    s("Writing a Protocol Your IRB Will Approve", "protocol writing", { level: 100 }),
    s("Real-World Evidence and Registries", "registries and real-world data", { level: 200 }),
    s("Statistics for IO Trials", "statistical methods for IO research", { level: 300 }),
    s("Diversity in Clinical Trial Enrollment", "equitable trial enrollment", { level: 100 }),
    s("Lessons From Negative Trials", "what negative trials teach", { level: 300 }),
    s("Industry Partnerships in IO Research", "working with industry on research", { level: 200 }),
    s("Abstract Session: Clinical Trials in Progress", "trials in progress", { kind: ABSTRACT_SESSION, level: 200 }),
    s("Webinar: Grant Writing for Interventional Oncologists", "research grant writing", { kind: WEBINAR, level: 100 }),
    s("Publishing Interventional Oncology Research", "writing and publishing IO research", { level: 100 }),
    s("Patient-Reported Outcomes in IO Trials", "patient-reported outcomes", { level: 200 }),
  ],
  "practice-building": [
    s("Building an IO Clinic", "outpatient interventional oncology clinic", { level: 100 }),
    s("Joining the Tumor Board", "earning a seat at the multidisciplinary tumor board", { level: 100 }),
    s("Coding and Reimbursement for IO Procedures", "IO coding and reimbursement", { level: 200 }),
    s("Prior Authorization for Radioembolization", "prior authorization", { level: 200 }),
    s("Advanced Practice Providers in IO", "advanced practice providers", { level: 100 }),
    s("Practice Models: Academic, Private and Hybrid", "interventional oncology practice models", { level: 200 }),
    s("Patient Navigation and the Cancer Center", "patient navigation", { level: 100 }),
    s("Marketing IO to Referring Oncologists", "referral relationships", { level: 200 }),
    s("Global Interventional Oncology", "IO practice around the world", { level: 200, preferCountries: ["India", "Brazil", "Argentina", "Korea"] }),
    s("Leadership in Interventional Oncology", "leading IO programs", { level: 300 }),
    s("Early Career: Your First IO Job", "starting an IO career", { level: 100 }),
    s("Outpatient Ablation Centers", "outpatient and office-based IO", { level: 200 }),
    s("Measuring Quality in Interventional Oncology", "quality metrics for IO programs", { level: 200 }),
  ],
  "emerging-indications": [
    s("Breast Cancer Cryoablation", "cryoablation of early breast cancer", { level: 300 }),
    s("Irreversible Electroporation for Pancreatic Cancer", "irreversible electroporation", { level: 300 }),
    s("Thyroid Nodule Radiofrequency Ablation", "thyroid radiofrequency ablation", { level: 200 }),
    s("Histotripsy: A New Non-Thermal Energy", "histotripsy", { level: 300 }),
    s("Pancreatic Neuroendocrine Tumors", "ablation of pancreatic neuroendocrine tumors", { level: 300 }),
    s("Head and Neck Tumors", "IO in head and neck cancer", { level: 200 }),
    s("Pediatric Interventional Oncology", "interventional oncology in children", { level: 200 }),
    s("Malignant Bowel and Biliary Obstruction", "palliative stenting in malignancy", { level: 100 }),
    s("Palliative Care and IO", "palliative interventions", { level: 100 }),
    s("Abstract Session: Emerging Indications", "emerging indications", { kind: ABSTRACT_SESSION, level: 300 }),
    s("Webinar: Histotripsy Programs", "starting a histotripsy program", { kind: WEBINAR, level: 200, cancelled: true }),
    s("Gastric and Esophageal Tumor Interventions", "interventions for upper gastrointestinal cancer", { level: 200 }),
    s("Ovarian and Peritoneal Disease", "image-guided therapy of peritoneal disease", { level: 300 }),
    s("Cryoablation of Breast Fibroadenomas", "cryoablation of benign breast tumors", { level: 200 }),
    s("Hands-on: Irreversible Electroporation Planning", "irreversible electroporation probe planning", { kind: WORKSHOP, level: 300, capacity: 24 }),
    s("Hands-on: Breast Cryoablation", "ultrasound-guided breast cryoablation", { kind: WORKSHOP, level: 300, capacity: 24 }),
  ],
  fundamentals: [
    s("IO 101: Tools and Techniques", "the basic tools of interventional oncology", { level: 100 }),
    s("Patient Selection Basics", "choosing patients for locoregional therapy", { level: 100 }),
    s("Imaging Anatomy of the Liver", "hepatic segmental and arterial anatomy", { level: 100 }),
    s("Ablation Physics", "the physics of thermal and non-thermal ablation", { level: 100 }),
    s("Embolic Agents 101", "particles, coils, liquid embolics and beads", { level: 100 }),
    s("Radiation Biology for Interventionalists", "radiation biology", { level: 100 }),
    s("Peri-Procedural Care of the Cancer Patient", "peri-procedural care", { level: 100 }),
    s("Fellows' Case Competition", "challenging cases presented by IO fellows", { level: 200 }),
    s("Career Pathways in Interventional Oncology", "careers in IO", { level: 100 }),
    s("Board Review: Interventional Oncology", "high-yield IO topics for board exams", { level: 100 }),
    s("Hands-on: Microwave Ablation on Phantoms", "microwave ablation on phantoms", { kind: WORKSHOP, level: 100, capacity: 40 }),
    s("Hands-on: Ultrasound-Guided Liver Biopsy", "ultrasound-guided liver biopsy", { kind: WORKSHOP, level: 100, capacity: 36 }),
    s("IO Journal Club: Reading the Literature", "critical appraisal of IO studies", { level: 200 }),
    s("Vascular Access for the Cancer Patient", "ports and central venous access in oncology", { level: 100 }),
    s("Informed Consent in Interventional Oncology", "informed consent and shared decision-making", { level: 100 }),
  ],
};

const CLINICAL_ROOMS = [GRAND, INTERNATIONAL, "Continental Ballroom A", "Continental Ballroom B", "Williford A", "Williford B", "Williford C"];
const clinical: RoomGroup = { rooms: CLINICAL_ROOMS, entries: [] };
const lab: RoomGroup = { rooms: [LAB], entries: [] };
for (const [slug, entries] of Object.entries(program)) {
  for (const entry of entries) (entry.kind === WORKSHOP ? lab : clinical).entries.push({ ...entry, track: slug });
}

const programChair: PersonSeed = {
  name: "Laura M. Castellanos",
  credentials: "MD",
  affiliation: "The University of Texas MD Anderson Cancer Center",
  city: "Houston",
  country: "United States",
  bio: "Laura M. Castellanos chairs the SIO 2023 program committee. Clinical interests include radioembolization and combination therapy for liver cancer.",
};

const europe = ["Austria", "Germany", "Switzerland", "Greece", "Italy", "Netherlands", "France", "Spain", "United Kingdom"];
const asiaPacific = ["Korea", "Japan", "Taiwan", "Singapore", "Australia", "India"];

const placed: PlacedEntry[] = [
  { day: 0, start: "18:00", end: "20:00", room: INTERNATIONAL, kind: SOCIAL, title: "Welcome Reception", topic: "the opening of SIO 2023 and the exhibit hall" },
  {
    day: 1, start: "08:00", end: "09:30", room: GRAND, kind: PLENARY, level: 100, title: "Opening Plenary: Interventional Oncology, the Fourth Pillar of Cancer Care",
    description: "SIO's leadership opens the meeting with the society's vision of interventional oncology alongside medical, surgical and radiation oncology, and the 2023–2026 strategic plan.",
    people: { moderator: "laura-m-castellanos", speakers: ["andreas-adam"] },
  },
  {
    day: 1, start: "10:00", end: "11:30", room: GRAND, track: "technology-imaging", joint: "cirse", level: 200, title: "SIO–CIRSE Joint Session: Standards of Practice in Thermal Ablation",
    topic: "European and American standards of practice for thermal ablation", people: { speakers: ["dimitris-kelekis"] }, preferCountries: europe,
  },
  { day: 2, start: "07:00", end: "07:50", room: "Williford A", kind: SOCIAL, title: "Women in IO Networking Breakfast", topic: "mentorship for women in interventional oncology" },
  { day: 2, start: "08:00", end: "09:30", room: GRAND, kind: PLENARY, level: 300, title: "Plenary: Multidisciplinary Tumor Board Live", description: "Interventional, medical, surgical and radiation oncologists work through real cases together, with audience polling at each decision point." },
  {
    day: 2, start: "13:30", end: "15:00", room: GRAND, track: "liver", joint: "apscvir", level: 300, title: "SIO–APSCVIR Joint Session: Hepatocellular Carcinoma East and West",
    topic: "how Asian and Western guidelines treat hepatocellular carcinoma", people: { speakers: ["lenny-k-tan", "vincent-p-chuang"] }, preferCountries: asiaPacific,
  },
  { day: 2, start: "18:00", end: "19:30", room: "Williford A", track: "fundamentals", kind: SOCIAL, title: "Fellows and Trainees Reception", topic: "meeting SIO faculty and fellows from other programs" },
  { day: 3, start: "08:00", end: "09:30", room: GRAND, kind: PLENARY, level: 300, title: "Plenary: Late-Breaking Abstracts", description: "The meeting's late-breaking abstracts, presented with invited discussion of what they change in practice." },
  {
    day: 3, start: "10:00", end: "11:30", room: GRAND, track: "clinical-trials", level: 200, title: "The ACCLAIM Trial: An Update From SIO's First International Study",
    description: "Investigators report progress of ACCLAIM, the international clinical trial SIO launched in 2021, and how sites can take part.",
  },
  {
    day: 3, start: "13:30", end: "15:00", room: "Continental Ballroom A", track: "practice-building", joint: "irsa", level: 200, title: "SIO–IRSA Joint Session: Interventional Oncology in Australasia",
    topic: "building interventional oncology services in Australia and New Zealand", preferCountries: ["Australia", "Singapore"],
  },
  { day: 4, start: "12:00", end: "13:00", room: GRAND, kind: PLENARY, level: 100, title: "Closing Session and Awards", description: "Abstract and fellow awards, and a preview of SIO's next annual scientific meeting.", people: { moderator: "laura-m-castellanos" } },
];

const random = createRandom("sio-2023");

const interests: Record<string, string[]> = {
  liver: ["hepatocellular carcinoma", "radioembolization", "chemoembolization", "liver metastases"],
  "lung-thoracic": ["lung ablation", "thoracic biopsy", "oligometastatic disease"],
  "renal-gu": ["renal cryoablation", "adrenal ablation", "prostate focal therapy"],
  "msk-spine": ["spinal metastases", "bone tumor ablation", "cancer pain"],
  "immuno-oncology": ["tumor immunology", "combination therapy", "intratumoral therapy"],
  "technology-imaging": ["image guidance", "ablation margin software", "response assessment"],
  "clinical-trials": ["trial design", "outcomes research", "registries"],
  "practice-building": ["IO clinic development", "practice management", "tumor board leadership"],
  "emerging-indications": ["breast cryoablation", "irreversible electroporation", "thyroid ablation"],
  fundamentals: ["trainee education", "embolic agents", "ablation physics"],
};

const speakers = generateSpeakers({
  random,
  pinned: [
    { person: programChair, tracks: ["liver"] },
    { person: honourees.andreasAdam, tracks: ["liver"] },
    { person: honourees.dimitrisKelekis, tracks: ["msk-spine"] },
    { person: honourees.lennyTan, tracks: ["liver"] },
    { person: honourees.vincentChuang, tracks: ["liver"] },
    { person: honourees.johannesLammer, tracks: ["liver"] },
  ],
  faculty: 196,
  trainees: 18,
  students: 0,
  tracks: Object.entries(interests).map(([slug, phrases]) => ({ slug, interests: phrases })),
  specialist: "interventional oncologist",
  traineeKind: "fellow",
});

export const sio2023 = buildMeeting({
  slug: "sio-2023",
  name: "SIO 2023 Annual Scientific Meeting",
  society: "sio",
  startsOn: "2023-01-26",
  endsOn: "2023-01-30",
  timeZone: "America/Chicago",
  format: "IN_PERSON",
  venue: "Hilton Chicago",
  city: "Chicago",
  description:
    "The Society of Interventional Oncology's annual scientific meeting, successor to the World Congress on Interventional Oncology: five days at the Hilton Chicago across ten tracks, with every session graded at learning level 100, 200 or 300, hands-on labs and joint sessions with CIRSE, APSCVIR and IRSA.",
  tracks,
  rooms,
  slots,
  placed,
  groups: [clinical, lab],
  speakers,
  usesLearningLevels: true,
  isRecorded: ({ kind, room }) => (room === GRAND || room === INTERNATIONAL) && kind !== SOCIAL && kind !== WORKSHOP,
  random,
});
