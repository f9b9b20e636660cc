// Every public URL of the platform, built in one place. Routes, components,
// models, mail and feeds call these instead of writing "/meetings/${…}" by
// hand, so a URL is spelled once and a typo is a type error. Paths only (the
// browser and Remix want them); `absoluteUrl` in href.server.ts adds the
// origin for mail, feeds and Stripe.
//
// Slugs are encoded: a route that echoes `params.meeting` into a link cannot
// inject a path. Query values that are null, undefined or "" are left out.

export type Slug = string | { slug: string };
export type Query = Record<string, string | number | boolean | null | undefined>;

const seg = (part: Slug): string => encodeURIComponent(typeof part === "string" ? part : part.slug);

/** `path` with the query's non-empty values appended. */
export function withQuery(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

const meeting = (m: Slug) => `/meetings/${seg(m)}`;
const console_ = (m: Slug) => `/organize/${seg(m)}`;

export const href = {
  home: () => "/",

  // Accounts. `redirectTo` is where the person goes after signing in; `add`, a
  // session they pressed "Add to my schedule" on while signed out.
  login: (redirectTo?: string | null, add?: string | null) => withQuery("/login", { redirectTo, add }),
  logout: () => "/logout",
  signup: (redirectTo?: string | null, add?: string | null) => withQuery("/signup", { redirectTo, add }),
  signupConfirmation: (token: string) => `/signup/confirm/${seg(token)}`,
  forgotPassword: () => "/forgot-password",
  resetPassword: (token: string) => `/reset-password/${seg(token)}`,
  invitation: (token: string) => `/invitations/${seg(token)}`,
  account: () => "/account",
  /** A person's own schedule as a calendar feed. */
  personalCalendar: (token: string) => `/calendar/${seg(token)}.ics`,
  realtimeTicket: () => "/realtime/ticket",
  /** Where Stripe (and the test gateway standing in for it) delivers its events. */
  stripeWebhook: () => "/webhooks/stripe",

  // A meeting's public pages.
  meeting: (m: Slug) => meeting(m),
  agenda: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/agenda`, query),
  agendaCalendar: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/agenda.ics`, query),
  changelog: (m: Slug) => `${meeting(m)}/changelog`,
  changelogFeed: (m: Slug) => `${meeting(m)}/changelog.atom`,
  schedule: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/schedule`, query),
  frabXml: (m: Slug) => `${meeting(m)}/schedule.xml`,
  frabJson: (m: Slug) => `${meeting(m)}/schedule.json`,
  session: (m: Slug, s: Slug) => `${meeting(m)}/sessions/${seg(s)}`,
  /** The public address; the server rewrites it to the …/calendar.ics resource route. */
  sessionCalendar: (m: Slug, s: Slug) => `${meeting(m)}/sessions/${seg(s)}.ics`,
  live: (m: Slug, s: Slug) => `${meeting(m)}/sessions/${seg(s)}/live`,
  moderate: (m: Slug, s: Slug) => `${meeting(m)}/sessions/${seg(s)}/moderate`,
  present: (m: Slug, s: Slug) => `${meeting(m)}/sessions/${seg(s)}/present`,
  /** The short address of a session's live page that the projector shows for asking. */
  ask: (code: string) => `/q/${seg(code)}`,
  speakers: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/speakers`, query),
  speaker: (m: Slug, speaker: Slug) => `${meeting(m)}/speakers/${seg(speaker)}`,
  tracks: (m: Slug) => `${meeting(m)}/tracks`,
  track: (m: Slug, track: Slug) => `${meeting(m)}/tracks/${seg(track)}`,
  trackCalendar: (m: Slug, track: Slug) => `${meeting(m)}/tracks/${seg(track)}.ics`,

  // Registration.
  register: (m: Slug) => `${meeting(m)}/register`,
  /** Stripe fills in {CHECKOUT_SESSION_ID}; the braces must stay unencoded. */
  registerSuccess: (m: Slug, checkoutSession = "{CHECKOUT_SESSION_ID}") => `${meeting(m)}/register/success?session_id=${checkoutSession}`,
  registerCancelled: (m: Slug, order: string) => withQuery(`${meeting(m)}/register/cancelled`, { order }),
  testPayment: (m: Slug, order: string) => `${meeting(m)}/register/test-payment/${seg(order)}`,
  /** `done` says what just happened, for the page's banner. */
  registration: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/registration`, query),
  confirmInstitutionalEmail: (m: Slug, token: string) => `${meeting(m)}/registration/confirm-email/${seg(token)}`,
  registrationDocument: (m: Slug, document: string) => `${meeting(m)}/registration/documents/${seg(document)}`,
  receipt: (m: Slug) => `${meeting(m)}/registration/receipt`,

  // Continuing medical education.
  /** My CME: the sessions I attended, minutes and where (online, in the room). */
  myCme: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/cme`, query),
  /** The meeting's evaluation, or a session's when one is named. */
  evaluation: (m: Slug, s?: Slug) => (s ? `${meeting(m)}/cme/evaluation/${seg(s)}` : `${meeting(m)}/cme/evaluation`),
  /** A faculty member's or planner's disclosure form: a personal link, no account needed. */
  disclosure: (token: string) => `/disclosures/${seg(token)}`,
  /** An SA-CME session's self-assessment questions. */
  selfAssessment: (m: Slug, s: Slug) => `${meeting(m)}/cme/self-assessment/${seg(s)}`,
  /** A certificate's PDF, for the learner it was issued to. */
  certificatePdf: (m: Slug, code: string) => `${meeting(m)}/cme/certificates/${seg(code)}.pdf`,
  /** Public: anyone shown a certificate confirms it here, no sign-in. */
  verifyCertificate: (code: string) => `/verify/${seg(code)}`,
  /** Public: the form to type a certificate's verification code into. */
  verify: () => "/verify",
  /** Every meeting's certificates of the signed-in person. */
  transcript: () => "/account/transcript",

  // The call for abstracts. Abstracts are addressed by id: a draft has no number yet.
  /** The call and the signed-in author's submissions. */
  abstracts: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/abstracts`, query),
  /** Starts a new draft (POST), then edits it. */
  newAbstract: (m: Slug) => `${meeting(m)}/abstracts/new`,
  /** An author's abstract: edit (autosaved), submit, withdraw. */
  abstract: (m: Slug, abstract: string, query?: Query) => withQuery(`${meeting(m)}/abstracts/${seg(abstract)}`, query),
  /** The abstract exactly as it will print in the book of abstracts. */
  abstractPreview: (m: Slug, abstract: string) => `${meeting(m)}/abstracts/${seg(abstract)}/preview`,
  /** The presenting author confirms (or declines) an accepted abstract's place. */
  abstractConfirm: (m: Slug, abstract: string) => `${meeting(m)}/abstracts/${seg(abstract)}/confirm`,
  /** The presenter uploads the poster file and sees its board and hours. */
  abstractPoster: (m: Slug, abstract: string) => `${meeting(m)}/abstracts/${seg(abstract)}/poster`,
  /** A reviewer's queue: the abstracts assigned to them, blind. */
  reviews: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/reviews`, query),
  /** One assignment: the blind abstract and the rubric. Addressed by assignment, which says nothing of the abstract. */
  review: (m: Slug, assignment: string) => `${meeting(m)}/reviews/${seg(assignment)}`,
  /** The e-poster gallery; query `q`, `topic`. */
  posters: (m: Slug, query?: Query) => withQuery(`${meeting(m)}/posters`, query),
  /** One poster, by its abstract number. */
  poster: (m: Slug, number: number) => `${meeting(m)}/posters/${number}`,
  /** The poster's file (PDF or image). */
  posterFile: (m: Slug, number: number) => `${meeting(m)}/posters/${number}/file`,
  /** Every accepted abstract by session and topic, with an author index: a printable page, and its PDF. */
  bookOfAbstracts: (m: Slug) => `${meeting(m)}/book-of-abstracts`,
  bookOfAbstractsPdf: (m: Slug) => `${meeting(m)}/book-of-abstracts.pdf`,

  // The organizers' console.
  organize: {
    home: () => "/organize",
    meeting: (m: Slug) => console_(m),
    audit: (m: Slug, query?: Query) => withQuery(`${console_(m)}/audit`, query),
    clashes: (m: Slug) => `${console_(m)}/clashes`,
    programCsv: (m: Slug, source: "draft" | "published") => withQuery(`${console_(m)}/export.csv`, { source }),
    import: (m: Slug) => `${console_(m)}/import`,
    mail: (m: Slug, query?: Query) => withQuery(`${console_(m)}/mail`, query),
    preview: (m: Slug, query?: Query) => withQuery(`${console_(m)}/preview`, query),
    publish: (m: Slug, query?: Query) => withQuery(`${console_(m)}/publish`, query),
    registrations: (m: Slug, query?: Query) => withQuery(`${console_(m)}/registrations`, query),
    registration: (m: Slug, registration: string, query?: Query) => withQuery(`${console_(m)}/registrations/${seg(registration)}`, query),
    verification: (m: Slug) => `${console_(m)}/registrations/verification`,
    registrationsCsv: (m: Slug, query?: Query) => withQuery(`${console_(m)}/registrations.csv`, query),
    rooms: (m: Slug) => `${console_(m)}/rooms`,
    sessions: (m: Slug, query?: Query) => withQuery(`${console_(m)}/sessions`, query),
    session: (m: Slug, s: Slug, query?: Query) => withQuery(`${console_(m)}/sessions/${seg(s)}`, query),
    newSession: (m: Slug, query?: Query) => withQuery(`${console_(m)}/sessions/new`, query),
    speakers: (m: Slug, query?: Query) => withQuery(`${console_(m)}/speakers`, query),
    speaker: (m: Slug, speaker: Slug, query?: Query) => withQuery(`${console_(m)}/speakers/${seg(speaker)}`, query),
    team: (m: Slug) => `${console_(m)}/team`,
    tracks: (m: Slug) => `${console_(m)}/tracks`,
    /** CME settings: the designation, statements, credit types, maximum and deadline. */
    cme: (m: Slug) => `${console_(m)}/cme`,
    disclosures: (m: Slug, query?: Query) => withQuery(`${console_(m)}/cme/disclosures`, query),
    disclosuresCsv: (m: Slug) => `${console_(m)}/cme/disclosures.csv`,
    attendance: (m: Slug, query?: Query) => withQuery(`${console_(m)}/cme/attendance`, query),
    attendanceCsv: (m: Slug, query?: Query) => withQuery(`${console_(m)}/cme/attendance.csv`, query),
    /** One person's full attendance record. */
    attendee: (m: Slug, user: string) => `${console_(m)}/cme/attendance/${seg(user)}`,
    checkIn: (m: Slug, query?: Query) => withQuery(`${console_(m)}/check-in`, query),
    /** Where the check-in page's scanner sends each scan (queued ones too), as a form; answers JSON. */
    checkInScans: (m: Slug) => `${console_(m)}/check-in/scans`,
    evaluations: (m: Slug, query?: Query) => withQuery(`${console_(m)}/cme/evaluations`, query),
    /** The SA-CME sessions' self-assessment questions. */
    selfAssessment: (m: Slug, query?: Query) => withQuery(`${console_(m)}/cme/self-assessment`, query),
    /** The provider's report: claims, credits, evaluation results, commitments to change. */
    cmeReport: (m: Slug) => `${console_(m)}/cme/report`,
    claimsCsv: (m: Slug) => `${console_(m)}/cme/report/claims.csv`,
    evaluationCsv: (m: Slug, scope: "meeting" | "session") => withQuery(`${console_(m)}/cme/report/evaluation.csv`, { scope }),
    /** The learner-completion file for ACCME's PARS batch upload (tab-delimited). */
    parsFile: (m: Slug) => `${console_(m)}/cme/report/pars.txt`,
    /** The chairs' progress board of the call. */
    abstracts: (m: Slug, query?: Query) => withQuery(`${console_(m)}/abstracts`, query),
    /** The call: windows, topics, sections and limits, authors, rubric. */
    abstractSettings: (m: Slug) => `${console_(m)}/abstracts/settings`,
    /** Reviewers: invitations with topics and institutions. */
    reviewers: (m: Slug) => `${console_(m)}/abstracts/reviewers`,
    /** Automatic, balanced assignment with manual override. */
    reviewAssignments: (m: Slug, query?: Query) => withQuery(`${console_(m)}/abstracts/assignments`, query),
    /** One abstract with its authors, reviews and assignments, for the chairs. */
    submission: (m: Slug, abstract: string) => `${console_(m)}/abstracts/submissions/${seg(abstract)}`,
    /** Ranking, decisions and placing orals into draft sessions. */
    abstractDecisions: (m: Slug, query?: Query) => withQuery(`${console_(m)}/abstracts/decisions`, query),
    /** The authors' notifications: previewed, then sent in a batch. */
    abstractNotifications: (m: Slug) => `${console_(m)}/abstracts/notifications`,
    /** Poster boards and presenters' hours; numbers boards by topic; shows which posters lack files. */
    posters: (m: Slug) => `${console_(m)}/abstracts/posters`,
  },
} as const;
