// A meeting's name, dates and place as the pages and the certificate print
// them ("SIR 2023 · March 4–9, 2023 · Phoenix Convention Center, Phoenix").
// No database client here: the certificate is issued inside a caller's
// transaction, the seed's included.
import type { Prisma } from "~/generated/prisma/client";

export const meetingDatesAndPlaceSelect = {
  slug: true,
  name: true,
  startsOn: true,
  endsOn: true,
  timeZone: true,
  format: true,
  venue: true,
  city: true,
} satisfies Prisma.MeetingSelect;
