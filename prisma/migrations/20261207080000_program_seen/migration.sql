-- "What changed since I last looked" is one mark per person and meeting (the
-- newest release they have seen) instead of a read time on every notice: My
-- schedule, its count in the navigation and the changelog all read it.
CREATE TABLE "ProgramSeen" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "releaseNumber" INTEGER NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramSeen_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ProgramSeen_userId_meetingId_key" ON "ProgramSeen"("userId", "meetingId");
CREATE INDEX "ProgramSeen_meetingId_idx" ON "ProgramSeen"("meetingId");

ALTER TABLE "ProgramSeen" ADD CONSTRAINT "ProgramSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgramSeen" ADD CONSTRAINT "ProgramSeen_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Mark as read" marked every unread notice at once, so the read ones are always
-- the oldest: the newest release among them is exactly what the person had seen.
INSERT INTO "ProgramSeen" ("id", "userId", "meetingId", "releaseNumber", "seenAt")
SELECT gen_random_uuid()::text, n."userId", n."meetingId", max(r."number"), max(n."readAt")
  FROM "ProgramNotice" n JOIN "AgendaRelease" r ON r."id" = n."releaseId"
 WHERE n."readAt" IS NOT NULL
 GROUP BY n."userId", n."meetingId";

ALTER TABLE "ProgramNotice" DROP COLUMN "readAt";
