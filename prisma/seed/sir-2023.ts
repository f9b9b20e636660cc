// The virtual SIR 2023 Annual Scientific Meeting (shared/seeds/002: "the virtual SIR
// 2023 Annual Scientific Meeting in March" with dedicated Medical Student and
// Resident-in-Training programming). It runs Saturday 4 to Thursday 9 March 2023 on
// Phoenix time, the city it had been planned for; Phoenix keeps MST all year.
import { RoomKind, SessionKind, TrackAudience } from "../../app/generated/prisma/enums";
import { createRandom } from "./random";
import { buildMeeting, type PlacedEntry, type RoomGroup, type SessionEntry, type Slot, type TrackSeed } from "./schedule";
import { generateSpeakers, honourees, type PersonSeed } from "./speakers";

const { ABSTRACT_SESSION, NAMED_LECTURE, PLENARY, SOCIAL, WEBINAR, WORKSHOP } = SessionKind;

const tracks: TrackSeed[] = [
  { slug: "medical-students", name: "Medical Student Program", colour: "#be185d", audience: TrackAudience.MEDICAL_STUDENTS, description: "Dedicated programming for medical students considering interventional radiology: careers, the match and what IRs do." },
  { slug: "residents", name: "Resident-in-Training Program", colour: "#6d28d9", audience: TrackAudience.RESIDENTS_FELLOWS, description: "Board review, practice readiness and research for IR and DR residents and fellows." },
  { slug: "interventional-oncology", name: "Interventional Oncology", colour: "#b91c1c", audience: TrackAudience.EVERYONE, description: "Ablation, embolotherapy and radioembolization of primary and metastatic tumors." },
  { slug: "vascular-disease", name: "Vascular Disease", colour: "#1d4ed8", audience: TrackAudience.EVERYONE, description: "Peripheral arterial disease, aortic and visceral intervention and dialysis access." },
  { slug: "venous", name: "Venous & Lymphatic", colour: "#0369a1", audience: TrackAudience.EVERYONE, description: "Venous thromboembolism, chronic venous disease, central venous access and lymphatic intervention." },
  { slug: "neuro-ir", name: "Neuro IR & Spine", colour: "#4338ca", audience: TrackAudience.EVERYONE, description: "Stroke, neurovascular and spine interventions." },
  { slug: "pediatric-ir", name: "Pediatric IR", colour: "#15803d", audience: TrackAudience.EVERYONE, description: "Image-guided care for children, from vascular anomalies to transplant." },
  { slug: "womens-health", name: "Women's Health & Embolization", colour: "#a21caf", audience: TrackAudience.EVERYONE, description: "Uterine and obstetric embolization and the newer embolotherapies for the prostate, knee and beyond." },
  { slug: "portal-hypertension", name: "Portal Hypertension & Hepatobiliary", colour: "#b45309", audience: TrackAudience.EVERYONE, description: "TIPS, variceal obliteration, biliary and gallbladder interventions and transplant care." },
  { slug: "emergency-trauma", name: "Emergency & Trauma IR", colour: "#c2410c", audience: TrackAudience.EVERYONE, description: "Bleeding, trauma and the IR call night." },
  { slug: "practice-policy", name: "Practice & Health Policy", colour: "#334155", audience: TrackAudience.EVERYONE, description: "Clinical practice building, coding, advocacy, quality and the IR workforce." },
  { slug: "research-innovation", name: "Research & Innovation", colour: "#0f766e", audience: TrackAudience.EVERYONE, description: "Trials, devices, imaging technology and the SIR Foundation's research programs." },
];

const MAIN = "Channel 1 – Main Stage";
const HALL_A = "Channel 2 – Clinical Hall A";
const TRAINEE = "Channel 6 – Trainee Lounge";
const WORKSHOPS = "Channel 7 – Workshop Studio";
const THEATER = "Channel 8 – Abstracts & Webinars";
const rooms = [MAIN, HALL_A, "Channel 3 – Clinical Hall B", "Channel 4 – Clinical Hall C", "Channel 5 – Clinical Hall D", TRAINEE, WORKSHOPS, THEATER].map((name) => ({
  name,
  kind: RoomKind.VIRTUAL_CHANNEL,
  capacity: null,
}));

