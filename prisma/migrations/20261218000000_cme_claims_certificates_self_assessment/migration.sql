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

CREATE TABLE "CreditClaim" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditClaim_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CreditClaim_meetingId_userId_key" ON "CreditClaim"("meetingId", "userId");
CREATE INDEX "CreditClaim_userId_idx" ON "CreditClaim"("userId");
ALTER TABLE "CreditClaim" ADD CONSTRAINT "CreditClaim_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CreditClaim" ADD CONSTRAINT "CreditClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CreditClaimVersion" (
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

    CONSTRAINT "CreditClaimVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CreditClaimVersion_claimId_number_key" ON "CreditClaimVersion"("claimId", "number");
ALTER TABLE "CreditClaimVersion" ADD CONSTRAINT "CreditClaimVersion_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "CreditClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CreditClaimSession" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "quarters" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "selfReported" BOOLEAN NOT NULL DEFAULT false,
    "saCme" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CreditClaimSession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CreditClaimSession_versionId_sessionId_key" ON "CreditClaimSession"("versionId", "sessionId");
CREATE INDEX "CreditClaimSession_sessionId_idx" ON "CreditClaimSession"("sessionId");
ALTER TABLE "CreditClaimSession" ADD CONSTRAINT "CreditClaimSession_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CreditClaimVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CreditClaimSession" ADD CONSTRAINT "CreditClaimSession_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Certificate_versionId_key" ON "Certificate"("versionId");
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CreditClaimVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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

CREATE TABLE "CreditClaimReminder" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreditClaimReminder_pkey" PRIMARY KEY ("meetingId","userId")
);
CREATE INDEX "CreditClaimReminder_userId_idx" ON "CreditClaimReminder"("userId");
ALTER TABLE "CreditClaimReminder" ADD CONSTRAINT "CreditClaimReminder_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CreditClaimReminder" ADD CONSTRAINT "CreditClaimReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
