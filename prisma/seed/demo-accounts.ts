// Demo accounts, created only by seedDatabase(prisma, { demo: true }) (npm start on an
// empty database, the test template). They all share one documented password.
import type { MeetingRoleKind } from "../../app/generated/prisma/enums";
import { DEMO_MODERATOR_SPEAKER } from "./sir-2023";

export const DEMO_PASSWORD = "demo-password-2023";

export type DemoAccount = {
  email: string;
  name: string;
  isAdmin: boolean;
  roles: { meeting: string; role: MeetingRoleKind }[];
  /** A speaker profile of that meeting linked to this account. */
  speaker?: { meeting: string; slug: string };
};

export const demoAccounts: DemoAccount[] = [
  {
    email: "organizer@example.org",
    name: "Dana Whitaker",
    isAdmin: false,
    roles: [
      { meeting: "sir-2023", role: "ORGANIZER" },
      { meeting: "sio-2023", role: "ORGANIZER" },
    ],
  },
  {
    email: "moderator@example.org",
    name: "Jordan A. Ellis",
    isAdmin: false,
    roles: [{ meeting: "sir-2023", role: "MODERATOR" }],
    speaker: { meeting: "sir-2023", slug: DEMO_MODERATOR_SPEAKER },
  },
  { email: "attendee@example.org", name: "Sam Patel", isAdmin: false, roles: [{ meeting: "sir-2023", role: "ATTENDEE" }] },
  { email: "student@example.org", name: "Riley Chen", isAdmin: false, roles: [{ meeting: "sir-2023", role: "ATTENDEE" }] },
  // Door staff: the check-in page of SIR 2023 and nothing else of the console.
  { email: "door@example.org", name: "Morgan Hale", isAdmin: false, roles: [{ meeting: "sir-2023", role: "CHECK_IN" }] },
  // An abstract reviewer of SIR 2023's call (its reviews were seeded with the call).
  { email: "reviewer@example.org", name: "Priya Raman", isAdmin: false, roles: [{ meeting: "sir-2023", role: "REVIEWER" }] },
  { email: "admin@example.org", name: "Site Administrator", isAdmin: true, roles: [] },
];