const day: Slot[] = [["08:00", "09:30"], ["10:00", "11:30"], ["12:00", "13:00"], ["13:30", "15:00"], ["15:30", "17:00"]];
// Saturday to Wednesday full days; Thursday ends at lunch.
const slots = [day, day, day, day, day, day.slice(0, 3)];

const s = (title: string, topic: string, extra: Partial<SessionEntry> = {}): SessionEntry => ({ title, topic, ...extra });

const program: Record<string, SessionEntry[]> = {
  "medical-students": [
    s("Match Strategies for IR Residency", "building a competitive application and ranking integrated and independent IR programs"),
    s("IR in the ER: Emergencies Every Student Should Know", "the bleeding, obstructed and septic patients IR treats on call"),
    s("A Day in the Life of an Interventional Radiologist", "clinic, procedures, consults and call in academic and private practice"),
    s("Integrated vs. Independent IR Residency Pathways", "the training pathways to the ABR IR/DR certificate"),
    s("Research, Letters and Away Rotations", "finding IR research, mentors and audition rotations"),
    s("Interviewing for IR Residency: Program Director Panel", "what program directors look for on interview day"),
    s("Clinical IR: Consults, Clinic and Longitudinal Care", "the clinical model of IR practice"),
    s("Imaging Essentials: Reading the Angiogram", "vascular anatomy and angiographic basics"),
    s("Students Underrepresented in Medicine: Finding Your Place in IR", "mentorship and pathways for students underrepresented in medicine"),
    s("Global Health and IR Outreach", "interventional radiology in low- and middle-income countries"),
    s("Medical Student Research Showcase", "medical student research in interventional radiology", { kind: ABSTRACT_SESSION }),
    s("Ask Anything: IR Residents Answer Student Questions", "life as an IR resident"),
    s("Virtual Simulation: Ultrasound-Guided Vascular Access", "ultrasound-guided vascular access", { kind: WORKSHOP, capacity: 30 }),
    s("Virtual Simulation: Wires and Catheters 101", "selecting and shaping wires and catheters", { kind: WORKSHOP, capacity: 24 }),
  ],
  residents: [
    s("IR/DR Board Review: Vascular and Interventional", "high-yield vascular and interventional topics for the ABR IR/DR exams"),
    s("IR/DR Board Review: Oncology and Hepatobiliary", "high-yield oncology and hepatobiliary topics for the ABR IR/DR exams"),
    s("IR Residency Spring Practicum Preview", "what the IR Residency Spring Practicum covers for graduating PGY-6 and PGY-7 residents"),
    s("Transition to Practice: Contracts, Call and Compensation", "negotiating a first IR job"),
    s("Academic vs. Private Practice: Choosing Your First Job", "how academic, private and hybrid IR practices differ"),
    s("Complication Management: M&M for Trainees", "recognizing and managing procedural complications"),
    s("Building an IR Clinic as a Junior Attending", "starting clinic and longitudinal follow-up"),
    s("SIR Foundation Grants for Residents and Fellows", "research funding for trainees"),
    s("Resident Abstract Session: Best Trainee Research", "trainee research", { kind: ABSTRACT_SESSION }),
    s("Procedural Sedation and Periprocedural Medicine", "moderate sedation, anticoagulation and periprocedural care"),
    s("Wellness and Burnout in IR Training", "resilience and wellness during residency"),
    s("Chief Residents' Forum", "running an IR service as chief resident"),
    s("Hands-on Workshop: Embolic Agents and Microcatheter Skills", "embolic agents and microcatheter technique", { kind: WORKSHOP, capacity: 24 }),
    s("Hands-on Workshop: Transjugular Liver Biopsy and TIPS Simulation", "transjugular access and TIPS", { kind: WORKSHOP, capacity: 24 }),
  ],
  "interventional-oncology": [
    s("TACE vs. TARE for Intermediate-Stage HCC", "transarterial chemoembolization and radioembolization for intermediate-stage hepatocellular carcinoma"),
    s("Y-90 Radioembolization: Personalized Dosimetry", "personalized dosimetry for yttrium-90 radioembolization"),
    s("Radiation Segmentectomy for Early-Stage HCC", "radiation segmentectomy"),
    s("Thermal Ablation of Colorectal Liver Metastases: Margins Matter", "ablation margins in colorectal liver metastases"),
    s("Cryoablation of Small Renal Masses", "percutaneous cryoablation of T1a renal tumors"),
    s("Lung Tumor Ablation: Patient Selection and Outcomes", "percutaneous ablation of primary and metastatic lung tumors"),
    s("Interventional Oncology and Immunotherapy Combinations", "combining locoregional therapy with checkpoint inhibitors"),
    s("Histotripsy: Early Clinical Experience", "non-thermal histotripsy of liver tumors"),
    s("Neuroendocrine Liver Metastases", "liver-directed therapy for neuroendocrine tumors"),
    s("Bone Metastases: Ablation and Cementoplasty", "palliative ablation and cementoplasty of bone metastases"),
    s("Liver Tumor Board: Multidisciplinary Cases", "multidisciplinary decisions in liver cancer"),
    s("Abstract Session: Interventional Oncology I", "interventional oncology", { kind: ABSTRACT_SESSION }),
    s("Abstract Session: Interventional Oncology II", "interventional oncology", { kind: ABSTRACT_SESSION }),
    s("Webinar: Building a Y-90 Program", "starting a radioembolization service", { kind: WEBINAR }),
    s("Hands-on Workshop: Microwave Ablation Planning", "microwave ablation planning and probe placement", { kind: WORKSHOP, capacity: 32 }),
  ],
  "vascular-disease": [
    s("Chronic Limb-Threatening Ischemia: Below-the-Knee Interventions", "tibial and pedal interventions for chronic limb-threatening ischemia"),
    s("Drug-Coated Devices After the Paclitaxel Controversy", "paclitaxel-coated balloons and stents"),
    s("EVAR Endoleaks: Detection and Treatment", "endoleaks after endovascular aneurysm repair"),
    s("Aortic Dissection: The Role of TEVAR and Fenestration", "endovascular treatment of aortic dissection"),
    s("Acute and Chronic Mesenteric Ischemia", "mesenteric revascularization"),
    s("Visceral Artery Aneurysms", "splenic, hepatic and renal artery aneurysms"),
    s("Dialysis Access: Fistula Maturation and Stenosis", "hemodialysis access maintenance"),
    s("Atherectomy: Evidence and Indications", "atherectomy in peripheral arterial disease"),
    s("Vascular Closure and Access Site Complications", "arterial closure devices and access complications"),
    s("Health Equity and Amputation in PAD", "disparities in amputation for peripheral arterial disease"),
    s("Abstract Session: Arterial Disease", "arterial disease", { kind: ABSTRACT_SESSION }),
    s("Webinar: Office-Based Labs for PAD", "peripheral interventions in office-based labs", { kind: WEBINAR }),
    s("Hands-on Workshop: Pedal Access and Retrograde Techniques", "pedal access and retrograde recanalization", { kind: WORKSHOP, capacity: 28 }),
  ],
  venous: [
    s("Pulmonary Embolism: Catheter-Directed Therapy", "catheter-directed thrombolysis and thrombectomy for pulmonary embolism"),
    s("Pulmonary Embolism Response Teams", "building a PERT"),
    s("Deep Vein Thrombosis: Who Needs Thrombectomy?", "patient selection for DVT thrombectomy"),
    s("Iliac Vein Compression and Venous Stenting", "iliofemoral venous stenting"),
    s("IVC Filters: Retrieval of Complex Filters", "advanced IVC filter retrieval"),
    s("Chronic Venous Occlusion Recanalization", "recanalizing chronic venous occlusions"),
    s("Superficial Venous Disease: Thermal and Non-Thermal Ablation", "saphenous vein ablation"),
    s("Central Venous Access: Ports, PICCs and Tunneled Catheters", "central venous access"),
    s("Lymphatic Interventions: Thoracic Duct Embolization", "lymphangiography and thoracic duct embolization"),
    s("Abstract Session: Venous and Lymphatic Disease", "venous and lymphatic disease", { kind: ABSTRACT_SESSION }),
    s("Webinar: Post-Thrombotic Syndrome", "post-thrombotic syndrome", { kind: WEBINAR }),
    s("Hands-on Workshop: Mechanical Thrombectomy Devices", "mechanical thrombectomy devices", { kind: WORKSHOP, capacity: 30 }),
  ],
  "neuro-ir": [
    s("Acute Ischemic Stroke Thrombectomy: Expanding the Window", "late-window and large-core stroke thrombectomy"),
    s("Epistaxis Embolization", "embolization for refractory epistaxis"),
    s("Middle Meningeal Artery Embolization for Chronic Subdural Hematoma", "middle meningeal artery embolization"),
    s("Vertebral Augmentation: Kyphoplasty and Vertebroplasty", "vertebral augmentation for compression fractures"),
    s("Spine Pain Interventions", "image-guided spine pain procedures"),
    s("Venous Sinus Stenting for Idiopathic Intracranial Hypertension", "venous sinus stenting"),
    s("Head and Neck Tumor Embolization", "preoperative head and neck embolization"),
    s("Spinal CSF Leaks: Imaging and Blood Patching", "spinal cerebrospinal fluid leaks"),
    s("Carotid Stenting in 2023", "carotid artery stenting"),
    s("Abstract Session: Neuro IR and Spine", "neurointervention and spine", { kind: ABSTRACT_SESSION }),
    s("Hands-on Workshop: Vertebral Augmentation", "vertebral augmentation", { kind: WORKSHOP, capacity: 24 }),
  ],
  "pediatric-ir": [
    s("Pediatric Vascular Anomalies", "vascular malformations and tumors in children"),
    s("Pediatric Trauma and Hemorrhage Control", "hemorrhage control in injured children"),
    s("Pediatric Lymphatic Interventions", "lymphatic imaging and intervention in children"),
    s("Sclerotherapy of Venous and Lymphatic Malformations", "sclerotherapy of low-flow malformations"),
    s("Pediatric Central Venous Access", "central venous access in children"),
    s("Pediatric Liver Transplant Interventions", "vascular and biliary complications after pediatric liver transplant"),
    s("Pediatric Interventional Oncology", "interventional oncology in children"),
    s("Radiation Dose Reduction in Pediatric IR", "radiation protection for children"),
    s("Sedation and Anesthesia for Children in IR", "sedation and anesthesia for pediatric procedures"),
    s("Pediatric Enteric Access: Gastrostomy and GJ Tubes", "gastrostomy and gastrojejunostomy in children"),
    s("Abstract Session: Pediatric IR", "pediatric interventional radiology", { kind: ABSTRACT_SESSION }),
  ],
  "womens-health": [
    s("Uterine Fibroid Embolization: Optimizing Outcomes", "uterine fibroid embolization"),
    s("Adenomyosis: Embolization and Beyond", "treatment of adenomyosis"),
    s("Postpartum Hemorrhage and Placenta Accreta Spectrum", "obstetric hemorrhage and placenta accreta spectrum"),
    s("Pelvic Venous Disorders", "pelvic venous insufficiency"),
    s("Prostatic Artery Embolization", "prostatic artery embolization for benign prostatic hyperplasia"),
    s("Genicular Artery Embolization for Knee Osteoarthritis", "genicular artery embolization"),
    s("Hemorrhoid Embolization", "superior rectal artery embolization"),
    s("Bariatric Embolization: Where Are We Now?", "left gastric artery embolization for obesity", { cancelled: true }),
    s("Fallopian Tube Recanalization and Fertility", "fallopian tube recanalization"),
    s("Abstract Session: Embolotherapy", "embolotherapy", { kind: ABSTRACT_SESSION }),
    s("Webinar: Marketing Fibroid Embolization to Patients", "patient awareness of uterine fibroid embolization", { kind: WEBINAR }),
    s("Hands-on Workshop: Radial Access for Embolization", "transradial access", { kind: WORKSHOP, capacity: 30 }),
  ],
  "portal-hypertension": [
    s("TIPS Creation: Covered Stents and Controlled Expansion", "transjugular intrahepatic portosystemic shunt technique"),
    s("Hepatic Encephalopathy After TIPS", "preventing and treating post-TIPS encephalopathy"),
    s("Portal Vein Recanalization", "portal vein recanalization"),
    s("Refractory Ascites: TIPS or Paracentesis?", "management of refractory ascites"),
    s("Biliary Drainage and Stenting", "percutaneous biliary drainage"),
    s("Percutaneous Cholecystostomy", "gallbladder drainage in high-risk patients"),
    s("Liver Transplant Complications", "vascular and biliary complications after liver transplant"),
    s("Partial Splenic Embolization", "partial splenic embolization for hypersplenism"),
    s("Abstract Session: Portal Hypertension and Hepatobiliary", "portal hypertension and hepatobiliary intervention", { kind: ABSTRACT_SESSION }),
    s("Webinar: Hepatic Venous Pressure Gradient Measurement", "measuring the hepatic venous pressure gradient", { kind: WEBINAR }),
  ],
  "emergency-trauma": [
    s("Trauma Embolization: Spleen, Liver and Pelvis", "solid organ and pelvic trauma embolization"),
    s("Renal and Genitourinary Trauma", "embolization for renal and genitourinary injury"),
    s("Upper and Lower GI Bleeding", "angiography and embolization of gastrointestinal bleeding"),
    s("REBOA and the Hybrid Trauma Suite", "resuscitative endovascular balloon occlusion of the aorta"),
    s("Hemoptysis: Bronchial Artery Embolization", "bronchial artery embolization"),
    s("Iatrogenic Bleeding After Procedures", "managing post-procedural hemorrhage"),
    s("The IR Call Night: Triage and Communication", "triaging emergency IR consults"),
    s("Abscess Drainage: Tips and Tricks", "percutaneous abscess drainage"),
    s("Webinar: Building a 24/7 IR Service", "staffing round-the-clock IR coverage", { kind: WEBINAR }),
  ],
  "practice-policy": [
    s("Building a Clinical IR Practice", "clinic, admitting privileges and longitudinal care"),
    s("Malpractice and Risk Management in IR", "medicolegal risk in interventional radiology"),
    s("Coding and Reimbursement Update 2023", "the 2023 coding and reimbursement changes for IR"),
    s("Advocacy on Capitol Hill: Site-of-Service and Prior Authorization", "SIR advocacy priorities"),
    s("Quality Improvement and the IR Registries", "quality improvement and registries"),
    s("Diversity, Equity and Inclusion in the IR Workforce", "recruiting and retaining a diverse IR workforce"),
    s("Advanced Practice Providers in IR", "working with nurse practitioners and physician assistants"),
    s("Physician Wellness and Sustainable Careers", "burnout and wellness in IR"),
    s("Leadership Skills for Interventional Radiologists", "leading departments and teams"),
    s("Value-Based Care and Alternative Payment Models", "value-based payment"),
    s("Webinar: Prior Authorization Survival Guide", "prior authorization", { kind: WEBINAR }),
  ],
  "research-innovation": [
    s("Artificial Intelligence in IR", "artificial intelligence for procedure planning and outcomes"),
    s("Preclinical Models in IR Research", "animal and phantom models for IR research"),
    s("Robotics and Navigation for Image-Guided Procedures", "robotic and navigational systems"),
    s("From Idea to FDA: Device Innovation", "bringing a device from concept to clearance"),
    s("Designing Pragmatic IR Trials", "clinical trial design in interventional radiology"),
    s("Cone-Beam CT and Fusion Imaging", "cone-beam CT and image fusion"),
    s("Drug Delivery and Nanomedicine", "image-guided drug delivery"),
    s("Statistics for the Interventionalist", "reading and designing IR research"),
    s("Writing and Reviewing for JVIR", "publishing in the Journal of Vascular and Interventional Radiology"),
    s("Abstract Session: Research and Innovation", "research and innovation", { kind: ABSTRACT_SESSION }),
    s("Hands-on Workshop: Augmented Reality Navigation", "augmented reality needle guidance", { kind: WORKSHOP, capacity: 24 }),
  ],
};

