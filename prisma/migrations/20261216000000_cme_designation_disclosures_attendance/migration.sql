-- Continuing medical education, part 1: the meeting's credit designation and
-- each session's credit, faculty disclosures with their history, and the two
-- kinds of attendance evidence (intervals on the live page, scans at the door).
-- Credit is stored in quarter hours so that every sum is exact.

ALTER TYPE "MeetingRoleKind" ADD VALUE 'CHECK_IN';

CREATE TYPE "DisclosureRole" AS ENUM ('FACULTY', 'PLANNER');
CREATE TYPE "RelationshipNature" AS ENUM ('EMPLOYEE', 'RESEARCHER', 'CONSULTANT', 'ADVISOR', 'SPEAKER', 'INDEPENDENT_CONTRACTOR', 'ROYALTIES_OR_PATENT', 'EXECUTIVE_ROLE', 'OWNERSHIP_INTEREST', 'OTHER');
CREATE TYPE "CheckInDirection" AS ENUM ('IN', 'OUT');

ALTER TABLE "Session"
    ADD COLUMN "cmeAccredited" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "creditQuarters" INTEGER,
    ADD COLUMN "saCme" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Speaker" ADD COLUMN "email" TEXT;

CREATE TABLE "CreditDesignation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "accreditationStatement" TEXT NOT NULL,
    "designationStatement" TEXT NOT NULL,
    "offersAmaPra" BOOLEAN NOT NULL DEFAULT true,
    "offersParticipation" BOOLEAN NOT NULL DEFAULT true,
    "offersSaCme" BOOLEAN NOT NULL DEFAULT false,
    "maxCreditQuarters" INTEGER NOT NULL,
    "claimDeadline" DATE NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditDesignation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CreditDesignation_meetingId_key" ON "CreditDesignation"("meetingId");
ALTER TABLE "CreditDesignation" ADD CONSTRAINT "CreditDesignation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Disclosure" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "role" "DisclosureRole" NOT NULL,
    "speakerId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3),
    "lastRemindedAt" TIMESTAMPTZ(3),
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3),
    "noRelationships" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Disclosure_speakerId_key" ON "Disclosure"("speakerId");
CREATE UNIQUE INDEX "Disclosure_tokenHash_key" ON "Disclosure"("tokenHash");
CREATE INDEX "Disclosure_meetingId_submittedAt_idx" ON "Disclosure"("meetingId", "submittedAt");
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "FinancialRelationship" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "nature" "RelationshipNature" NOT NULL,
    "ongoing" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "relevant" BOOLEAN,
    "mitigation" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FinancialRelationship_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "FinancialRelationship_disclosureId_idx" ON "FinancialRelationship"("disclosureId");
CREATE INDEX "FinancialRelationship_reviewedById_idx" ON "FinancialRelationship"("reviewedById");
ALTER TABLE "FinancialRelationship" ADD CONSTRAINT "FinancialRelationship_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FinancialRelationship" ADD CONSTRAINT "FinancialRelationship_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "DisclosureVersion" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "byUserId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "DisclosureVersion_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DisclosureVersion_disclosureId_at_idx" ON "DisclosureVersion"("disclosureId", "at");
CREATE INDEX "DisclosureVersion_byUserId_idx" ON "DisclosureVersion"("byUserId");
ALTER TABLE "DisclosureVersion" ADD CONSTRAINT "DisclosureVersion_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DisclosureVersion" ADD CONSTRAINT "DisclosureVersion_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "AttendanceInterval" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AttendanceInterval_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AttendanceInterval_sessionId_userId_idx" ON "AttendanceInterval"("sessionId", "userId");
CREATE INDEX "AttendanceInterval_userId_startedAt_idx" ON "AttendanceInterval"("userId", "startedAt");
ALTER TABLE "AttendanceInterval" ADD CONSTRAINT "AttendanceInterval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AttendanceInterval" ADD CONSTRAINT "AttendanceInterval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT,
    "direction" "CheckInDirection" NOT NULL,
    "scannedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scannedById" TEXT,
    "scanId" TEXT NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CheckIn_scanId_key" ON "CheckIn"("scanId");
CREATE INDEX "CheckIn_meetingId_sessionId_scannedAt_idx" ON "CheckIn"("meetingId", "sessionId", "scannedAt");
CREATE INDEX "CheckIn_userId_meetingId_idx" ON "CheckIn"("userId", "meetingId");
CREATE INDEX "CheckIn_registrationId_idx" ON "CheckIn"("registrationId");
CREATE INDEX "CheckIn_sessionId_idx" ON "CheckIn"("sessionId");
CREATE INDEX "CheckIn_scannedById_idx" ON "CheckIn"("scannedById");
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_scannedById_fkey" FOREIGN KEY ("scannedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
