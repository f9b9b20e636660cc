// Speakers of one meeting: the named international honourees from SIR's pages
// (shared/seeds/001-002) plus faculty, trainees and students generated from name
// lists with a seeded PRNG, so every run yields the same people.
import type { Random } from "./random";
import { createSlugger } from "./slugs";

export type SpeakerKind = "faculty" | "fellow" | "resident" | "student";

export type SpeakerSeed = {
  slug: string;
  name: string;
  credentials: string;
  affiliation: string;
  city: string;
  country: string;
  bio: string;
  kind: SpeakerKind;
  /** Track slugs whose sessions this person is drawn into first. */
  tracks: string[];
};

export type PersonSeed = Omit<SpeakerSeed, "slug" | "tracks" | "kind"> & { kind?: SpeakerKind };

/** Interventional radiologists from outside North America honoured by SIR (Gold Medal, Dotter Lecture). */
export const honourees = {
  hoYoungSong: {
    name: "Ho-Young Song",
    credentials: "MD",
    affiliation: "Asan Medical Center, University of Ulsan College of Medicine",
    city: "Seoul",
    country: "Korea",
    bio: "Ho-Young Song received the SIR Gold Medal in 2016 for a career devoted to nonvascular intervention, including stents for the airway, esophagus, biliary tree and urinary tract.",
  },
  johannesLammer: {
    name: "Johannes Lammer",
    credentials: "MD",
    affiliation: "Medical University of Vienna",
    city: "Vienna",
    country: "Austria",
    bio: "Johannes Lammer received the SIR Gold Medal in 2015. His work spans peripheral arterial disease, drug-eluting technologies and chemoembolization.",
  },
  lennyTan: {
    name: "Lenny K. Tan",
    credentials: "MD",
    affiliation: "Singapore General Hospital",
    city: "Singapore",
    country: "Singapore",
    bio: "Lenny K. Tan received the SIR Gold Medal in 2014 and has built interventional radiology training and practice across Southeast Asia.",
  },
  kennethThomson: {
    name: "Kenneth R. Thomson",
    credentials: "MD",
    affiliation: "The Alfred Hospital",
    city: "Melbourne",
    country: "Australia",
    bio: "Kenneth R. Thomson received the SIR Gold Medal in 2013. He is known for pioneering work in vascular intervention and device innovation in Australasia.",
  },
  dimitrisKelekis: {
    name: "Dimitris Kelekis",
    credentials: "MD, PhD",
    affiliation: "Attikon University Hospital, National and Kapodistrian University of Athens",
    city: "Athens",
    country: "Greece",
    bio: "Dimitris Kelekis received the SIR Gold Medal in 2012 and is a founder of interventional radiology in Greece, with a long interest in musculoskeletal and oncologic intervention.",
  },
  andreasAdam: {
    name: "Andreas Adam",
    credentials: "MD",
    affiliation: "King's College London and Guy's and St Thomas' Hospitals",
    city: "London",
    country: "United Kingdom",
    bio: "Andreas Adam delivered the Dr. Charles T. Dotter Lecture in 2006 and received the SIR Gold Medal in 2009. He has championed interventional oncology and IR as a clinical specialty.",
  },
  vincentChuang: {
    name: "Vincent P. Chuang",
    credentials: "MD",
    affiliation: "Taipei Veterans General Hospital",
    city: "Taipei",
    country: "Taiwan",
    bio: "Vincent P. Chuang received the SIR Gold Medal in 2009 for pioneering work in transcatheter embolization and chemoembolization of liver tumors.",
  },
  plinioRossi: {
    name: "Plinio Rossi",
    credentials: "MD",
    affiliation: "Sapienza University of Rome",
    city: "Rome",
    country: "Italy",
    bio: "Plinio Rossi received the SIR Gold Medal in 2006 and is one of the founders of vascular and interventional radiology in Italy.",
  },
  jimReekers: {
    name: "Jim A. Reekers",
    credentials: "MD, PhD",
    affiliation: "Amsterdam UMC, University of Amsterdam",
    city: "Amsterdam",
    country: "Netherlands",
    bio: "Jim A. Reekers delivered the Dr. Charles T. Dotter Lecture in 2008. His interests include peripheral arterial disease, evidence-based IR and medical device regulation.",
  },
  zivHaskal: {
    name: "Ziv J. Haskal",
    credentials: "MD, FSIR",
    affiliation: "University of Virginia Health",
    city: "Charlottesville",
    country: "United States",
    bio: "Ziv J. Haskal is an interventional radiologist whose JVIR editorial explains to students why there has never been a better time to become an IR. His interests include portal hypertension and TIPS.",
  },
} satisfies Record<string, PersonSeed>;