const groups: RoomGroup[] = [
  { rooms: [MAIN, HALL_A, "Channel 3 – Clinical Hall B", "Channel 4 – Clinical Hall C", "Channel 5 – Clinical Hall D"], entries: [] },
  { rooms: [TRAINEE], entries: [] },
  { rooms: [WORKSHOPS], entries: [] },
  { rooms: [THEATER], entries: [] },
];
const [clinical, trainee, workshop, theater] = groups as [RoomGroup, RoomGroup, RoomGroup, RoomGroup];
for (const [track, entries] of Object.entries(program)) {
  const forTrainees = track === "medical-students" || track === "residents";
  for (const entry of entries) {
    const placed = { ...entry, track };
    if (entry.kind === WORKSHOP) workshop.entries.push(placed);
    else if (forTrainees) trainee.entries.push(placed);
    else if (entry.kind === ABSTRACT_SESSION || entry.kind === WEBINAR) theater.entries.push(placed);
    else clinical.entries.push(placed);
  }
}

const meetingChair: PersonSeed = {
  name: "Daniel P. Okoro",
  credentials: "MD, FSIR",
  affiliation: "Emory University Hospital",
  city: "Atlanta",
  country: "United States",
  bio: "Daniel P. Okoro chairs the SIR 2023 Annual Meeting Committee. Clinical interests include interventional oncology and portal hypertension.",
};
const dotterLecturer: PersonSeed = {
  name: "Margaret L. Whitfield",
  credentials: "MD, FSIR",
  affiliation: "Oregon Health & Science University",
  city: "Portland",
  country: "United States",
  bio: "Margaret L. Whitfield delivers the 2023 Dr. Charles T. Dotter Lecture. Her career spans peripheral arterial disease, venous intervention and the training of two decades of IR fellows at the institution where Dotter worked.",
};
const goldMedalists: PersonSeed[] = [
  {
    name: "Robert A. Kessler",
    credentials: "MD, FSIR",
    affiliation: "Massachusetts General Hospital",
    city: "Boston",
    country: "United States",
    bio: "Robert A. Kessler receives the 2023 SIR Gold Medal for distinguished service to SIR, including years of leadership in its clinical practice guidelines.",
  },
  {
    name: "Anita S. Raman",
    credentials: "MD, FSIR",
    affiliation: "Stanford Health Care",
    city: "Stanford",
    country: "United States",
    bio: "Anita S. Raman receives the 2023 SIR Gold Medal for a career in teaching and clinical investigation in interventional oncology.",
  },
];
/** The demo moderator account (moderator@example.org) is linked to this speaker. */
export const DEMO_MODERATOR_SPEAKER = "jordan-a-ellis";
const demoModerator: PersonSeed = {
  name: "Jordan A. Ellis",
  credentials: "MD, FSIR",
  affiliation: "Banner – University Medical Center Phoenix",
  city: "Phoenix",
  country: "United States",
  bio: "Jordan A. Ellis is an interventional radiologist in Phoenix who moderates live Q&A for SIR's virtual channels. Clinical interests include venous disease and practice building.",
};

