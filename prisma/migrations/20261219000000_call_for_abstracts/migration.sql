-- The call for abstracts: the call's settings (windows, sections with their
-- limits, topics, the review rubric), abstracts with their ordered authors,
-- reviewers with their topics, review assignments (removed and conflicted
-- pairs stay as rows, so the automatic plan never proposes them again),
-- reviews, posters, and the presentations (timed talks) that accepted orals
-- become inside sessions of the published program. A reviewer role opens the
-- review pages and nothing else of the console.
ALTER TYPE "MeetingRoleKind" ADD VALUE 'REVIEWER';

CREATE TYPE "AbstractStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'WITHDRAWN');
CREATE TYPE "PresentationPreference" AS ENUM ('ORAL', 'POSTER', 'EITHER');
CREATE TYPE "TraineeLevel" AS ENUM ('MEDICAL_STUDENT', 'RESIDENT', 'FELLOW');
CREATE TYPE "SectionLimitUnit" AS ENUM ('CHARACTERS', 'WORDS');
CREATE TYPE "AbstractDecision" AS ENUM ('ORAL', 'POSTER', 'EPOSTER', 'REJECT');
CREATE TYPE "ReviewAssignmentState" AS ENUM ('ACTIVE', 'REMOVED', 'CONFLICT');

CREATE TABLE "AbstractCall" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "lateBreakingOpensAt" TIMESTAMPTZ(3),
    "lateBreakingClosesAt" TIMESTAMPTZ(3),
    "totalCharacterLimit" INTEGER,
    "maxAuthors" INTEGER NOT NULL DEFAULT 12,
    "reviewsPerAbstract" INTEGER NOT NULL DEFAULT 3,
    "confirmBy" TIMESTAMPTZ(3),
    "guidelines" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AbstractCall_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractCall_meetingId_key" ON "AbstractCall"("meetingId");
ALTER TABLE "AbstractCall" ADD CONSTRAINT "AbstractCall_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AbstractSection" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "limit" INTEGER NOT NULL,
    "unit" "SectionLimitUnit" NOT NULL DEFAULT 'CHARACTERS',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AbstractSection_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractSection_callId_key_key" ON "AbstractSection"("callId", "key");
ALTER TABLE "AbstractSection" ADD CONSTRAINT "AbstractSection_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AbstractCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AbstractTopic" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trackId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AbstractTopic_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractTopic_callId_slug_key" ON "AbstractTopic"("callId", "slug");
ALTER TABLE "AbstractTopic" ADD CONSTRAINT "AbstractTopic_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AbstractCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AbstractTopic" ADD CONSTRAINT "AbstractTopic_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Abstract" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "number" INTEGER,
    "submitterId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "topicId" TEXT,
    "body" JSONB NOT NULL DEFAULT '{}',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "preference" "PresentationPreference" NOT NULL DEFAULT 'EITHER',
    "traineeLevel" "TraineeLevel",
    "lateBreaking" BOOLEAN NOT NULL DEFAULT false,
    "status" "AbstractStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "decision" "AbstractDecision",
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "notifiedAt" TIMESTAMPTZ(3),
    "presenterConfirmedAt" TIMESTAMPTZ(3),
    "presenterDeclinedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Abstract_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Abstract_callId_number_key" ON "Abstract"("callId", "number");
CREATE INDEX "Abstract_callId_status_idx" ON "Abstract"("callId", "status");
CREATE INDEX "Abstract_submitterId_idx" ON "Abstract"("submitterId");
ALTER TABLE "Abstract" ADD CONSTRAINT "Abstract_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AbstractCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Abstract" ADD CONSTRAINT "Abstract_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Abstract" ADD CONSTRAINT "Abstract_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "AbstractTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Abstract" ADD CONSTRAINT "Abstract_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "AbstractAuthor" (
    "id" TEXT NOT NULL,
    "abstractId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "institution" TEXT NOT NULL,
    "city" TEXT,
    "country" TEXT,
    "presenting" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AbstractAuthor_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractAuthor_abstractId_position_key" ON "AbstractAuthor"("abstractId", "position");
ALTER TABLE "AbstractAuthor" ADD CONSTRAINT "AbstractAuthor_abstractId_fkey" FOREIGN KEY ("abstractId") REFERENCES "Abstract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AbstractReviewer" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "invitedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AbstractReviewer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractReviewer_callId_email_key" ON "AbstractReviewer"("callId", "email");
CREATE INDEX "AbstractReviewer_userId_idx" ON "AbstractReviewer"("userId");
ALTER TABLE "AbstractReviewer" ADD CONSTRAINT "AbstractReviewer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AbstractCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AbstractReviewer" ADD CONSTRAINT "AbstractReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "AbstractReviewerTopic" (
    "reviewerId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,

    CONSTRAINT "AbstractReviewerTopic_pkey" PRIMARY KEY ("reviewerId", "topicId")
);
CREATE INDEX "AbstractReviewerTopic_topicId_idx" ON "AbstractReviewerTopic"("topicId");
ALTER TABLE "AbstractReviewerTopic" ADD CONSTRAINT "AbstractReviewerTopic_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "AbstractReviewer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AbstractReviewerTopic" ADD CONSTRAINT "AbstractReviewerTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "AbstractTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "abstractId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "state" "ReviewAssignmentState" NOT NULL DEFAULT 'ACTIVE',
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "conflictNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReviewAssignment_abstractId_reviewerId_key" ON "ReviewAssignment"("abstractId", "reviewerId");
CREATE INDEX "ReviewAssignment_reviewerId_state_idx" ON "ReviewAssignment"("reviewerId", "state");
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_abstractId_fkey" FOREIGN KEY ("abstractId") REFERENCES "Abstract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "AbstractReviewer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReviewCriterion" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 5,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewCriterion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReviewCriterion_callId_key_key" ON "ReviewCriterion"("callId", "key");
ALTER TABLE "ReviewCriterion" ADD CONSTRAINT "ReviewCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AbstractCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AbstractReview" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "scores" JSONB NOT NULL DEFAULT '{}',
    "score" DOUBLE PRECISION,
    "recommendation" "AbstractDecision",
    "commentToCommittee" TEXT NOT NULL DEFAULT '',
    "commentToAuthors" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AbstractReview_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AbstractReview_assignmentId_key" ON "AbstractReview"("assignmentId");
ALTER TABLE "AbstractReview" ADD CONSTRAINT "AbstractReview_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Poster" (
    "id" TEXT NOT NULL,
    "abstractId" TEXT NOT NULL,
    "storageKey" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "uploadedAt" TIMESTAMPTZ(3),
    "board" TEXT,
    "presenterStartsAt" TIMESTAMPTZ(3),
    "presenterEndsAt" TIMESTAMPTZ(3),

    CONSTRAINT "Poster_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Poster_abstractId_key" ON "Poster"("abstractId");
CREATE UNIQUE INDEX "Poster_storageKey_key" ON "Poster"("storageKey");
ALTER TABLE "Poster" ADD CONSTRAINT "Poster_abstractId_fkey" FOREIGN KEY ("abstractId") REFERENCES "Abstract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Presentation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "speakerId" TEXT,
    "abstractId" TEXT,

    CONSTRAINT "Presentation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Presentation_sessionId_slug_key" ON "Presentation"("sessionId", "slug");
CREATE INDEX "Presentation_speakerId_idx" ON "Presentation"("speakerId");
CREATE INDEX "Presentation_abstractId_idx" ON "Presentation"("abstractId");
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_abstractId_fkey" FOREIGN KEY ("abstractId") REFERENCES "Abstract"("id") ON DELETE SET NULL ON UPDATE CASCADE;
