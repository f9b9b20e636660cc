-- CME part 2, claims and certificates: a learner's claim of credit, every
-- version of it kept (ACCME asks that claims be backed by evidence and kept),
-- the sessions each version claims, the certificate each version gets with its
-- verification code, SA-CME self-assessment questions and attempts, and the
-- claim reminders sent. Sessions that appear in claims or attempts are
-- restricted from deletion like attendance: the record outlives the program.
ALTER TABLE "CreditDesignation" ADD COLUMN "allowSelfReported" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CreditDesignation" ADD COLUMN "saCmePassingPercent" INTEGER NOT NULL DEFAULT 70;
ALTER TABLE "CreditDesignation" ADD COLUMN "accmeProviderId" TEXT;
ALTER TABLE "CreditDesignation" ADD COLUMN "parsActivityId" TEXT;

CREATE TYPE "CmeCreditType" AS ENUM ('AMA_PRA', 'PARTICIPATION');

CREATE TABLE "CmeClaim" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CmeClaim_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CmeClaim_meetingId_userId_key" ON "CmeClaim"("meetingId", "userId");
CREATE INDEX "CmeClaim_userId_idx" ON "CmeClaim"("userId");
ALTER TABLE "CmeClaim" ADD CONSTRAINT "CmeClaim_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CmeClaim" ADD CONSTRAINT "CmeClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CmeClaimVersion" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "creditType" "CmeCreditType" NOT NULL,
    "totalQuarters" INTEGER NOT NULL,
    "saCmeQuarters" INTEGER NOT NULL DEFAULT 0,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "degree" TEXT NOT NULL,
    "parsConsent" BOOLEAN NOT NULL DEFAULT false,
    "birthMonth" INTEGER,
    "birthDay" INTEGER,
    "npi" TEXT,
    "licenseState" TEXT,
    "licenseNumber" TEXT,
    "certifyingBoard" TEXT,
    "boardId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CmeClaimVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CmeClaimVersion_claimId_number_key" ON "CmeClaimVersion"("claimId", "number");
ALTER TABLE "CmeClaimVersion" ADD CONSTRAINT "CmeClaimVersion_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "CmeClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CmeClaimSession" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "quarters" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "selfReported" BOOLEAN NOT NULL DEFAULT false,
    "saCme" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CmeClaimSession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CmeClaimSession_versionId_sessionId_key" ON "CmeClaimSession"("versionId", "sessionId");
CREATE INDEX "CmeClaimSession_sessionId_idx" ON "CmeClaimSession"("sessionId");
ALTER TABLE "CmeClaimSession" ADD CONSTRAINT "CmeClaimSession_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CmeClaimVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CmeClaimSession" ADD CONSTRAINT "CmeClaimSession_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CmeCertificate" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "CmeCertificate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CmeCertificate_versionId_key" ON "CmeCertificate"("versionId");
CREATE UNIQUE INDEX "CmeCertificate_code_key" ON "CmeCertificate"("code");
ALTER TABLE "CmeCertificate" ADD CONSTRAINT "CmeCertificate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CmeClaimVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SelfAssessmentQuestion" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" TEXT[],
    "correctOption" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,

    CONSTRAINT "SelfAssessmentQuestion_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SelfAssessmentQuestion_sessionId_position_idx" ON "SelfAssessmentQuestion"("sessionId", "position");
ALTER TABLE "SelfAssessmentQuestion" ADD CONSTRAINT "SelfAssessmentQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SelfAssessmentAttempt" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "correct" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfAssessmentAttempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SelfAssessmentAttempt_userId_sessionId_idx" ON "SelfAssessmentAttempt"("userId", "sessionId");
CREATE INDEX "SelfAssessmentAttempt_sessionId_idx" ON "SelfAssessmentAttempt"("sessionId");
ALTER TABLE "SelfAssessmentAttempt" ADD CONSTRAINT "SelfAssessmentAttempt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SelfAssessmentAttempt" ADD CONSTRAINT "SelfAssessmentAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CmeClaimReminder" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CmeClaimReminder_pkey" PRIMARY KEY ("meetingId","userId")
);
CREATE INDEX "CmeClaimReminder_userId_idx" ON "CmeClaimReminder"("userId");
ALTER TABLE "CmeClaimReminder" ADD CONSTRAINT "CmeClaimReminder_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CmeClaimReminder" ADD CONSTRAINT "CmeClaimReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
