-- Mail goes through a job queue: each message is a row written in the same
-- transaction as its cause, and a pg-boss job (schema "pgboss", installed by the
-- migration runner) delivers it with retries.
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

CREATE TABLE "OutgoingMail" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "holdsSecret" BOOLEAN NOT NULL DEFAULT false,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutgoingMail_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OutgoingMail_meetingId_status_createdAt_idx" ON "OutgoingMail"("meetingId", "status", "createdAt");
CREATE INDEX "OutgoingMail_status_createdAt_idx" ON "OutgoingMail"("status", "createdAt");

ALTER TABLE "OutgoingMail" ADD CONSTRAINT "OutgoingMail_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
