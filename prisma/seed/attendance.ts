// The demo attendee's evidence of attendance at SIR 2023, so My CME and the
// console's attendance pages have something true to show: a session watched
// online in two tabs, one attended in the room (scanned in and out), one
// partly online and then in the room without scanning out, and a scan at the
// meeting's entrance. Times are relative to each session's start; ids are
// fixed, so a second seed changes nothing.
import type { Prisma } from "../../app/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const MEETING = "sir-2023";
const ATTENDEE = "attendee@example.org";
const SCANNER = "organizer@example.org";

/** Minutes from the session's start: [from, to] online, and door scans. */
const DEMO_ATTENDANCE: { session: string; online?: [number, number][]; scans?: ["IN" | "OUT", number][] }[] = [
  { session: "tace-vs-tare-for-intermediate-stage-hcc", online: [[2, 47], [40, 85]] },
  { session: "pulmonary-embolism-catheter-directed-therapy", scans: [["IN", -2], ["OUT", 65]] },
  { session: "radiation-segmentectomy-for-early-stage-hcc", online: [[-2, 20]], scans: [["IN", 25]] },
];

export async function syncDemoAttendance(tx: Tx): Promise<void> {
  const meeting = await tx.meeting.findUnique({ where: { slug: MEETING }, select: { id: true } });
  const attendee = await tx.user.findUnique({ where: { email: ATTENDEE }, select: { id: true, registrations: { where: { meeting: { slug: MEETING } }, select: { id: true }, take: 1 } } });
  const registration = attendee?.registrations[0];
  if (!meeting || !attendee || !registration) return;
  const scanner = await tx.user.findUnique({ where: { email: SCANNER }, select: { id: true } });
  const sessions = await tx.session.findMany({ where: { meetingId: meeting.id, slug: { in: DEMO_ATTENDANCE.map((row) => row.session) } }, select: { id: true, slug: true, startsAt: true } });
  const after = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const scan = (id: string, sessionId: string | null, direction: "IN" | "OUT", scannedAt: Date) =>
    tx.checkIn.upsert({
      where: { scanId: id },
      create: { scanId: id, meetingId: meeting.id, registrationId: registration.id, userId: attendee.id, sessionId, direction, scannedAt, recordedAt: scannedAt, scannedById: scanner?.id ?? null },
      update: {},
      select: { id: true },
    });

  for (const demo of DEMO_ATTENDANCE) {
    const session = sessions.find((row) => row.slug === demo.session);
    if (!session) continue;
    for (const [index, [from, to]] of (demo.online ?? []).entries()) {
      const id = `demo-online-${demo.session}-${index}`;
      await tx.attendanceInterval.upsert({
        where: { id },
        create: { id, sessionId: session.id, userId: attendee.id, startedAt: after(session.startsAt, from), endedAt: after(session.startsAt, to) },
        update: {},
        select: { id: true },
      });
    }
    for (const [index, [direction, minutes]] of (demo.scans ?? []).entries()) {
      await scan(`demo-scan-${demo.session}-${index}`, session.id, direction, after(session.startsAt, minutes));
    }
  }
  const first = sessions.reduce<Date | null>((earliest, row) => (!earliest || row.startsAt < earliest ? row.startsAt : earliest), null);
  if (first) await scan("demo-scan-entrance-0", null, "IN", after(first, -25));
}
