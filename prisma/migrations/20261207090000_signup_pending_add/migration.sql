-- A sign-up that began with "Add to my schedule" (signed out) keeps that
-- session until the e-mailed link is used, so the new account starts with it.
-- No foreign key: the session may leave the program meanwhile, and is checked
-- again when the link is used.
ALTER TABLE "SignupRequest" ADD COLUMN "pendingAddSessionId" TEXT;
