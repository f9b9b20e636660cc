-- CME part 2, evaluations: a meeting evaluation and a session evaluation per
-- meeting, their questions (ACCME asks for commitment to change and for the
-- learners' view of commercial bias), and each learner's answers, kept
-- apart from results that are shown without names.
ALTER TABLE "CreditDesignation" ADD COLUMN "evaluationRequired" BOOLEAN NOT NULL DEFAULT true;

CREATE TYPE "EvaluationScope" AS ENUM ('MEETING', 'SESSION');
CREATE TYPE "EvaluationQuestionKind" AS ENUM ('RATING', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'FREE_TEXT', 'COMMITMENT_TO_CHANGE', 'COMMERCIAL_BIAS');

CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "scope" "EvaluationScope" NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Evaluation_meetingId_scope_key" ON "Evaluation"("meetingId", "scope");
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EvaluationQuestion" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "EvaluationQuestionKind" NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EvaluationQuestion_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "EvaluationQuestion_evaluationId_position_idx" ON "EvaluationQuestion"("evaluationId", "position");
ALTER TABLE "EvaluationQuestion" ADD CONSTRAINT "EvaluationQuestion_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EvaluationResponse" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT,
    "subject" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationResponse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "EvaluationResponse_evaluationId_userId_subject_key" ON "EvaluationResponse"("evaluationId", "userId", "subject");
CREATE INDEX "EvaluationResponse_userId_idx" ON "EvaluationResponse"("userId");
CREATE INDEX "EvaluationResponse_sessionId_idx" ON "EvaluationResponse"("sessionId");
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
