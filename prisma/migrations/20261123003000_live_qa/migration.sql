-- CreateEnum
CREATE TYPE "QuestionStatus" AS ENUM ('PENDING', 'APPROVED', 'DISMISSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "QaEventKind" AS ENUM ('QUESTION_ASKED', 'QUESTION_EDITED', 'QUESTION_APPROVED', 'QUESTION_DISMISSED', 'QUESTION_WITHDRAWN', 'QUESTION_VOTED', 'QUESTION_UNVOTED', 'QUESTION_PINNED', 'QUESTION_UNPINNED', 'QUESTION_ANSWERED', 'QA_OPENED', 'QA_CLOSED', 'QA_MODERATION_CHANGED');

-- CreateTable
CREATE TABLE "SessionQa" (
    "sessionId" TEXT NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "moderationEnabled" BOOLEAN NOT NULL DEFAULT true,
    "pinnedQuestionId" TEXT,

    CONSTRAINT "SessionQa_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "AudienceQuestion" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" "QuestionStatus" NOT NULL DEFAULT 'PENDING',
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "dismissedAt" TIMESTAMPTZ(3),
    "dismissReason" TEXT,

    CONSTRAINT "AudienceQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionVote" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QaEvent" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "QaEventKind" NOT NULL,
    "questionId" TEXT,
    "actorId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionQa_pinnedQuestionId_key" ON "SessionQa"("pinnedQuestionId");

-- CreateIndex
CREATE INDEX "AudienceQuestion_sessionId_status_idx" ON "AudienceQuestion"("sessionId", "status");

-- CreateIndex
CREATE INDEX "AudienceQuestion_authorId_idx" ON "AudienceQuestion"("authorId");

-- CreateIndex
CREATE INDEX "QuestionVote_userId_idx" ON "QuestionVote"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionVote_questionId_userId_key" ON "QuestionVote"("questionId", "userId");

-- CreateIndex
CREATE INDEX "QaEvent_sessionId_id_idx" ON "QaEvent"("sessionId", "id");

-- AddForeignKey
ALTER TABLE "SessionQa" ADD CONSTRAINT "SessionQa_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQa" ADD CONSTRAINT "SessionQa_pinnedQuestionId_fkey" FOREIGN KEY ("pinnedQuestionId") REFERENCES "AudienceQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceQuestion" ADD CONSTRAINT "AudienceQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceQuestion" ADD CONSTRAINT "AudienceQuestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionVote" ADD CONSTRAINT "QuestionVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "AudienceQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionVote" ADD CONSTRAINT "QuestionVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaEvent" ADD CONSTRAINT "QaEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