type CountryPool = {
  country: string;
  /** Relative share of the generated faculty. */
  weight: number;
  names: keyof typeof names;
  credentials: string[];
  /** [institution, city] */
  institutions: [string, string][];
};

const names = {
  northAmerican: {
    first: ["Sarah", "Michael", "Jennifer", "David", "Emily", "Daniel", "Jessica", "Matthew", "Ashley", "Christopher", "Rachel", "Andrew", "Lauren", "Joshua", "Megan", "Ryan", "Nicole", "Brian", "Amanda", "Kevin", "Stephanie", "Jason", "Elizabeth", "Eric", "Rebecca", "Aaron", "Olivia", "Nathan", "Hannah", "Jonathan", "Priya", "Raj", "Wei", "Mei", "Carlos", "Maria", "Ahmed", "Fatima", "Kwame", "Adaeze", "Min", "Thanh", "Hiro", "Ana", "Gabriel", "Natalie", "Samuel", "Grace", "Benjamin", "Alicia", "Jamal", "Keisha", "Omar", "Leila", "Tyler", "Caroline", "Marcus", "Diana", "Victor", "Julia"],
    last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Patel", "Shah", "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang", "Li", "Zhang", "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Rivera", "Okafor", "Adeyemi", "Mensah", "Haddad", "Khoury", "Goldberg", "Cohen", "Friedman", "O'Brien", "Murphy", "Sullivan", "Kowalski", "Novak", "Rossi", "Russo", "Fischer", "Becker", "Lindqvist", "Desai", "Reddy", "Chaudhry", "Hussain", "Bennett", "Brooks", "Coleman", "Foster", "Hayes", "Jenkins", "Morales", "Ortiz"],
  },
  british: {
    first: ["Oliver", "James", "Charlotte", "Hannah", "William", "Sophie", "Rhys", "Fiona", "Alistair", "Imogen", "Tom", "Eleanor", "Rajesh", "Aisha", "Callum", "Isla", "Liam", "Chloe", "Harriet", "Duncan"],
    last: ["Taylor", "Evans", "Davies", "Wright", "Hughes", "Walker", "Morgan", "Clarke", "Shah", "Khan", "Campbell", "Stewart", "Robertson", "Fletcher", "Ashworth", "Pemberton", "Lloyd", "Patel", "Kaur", "Macdonald"],
  },
  korean: {
    first: ["Ji-Hoon", "Min-Jung", "Seung-Woo", "Hyun-Jin", "Dong-Il", "Eun-Ji", "Jae-Hyung", "Soo-Yeon", "Young-Ho", "Ha-Eun", "Sung-Min", "Ji-Won"],
    last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Shin", "Han", "Lim", "Oh"],
  },
  japanese: {
    first: ["Takashi", "Yoshitaka", "Hiroshi", "Kenji", "Yuki", "Aiko", "Satoshi", "Haruka", "Daisuke", "Naoko", "Kazuhiro", "Miho"],
    last: ["Tanaka", "Suzuki", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Takahashi", "Arai", "Yamada", "Inoue", "Kishimoto", "Fujiwara"],
  },
  taiwanese: {
    first: ["Chia-Hung", "Wei-Lun", "Yi-Ting", "Shu-Fen", "Po-Hsiang", "Hsin-Yi", "Chun-Ming", "Ya-Wen"],
    last: ["Chen", "Lin", "Huang", "Chang", "Wang", "Liu", "Tsai", "Yang", "Wu", "Hsu"],
  },
  singaporean: {
    first: ["Wei Ming", "Hui Ling", "Rajesh", "Farah", "Kelvin", "Siew Ling", "Jun Jie", "Nurul", "Darren", "Mei Xuan"],
    last: ["Tan", "Lim", "Ng", "Goh", "Lee", "Chua", "Teo", "Wong", "Koh", "Pillai"],
  },
  germanic: {
    first: ["Lukas", "Florian", "Katharina", "Johannes", "Stefan", "Anna", "Matthias", "Sabine", "Thomas", "Christoph", "Julia", "Andreas", "Lena", "Markus", "Franziska", "Philipp"],
    last: ["Müller", "Schmidt", "Gruber", "Huber", "Wagner", "Bauer", "Hofmann", "Fischer", "Weber", "Meier", "Brunner", "Keller", "Schneider", "Vogel", "Zimmermann", "Steiner"],
  },
  greek: {
    first: ["Dimitrios", "Georgios", "Eleni", "Konstantinos", "Maria", "Nikolaos", "Katerina", "Ioannis", "Sofia", "Alexandros"],
    last: ["Papadopoulos", "Georgiou", "Nikolaou", "Konstantinidis", "Karagiannis", "Vlachos", "Pappas", "Filippiadis", "Alexopoulou", "Dimitriou"],
  },
  italian: {
    first: ["Giuseppe", "Marco", "Francesca", "Alessandro", "Chiara", "Luca", "Giulia", "Roberto", "Paolo", "Elena", "Matteo", "Valentina"],
    last: ["Romano", "Ricci", "Bianchi", "Colombo", "Esposito", "Bruno", "Greco", "Marino", "Conti", "De Luca", "Gallo", "Ferrari"],
  },
  dutch: {
    first: ["Joost", "Maarten", "Femke", "Sanne", "Pieter", "Lotte", "Bram", "Eva", "Jeroen", "Marieke"],
    last: ["de Vries", "van den Berg", "Bakker", "Jansen", "Visser", "Smit", "de Boer", "Mulder", "van Dijk", "Meijer"],
  },
  french: {
    first: ["Thierry", "Camille", "Nicolas", "Julien", "Élodie", "Mathieu", "Claire", "Antoine", "Hélène", "Olivier", "Céline", "Guillaume"],
    last: ["Dubois", "Martin", "Lefèvre", "Moreau", "Laurent", "Girard", "Bernard", "Fontaine", "Rousseau", "Mercier", "Chevalier", "Faure"],
  },
  spanish: {
    first: ["Javier", "Lucía", "Carlos", "Alejandro", "Pilar", "Miguel", "Elena", "Rocío", "Pablo", "Marta"],
    last: ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz", "Vidal"],
  },
  brazilian: {
    first: ["João", "Mariana", "Rafael", "Fernanda", "Gustavo", "Camila", "Thiago", "Beatriz", "Lucas", "Juliana"],
    last: ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Carvalho", "Ribeiro", "Moura"],
  },
  argentine: {
    first: ["Martín", "Sofía", "Diego", "Valentina", "Federico", "Santiago", "Florencia", "Agustina", "Nicolás", "Carolina"],
    last: ["González", "Rodríguez", "Fernández", "Gómez", "Díaz", "Pérez", "Sosa", "Álvarez", "Romero", "Acosta"],
  },
  indian: {
    first: ["Arjun", "Priya", "Rahul", "Ananya", "Vikram", "Sneha", "Sanjay", "Kavita", "Aditya", "Meera", "Rohan", "Deepa"],
    last: ["Sharma", "Gupta", "Reddy", "Iyer", "Nair", "Mehta", "Singh", "Rao", "Kulkarni", "Bhatia", "Menon", "Chatterjee"],
  },
} satisfies Record<string, { first: string[]; last: string[] }>;

const europeanCredentials = ["MD", "MD, PhD", "MD, EBIR", "MD, PhD, EBIR"];

const countries: CountryPool[] = [
  {
    country: "United States",
    weight: 52,
    names: "northAmerican",
    credentials: ["MD", "MD", "MD, FSIR", "MD, FSIR", "MD, FSIR", "DO", "MD, PhD", "MD, MBA", "MD, MPH", "DO, FSIR"],
    institutions: [
      ["Mayo Clinic", "Rochester"], ["Mayo Clinic Arizona", "Phoenix"], ["Banner – University Medical Center Phoenix", "Phoenix"],
      ["Johns Hopkins Hospital", "Baltimore"], ["Massachusetts General Hospital", "Boston"], ["Brigham and Women's Hospital", "Boston"],
      ["Cleveland Clinic", "Cleveland"], ["Stanford Health Care", "Stanford"], ["UCLA Health", "Los Angeles"],
      ["UCSF Medical Center", "San Francisco"], ["Hospital of the University of Pennsylvania", "Philadelphia"], ["NYU Langone Health", "New York"],
      ["Memorial Sloan Kettering Cancer Center", "New York"], ["Weill Cornell Medicine", "New York"], ["The University of Texas MD Anderson Cancer Center", "Houston"],
      ["Northwestern Memorial Hospital", "Chicago"], ["Rush University Medical Center", "Chicago"], ["Emory University Hospital", "Atlanta"],
      ["University of Washington Medical Center", "Seattle"], ["Duke University Medical Center", "Durham"], ["Vanderbilt University Medical Center", "Nashville"],
      ["Michigan Medicine", "Ann Arbor"], ["Mallinckrodt Institute of Radiology", "St. Louis"], ["University of Colorado Hospital", "Aurora"],
      ["Oregon Health & Science University", "Portland"], ["University of Wisconsin Hospitals and Clinics", "Madison"], ["Miami Cardiac & Vascular Institute", "Miami"],
      ["Dartmouth Hitchcock Medical Center", "Lebanon"], ["University of Utah Health", "Salt Lake City"], ["Yale New Haven Hospital", "New Haven"],
    ],
  },
  {
    country: "Canada",
    weight: 6,
    names: "northAmerican",
    credentials: ["MD, FRCPC", "MD, FRCPC", "MD, FRCPC, FSIR", "MD"],
    institutions: [
      ["Toronto General Hospital, University Health Network", "Toronto"], ["Sunnybrook Health Sciences Centre", "Toronto"],
      ["Vancouver General Hospital", "Vancouver"], ["McGill University Health Centre", "Montreal"], ["Foothills Medical Centre", "Calgary"],
      ["The Ottawa Hospital", "Ottawa"],
    ],
  },
  { country: "Korea", weight: 3, names: "korean", credentials: ["MD", "MD, PhD"], institutions: [["Asan Medical Center", "Seoul"], ["Seoul National University Hospital", "Seoul"], ["Samsung Medical Center", "Seoul"], ["Severance Hospital, Yonsei University", "Seoul"]] },
  { country: "Japan", weight: 3, names: "japanese", credentials: ["MD", "MD, PhD"], institutions: [["Nara Medical University", "Kashihara"], ["The University of Tokyo Hospital", "Tokyo"], ["Kindai University Hospital", "Osaka"], ["Aichi Cancer Center Hospital", "Nagoya"]] },
  { country: "Taiwan", weight: 2, names: "taiwanese", credentials: ["MD", "MD, PhD"], institutions: [["Taipei Veterans General Hospital", "Taipei"], ["National Taiwan University Hospital", "Taipei"], ["Chang Gung Memorial Hospital", "Taoyuan"]] },
  { country: "Singapore", weight: 2, names: "singaporean", credentials: ["MBBS, FRCR", "MBBS, FRCR, EBIR"], institutions: [["Singapore General Hospital", "Singapore"], ["National University Hospital", "Singapore"], ["Tan Tock Seng Hospital", "Singapore"]] },
  { country: "Australia", weight: 3, names: "british", credentials: ["MBBS, FRANZCR", "MBBS, FRANZCR, EBIR"], institutions: [["The Alfred Hospital", "Melbourne"], ["Royal Melbourne Hospital", "Melbourne"], ["Royal Prince Alfred Hospital", "Sydney"], ["Royal Brisbane and Women's Hospital", "Brisbane"]] },
  { country: "United Kingdom", weight: 4, names: "british", credentials: ["MBBS, FRCR", "MB BCh, FRCR", "MD, FRCR, EBIR"], institutions: [["Guy's and St Thomas' NHS Foundation Trust", "London"], ["King's College Hospital", "London"], ["Oxford University Hospitals", "Oxford"], ["Leeds Teaching Hospitals", "Leeds"], ["Royal Infirmary of Edinburgh", "Edinburgh"]] },
  { country: "Austria", weight: 2, names: "germanic", credentials: europeanCredentials, institutions: [["Medical University of Vienna", "Vienna"], ["Medical University of Innsbruck", "Innsbruck"], ["Medical University of Graz", "Graz"]] },
  { country: "Germany", weight: 3, names: "germanic", credentials: europeanCredentials, institutions: [["Charité – Universitätsmedizin Berlin", "Berlin"], ["University Hospital Frankfurt", "Frankfurt"], ["LMU University Hospital", "Munich"], ["University Hospital Heidelberg", "Heidelberg"]] },
  { country: "Switzerland", weight: 2, names: "germanic", credentials: europeanCredentials, institutions: [["Inselspital, Bern University Hospital", "Bern"], ["University Hospital Zurich", "Zurich"], ["Lausanne University Hospital (CHUV)", "Lausanne"]] },
  { country: "Greece", weight: 2, names: "greek", credentials: europeanCredentials, institutions: [["Attikon University Hospital", "Athens"], ["University Hospital of Heraklion", "Heraklion"], ["AHEPA University Hospital", "Thessaloniki"]] },
  { country: "Italy", weight: 3, names: "italian", credentials: europeanCredentials, institutions: [["Policlinico Umberto I, Sapienza University of Rome", "Rome"], ["Humanitas Research Hospital", "Milan"], ["Pisa University Hospital", "Pisa"], ["European Institute of Oncology", "Milan"]] },
  { country: "Netherlands", weight: 2, names: "dutch", credentials: europeanCredentials, institutions: [["Amsterdam UMC", "Amsterdam"], ["Radboud University Medical Center", "Nijmegen"], ["Erasmus MC", "Rotterdam"], ["UMC Utrecht", "Utrecht"]] },
  { country: "France", weight: 3, names: "french", credentials: europeanCredentials, institutions: [["Gustave Roussy", "Villejuif"], ["Hôpital Européen Georges-Pompidou", "Paris"], ["Hospices Civils de Lyon", "Lyon"], ["Institut Bergonié", "Bordeaux"]] },
  { country: "Spain", weight: 2, names: "spanish", credentials: europeanCredentials, institutions: [["Hospital Clínic de Barcelona", "Barcelona"], ["Clínica Universidad de Navarra", "Pamplona"], ["Hospital Universitario La Paz", "Madrid"]] },
  { country: "Brazil", weight: 2, names: "brazilian", credentials: ["MD", "MD, PhD"], institutions: [["Hospital Israelita Albert Einstein", "São Paulo"], ["Hospital Sírio-Libanês", "São Paulo"], ["Hospital das Clínicas, University of São Paulo", "São Paulo"]] },
  { country: "Argentina", weight: 1, names: "argentine", credentials: ["MD", "MD, PhD"], institutions: [["Hospital Italiano de Buenos Aires", "Buenos Aires"], ["Hospital Alemán", "Buenos Aires"]] },
  { country: "India", weight: 2, names: "indian", credentials: ["MBBS, MD", "MD, DNB", "MBBS, MD, FVIR"], institutions: [["All India Institute of Medical Sciences", "New Delhi"], ["Tata Memorial Hospital", "Mumbai"], ["Christian Medical College", "Vellore"]] },
];

const medicalSchools: [string, string][] = [
  ["Johns Hopkins University School of Medicine", "Baltimore"], ["University of Michigan Medical School", "Ann Arbor"],
  ["Perelman School of Medicine at the University of Pennsylvania", "Philadelphia"], ["Northwestern University Feinberg School of Medicine", "Chicago"],
  ["University of Arizona College of Medicine – Phoenix", "Phoenix"], ["Baylor College of Medicine", "Houston"], ["Emory University School of Medicine", "Atlanta"],
  ["Stanford University School of Medicine", "Stanford"], ["Washington University School of Medicine in St. Louis", "St. Louis"],
  ["UCSF School of Medicine", "San Francisco"], ["Mayo Clinic Alix School of Medicine", "Scottsdale"], ["University of Toronto Temerty Faculty of Medicine", "Toronto"],
];

const facultyRoles = [
  "an interventional radiologist",
  "an interventional radiologist",
  "an assistant professor of radiology",
  "an associate professor of radiology",
  "a professor of radiology",
  "section chief of interventional radiology",
  "program director of the integrated IR residency",
  "vice chair of clinical operations in radiology",
];

export type TrackInterests = { slug: string; interests: string[] };

export type SpeakerPlan = {
  random: Random;
  /** Honourees and other fixed people, each with the tracks they speak in. */
  pinned: { slug?: string; person: PersonSeed; tracks: string[] }[];
  faculty: number;
  trainees: number;
  students: number;
  /** Clinical tracks the generated faculty are spread over, with phrases for their bios. */
  tracks: TrackInterests[];
  /** "interventional oncologist" for SIO, to word bios. */
  specialist: string;
  traineeKind: "resident" | "fellow";
};

function location(city: string, country: string) {
  return country === "United States" ? city : `${city}, ${country}`;
}

function pickWeighted(random: Random, pools: CountryPool[]): CountryPool {
  const total = pools.reduce((sum, pool) => sum + pool.weight, 0);
  let roll = random.next() * total;
  for (const pool of pools) {
    roll -= pool.weight;
    if (roll < 0) return pool;
  }
  return pools[pools.length - 1]!;
}

export function generateSpeakers(plan: SpeakerPlan): SpeakerSeed[] {
  const { random } = plan;
  const slugFor = createSlugger();
  const speakers: SpeakerSeed[] = [];
  const takenNames = new Set<string>();

  for (const { slug, person, tracks } of plan.pinned) {
    takenNames.add(person.name);
    const assigned = slugFor(slug ?? person.name);
    speakers.push({ ...person, kind: person.kind ?? "faculty", slug: assigned, tracks });
  }

  const freshName = (pool: CountryPool, middleInitial: boolean) => {
    const list = names[pool.names];
    for (;;) {
      const first = random.pick(list.first);
      const initial = middleInitial && random.next() < 0.35 ? ` ${String.fromCharCode(65 + random.int(0, 25))}.` : "";
      const name = `${first}${initial} ${random.pick(list.last)}`;
      if (!takenNames.has(name)) {
        takenNames.add(name);
        return name;
      }
    }
  };

  for (let i = 0; i < plan.faculty; i++) {
    const pool = pickWeighted(random, countries);
    const name = freshName(pool, pool.names === "northAmerican");
    const [affiliation, city] = random.pick(pool.institutions);
    const track = plan.tracks[i % plan.tracks.length]!;
    const [first, second] = random.shuffle(track.interests);
    const role = random.pick(facultyRoles).replace("interventional radiologist", plan.specialist);
    speakers.push({
      slug: slugFor(name),
      name,
      credentials: random.pick(pool.credentials),
      affiliation,
      city,
      country: pool.country,
      bio: `${name} is ${role} at ${affiliation} in ${location(city, pool.country)}. Clinical and research interests include ${first} and ${second}.`,
      kind: "faculty",
      tracks: [track.slug],
    });
  }

  const northAmerica = countries.filter((pool) => pool.names === "northAmerican");
  for (let i = 0; i < plan.trainees; i++) {
    const pool = i % 5 === 4 ? pickWeighted(random, countries) : pickWeighted(random, northAmerica);
    const name = freshName(pool, false);
    const [affiliation, city] = random.pick(pool.institutions);
    const track = plan.tracks[i % plan.tracks.length]!;
    const bio =
      plan.traineeKind === "resident"
        ? `${name} is a PGY-${random.int(3, 6)} integrated interventional radiology resident at ${affiliation} and a member of the SIR Resident, Fellow and Student Section, with research in ${random.pick(track.interests)}.`
        : `${name} is an interventional oncology fellow at ${affiliation} in ${location(city, pool.country)}, with research in ${random.pick(track.interests)}.`;
    speakers.push({ slug: slugFor(name), name, credentials: "MD", affiliation, city, country: pool.country, bio, kind: plan.traineeKind, tracks: [track.slug] });
  }

  for (let i = 0; i < plan.students; i++) {
    const pool = pickWeighted(random, northAmerica);
    const name = freshName(pool, false);
    const [affiliation, city] = random.pick(medicalSchools);
    const country = city === "Toronto" ? "Canada" : "United States";
    const year = random.pick(["MS3", "MS4", "MS4"]);
    speakers.push({
      slug: slugFor(name),
      name,
      credentials: year,
      affiliation,
      city,
      country,
      bio: `${name} is a ${year === "MS4" ? "fourth" : "third"}-year medical student at ${affiliation} applying to interventional radiology, and a member of the SIR Resident, Fellow and Student Section.`,
      kind: "student",
      tracks: [],
    });
  }
  return speakers;
}

/** Someone from the same pools as the generated faculty (authors, reviewers): a name and an institution. */
export function randomPerson(random: Random, takenNames: Set<string>) {
  const pool = pickWeighted(random, countries);
  const list = names[pool.names];
  for (;;) {
    const name = `${random.pick(list.first)} ${random.pick(list.last)}`;
    if (takenNames.has(name)) continue;
    takenNames.add(name);
    const [institution, city] = random.pick(pool.institutions);
    return { name, institution, city, country: pool.country };
  }
}

/** Another institution of the same country as `country`, for co-authors from a second centre. */
export function institutionIn(random: Random, country: string): [string, string] {
  const pool = countries.find((candidate) => candidate.country === country) ?? countries[0]!;
  return random.pick(pool.institutions);
}