const europe = ["Austria", "Germany", "Switzerland", "Greece", "Italy", "Netherlands", "France", "Spain", "United Kingdom"];

const placed: PlacedEntry[] = [
  { day: 0, start: "08:00", end: "09:30", room: TRAINEE, track: "medical-students", title: "Why IR? Career Paths in Interventional Radiology", topic: "why there has never been a better time to become an interventional radiologist", people: { speakers: ["ziv-j-haskal"] } },
  { day: 0, start: "17:30", end: "18:30", room: TRAINEE, track: "medical-students", kind: SOCIAL, title: "Medical Student Virtual Mixer", topic: "meeting IR residents, program directors and fellow students in small breakout rooms" },
  {
    day: 1, start: "08:00", end: "09:30", room: MAIN, kind: PLENARY, title: "Opening Plenary and Presidential Address",
    description: "The SIR 2023 Annual Scientific Meeting opens with the presidential address, the state of the society and a look at the week's program.",
    people: { moderator: "daniel-p-okoro" },
  },
  {
    day: 1, start: "13:30", end: "15:00", room: HALL_A, track: "interventional-oncology", joint: "cirse", title: "SIR–CIRSE Joint Session: Controversies in Liver-Directed Therapy",
    topic: "liver-directed therapy on both sides of the Atlantic", people: { panelists: ["andreas-adam", "johannes-lammer"] }, preferCountries: europe,
  },
  { day: 1, start: "17:30", end: "18:30", room: TRAINEE, track: "residents", kind: SOCIAL, title: "RFS Section Virtual Reception", topic: "the Resident, Fellow and Student Section's year and its volunteer opportunities" },
  {
    day: 2, start: "10:00", end: "11:00", room: MAIN, kind: NAMED_LECTURE, title: "Dr. Charles T. Dotter Lecture",
    description: "Initiated in 1984 in honor of one of the pioneers of interventional radiology, the Dotter Lecture recognizes extraordinary career achievement. This year's lecture looks at the next forty years of image-guided therapy.",
    people: { moderator: "daniel-p-okoro", speakers: ["margaret-l-whitfield"] },
  },
  {
    day: 2, start: "13:30", end: "15:00", room: HALL_A, track: "portal-hypertension", joint: "apscvir", title: "SIR–APSCVIR Joint Session: Nonvascular Interventions Across the Asia-Pacific",
    topic: "airway, biliary, gastrointestinal and urinary stenting", people: { speakers: ["ho-young-song", "lenny-k-tan", "vincent-p-chuang", "kenneth-r-thomson"] }, speakerCount: 4,
  },
  { day: 2, start: "17:30", end: "18:30", room: HALL_A, track: "practice-policy", kind: SOCIAL, title: "Women in IR Virtual Networking Hour", topic: "mentorship and networking for women in interventional radiology" },
  {
    day: 3, start: "08:00", end: "09:00", room: MAIN, kind: PLENARY, title: "Gold Medal Presentation",
    description: "SIR presents its highest honor, the Gold Medal, to members for continued distinguished service to the society and to cardiovascular and interventional radiology. The 2023 medalists reflect on their careers.",
    people: { moderator: "daniel-p-okoro", speakers: ["robert-a-kessler", "anita-s-raman"] }, speakerCount: 2,
  },
  { day: 3, start: "10:00", end: "11:30", room: MAIN, kind: PLENARY, title: "Plenary: Late-Breaking Clinical Trials", description: "First presentations of practice-changing trials in interventional radiology, each discussed by an independent expert." },
  {
    day: 3, start: "13:30", end: "15:00", room: HALL_A, track: "portal-hypertension", joint: "jsir", title: "SIR–JSIR Joint Session: Balloon-Occluded Retrograde Transvenous Obliteration",
    topic: "BRTO and its variants for gastric varices, developed in Japan", preferCountries: ["Japan"],
  },
  { day: 3, start: "17:30", end: "18:30", room: MAIN, kind: SOCIAL, title: "International Members Meet-up", topic: "SIR's international members, the International Scholars Program and visiting professorships", people: { speakers: ["dimitris-kelekis", "plinio-rossi"] } },
  { day: 4, start: "08:00", end: "09:30", room: MAIN, kind: PLENARY, title: "Plenary: Best Scientific Abstracts", description: "The six highest-scored abstracts of SIR 2023, presented in full and discussed by the Annual Meeting Committee." },
  {
    day: 4, start: "10:00", end: "11:30", room: HALL_A, track: "practice-policy", joint: "bsir", title: "SIR–BSIR Joint Session: Training Interventional Radiologists on Both Sides of the Atlantic",
    topic: "how IR training differs between the United States and the United Kingdom", preferCountries: ["United Kingdom"],
  },
  {
    day: 4, start: "13:30", end: "15:00", room: HALL_A, track: "vascular-disease", joint: "cirse", title: "SIR–CIRSE Joint Session: Peripheral Arterial Disease Debate",
    topic: "endovascular-first strategies for peripheral arterial disease", people: { panelists: ["jim-a-reekers"] }, preferCountries: europe,
  },
  { day: 4, start: "17:30", end: "18:30", room: MAIN, track: "research-innovation", kind: SOCIAL, title: "SIR Foundation Celebration", topic: "the SIR Foundation's grant recipients and the donors who fund IR research" },
  { day: 5, start: "12:00", end: "13:00", room: MAIN, kind: PLENARY, title: "Closing Plenary: Interventional Radiology in 2030", description: "Leaders of SIR and its partner societies look ahead at the specialty's workforce, technology and place in patient care." },
];

