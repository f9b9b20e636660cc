// The two host societies and the partner societies their joint sessions name, as
// listed on SIR's international page and CIRSE's partner page (shared/seeds 001, 003).

export type SocietySeed = { slug: string; name: string; shortName: string; websiteUrl: string | null };

export const societies: SocietySeed[] = [
  { slug: "sir", name: "Society of Interventional Radiology", shortName: "SIR", websiteUrl: "https://www.sirweb.org" },
  { slug: "sio", name: "Society of Interventional Oncology", shortName: "SIO", websiteUrl: "https://www.sio-central.org" },
  { slug: "cirse", name: "Cardiovascular and Interventional Radiological Society of Europe", shortName: "CIRSE", websiteUrl: "https://www.cirse.org" },
  { slug: "apscvir", name: "Asia Pacific Society of Cardiovascular and Interventional Radiology", shortName: "APSCVIR", websiteUrl: null },
  { slug: "esr", name: "European Society of Radiology", shortName: "ESR", websiteUrl: "https://www.myesr.org" },
  { slug: "efrs", name: "European Federation of Radiographer Societies", shortName: "EFRS", websiteUrl: "https://www.efrs.eu" },
  { slug: "ranzcr", name: "Royal Australian and New Zealand College of Radiologists", shortName: "RANZCR", websiteUrl: "https://www.ranzcr.com" },
  { slug: "irsa", name: "Interventional Radiology Society of Australasia", shortName: "IRSA", websiteUrl: null },
  { slug: "bsir", name: "British Society of Interventional Radiology", shortName: "BSIR", websiteUrl: "https://www.bsir.org" },
  { slug: "jsir", name: "Japanese Society of Interventional Radiology", shortName: "JSIR", websiteUrl: null },
  { slug: "ksir", name: "Korean Society of Interventional Radiology", shortName: "KSIR", websiteUrl: null },
  { slug: "cair", name: "Canadian Association for Interventional Radiology", shortName: "CAIR", websiteUrl: null },
  { slug: "asir", name: "Austrian Society of Interventional Radiology", shortName: "ASIR", websiteUrl: null },
  { slug: "degir", name: "German Society of Interventional Radiology and Minimally Invasive Therapy", shortName: "DeGIR", websiteUrl: null },
  { slug: "ngir", name: "Dutch Society of Interventional Radiology", shortName: "NGIR", websiteUrl: null },
  { slug: "servei", name: "Spanish Society of Vascular and Interventional Radiology", shortName: "SERVEI", websiteUrl: null },
  { slug: "sirm", name: "Sezione di Studio della SIRM di Radiologia Vascolare ed Interventistica", shortName: "SIRM", websiteUrl: null },
  { slug: "sfr", name: "Radiology Society of France", shortName: "SFR", websiteUrl: null },
  { slug: "sscvir", name: "Swiss Society of Cardiovascular and Interventional Radiology", shortName: "SSCVIR", websiteUrl: null },
  { slug: "gsir", name: "Hellenic Society of Interventional Radiology, Vascular Radiology and Neuroradiology", shortName: "GSIR", websiteUrl: null },
  { slug: "sobrice", name: "Brazilian Society of Interventional Radiology and Endovascular Surgery", shortName: "SoBrice", websiteUrl: null },
  { slug: "carvi", name: "Colegio Argentino de Radiología Vascular e Intervencionista", shortName: "CARVI", websiteUrl: null },
  { slug: "isvir", name: "Indian Society of Vascular and Interventional Radiology", shortName: "ISVIR", websiteUrl: null },
  { slug: "hksir", name: "Hong Kong Society of Interventional Radiology", shortName: "HKSIR", websiteUrl: null },
  { slug: "isir", name: "Irish Society of Interventional Radiology", shortName: "ISIR", websiteUrl: null },
];
