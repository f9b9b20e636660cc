// The e2e server's own database (e2e/server.ts seeds meetings_e2e_<port> on the
// test PostgreSQL), for specs that arrange or inspect rows the way the app would.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import type { MeetingRoleKind } from "../app/generated/prisma/enums";
import type { Account } from "./sign-in";

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDatabaseUrl = `${process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432"}/meetings_e2e_${port}`;

/** Runs `work` with a connection to the e2e database, closed afterwards. */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * An account of the test's own, made as sign-up would leave it (sparing the
 * per-network sign-up limit), with `roles` in meetings given by slug: for tests
 * that end other sign-ins of their person, which must not be a demo account
 * whose sign-in fixtures.ts saved for the specs after it.
 */
export async function makeAccount(name: string, password: string, roles: { meeting: string; role: MeetingRoleKind }[] = []): Promise<Account> {
  const email = `e2e-${randomUUID()}@example.org`;
  const passwordHash = await hash(password);
  await withE2eDatabase(async (client) => {
    const userId = randomUUID();
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, $3, $4)`, [userId, email, name, passwordHash]);
    for (const { meeting, role } of roles) {
      await client.query(`INSERT INTO "MeetingRole" (id, "meetingId", "userId", role) SELECT $1, id, $2, $3::"MeetingRoleKind" FROM "Meeting" WHERE slug = $4`, [randomUUID(), userId, role, meeting]);
    }
  });
  return { email, password };
}

/**
 * A meeting of the spec's own, so it can change the program and the call
 * without touching the seeded meetings the other specs count on: SIR's,
 * hybrid, 20 to 24 March 2027 in Phoenix. Returns its id.
 */
export async function insertMeeting(client: pg.Client, meeting: { slug: string; name: string; description: string }): Promise<string> {
  const meetingId = randomUUID();
  await client.query(
    `INSERT INTO "Meeting" (id, slug, name, "societyId", "startsOn", "endsOn", "timeZone", format, description)
     SELECT $1, $2, $3, id, '2027-03-20', '2027-03-24', 'America/Phoenix', 'HYBRID', $4 FROM "Society" WHERE slug = 'sir'`,
    [meetingId, meeting.slug, meeting.name, meeting.description],
  );
  return meetingId;
}

/** Gives the account with `email` a role in the meeting `meetingId`. */
export async function grantRole(client: pg.Client, meetingId: string, email: string, role: MeetingRoleKind): Promise<void> {
  await client.query(`INSERT INTO "MeetingRole" (id, "meetingId", "userId", role) SELECT $1, $2, id, $3::"MeetingRoleKind" FROM "User" WHERE email = $4`, [randomUUID(), meetingId, role, email]);
}