const random = createRandom("sir-2023");

const interests: Record<string, string[]> = {
  "interventional-oncology": ["radioembolization", "thermal ablation", "hepatocellular carcinoma", "chemoembolization"],
  "vascular-disease": ["peripheral arterial disease", "limb salvage", "aortic intervention", "dialysis access"],
  venous: ["venous thromboembolism", "venous stenting", "IVC filter retrieval", "lymphatic intervention"],
  "neuro-ir": ["stroke thrombectomy", "vertebral augmentation", "spine pain", "neurovascular embolization"],
  "pediatric-ir": ["vascular anomalies", "pediatric transplant", "pediatric oncology", "radiation safety in children"],
  "womens-health": ["uterine fibroid embolization", "prostatic artery embolization", "obstetric hemorrhage", "genicular artery embolization"],
  "portal-hypertension": ["TIPS", "variceal obliteration", "biliary intervention", "liver transplant"],
  "emergency-trauma": ["trauma embolization", "gastrointestinal bleeding", "emergency IR", "abscess drainage"],
  "practice-policy": ["practice building", "health policy", "quality improvement", "workforce diversity"],
  "research-innovation": ["device innovation", "artificial intelligence", "clinical trials", "image guidance"],
};

const speakers = generateSpeakers({
  random,
  pinned: [
    { person: meetingChair, tracks: ["interventional-oncology"] },
    { person: dotterLecturer, tracks: ["vascular-disease"] },
    { person: goldMedalists[0]!, tracks: ["practice-policy"] },
    { person: goldMedalists[1]!, tracks: ["interventional-oncology"] },
    { slug: DEMO_MODERATOR_SPEAKER, person: demoModerator, tracks: ["venous", "practice-policy"] },
    { person: honourees.hoYoungSong, tracks: ["portal-hypertension"] },
    { person: honourees.johannesLammer, tracks: ["vascular-disease"] },
    { person: honourees.lennyTan, tracks: ["interventional-oncology"] },
    { person: honourees.kennethThomson, tracks: ["vascular-disease"] },
    { person: honourees.dimitrisKelekis, tracks: ["neuro-ir"] },
    { person: honourees.andreasAdam, tracks: ["interventional-oncology"] },
    { person: honourees.vincentChuang, tracks: ["interventional-oncology"] },
    { person: honourees.plinioRossi, tracks: ["vascular-disease"] },
    { person: honourees.jimReekers, tracks: ["vascular-disease"] },
    { person: honourees.zivHaskal, tracks: ["portal-hypertension"] },
  ],
  faculty: 190,
  trainees: 24,
  students: 14,
  tracks: Object.entries(interests).map(([slug, phrases]) => ({ slug, interests: phrases })),
  specialist: "interventional radiologist",
  traineeKind: "resident",
});

export const sir2023 = buildMeeting({
  slug: "sir-2023",
  name: "SIR 2023 Annual Scientific Meeting",
  society: "sir",
  startsOn: "2023-03-04",
  endsOn: "2023-03-09",
  timeZone: "America/Phoenix",
  format: "VIRTUAL",
  venue: null,
  city: null,
  description:
    "The Society of Interventional Radiology's SIR 2023 Annual Scientific Meeting, held virtually on Phoenix time: eight live channels of clinical tracks, the Dr. Charles T. Dotter Lecture, the Gold Medal presentation, joint sessions with partner societies and dedicated Medical Student and Resident-in-Training programming.",
  tracks,
  rooms,
  slots,
  placed,
  groups,
  speakers,
  usesLearningLevels: false,
  isRecorded: ({ kind }) => kind !== SOCIAL && kind !== WORKSHOP,
  random,
});
