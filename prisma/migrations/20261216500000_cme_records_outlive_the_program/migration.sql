-- ACCME asks providers to keep attendance and disclosure records for six years.
-- Publishing a release deletes sessions and speakers taken out of the program,
-- and that must not take the CME record with it: a session with attendance
-- cannot be deleted (publishing refuses and says to cancel it instead), and a
-- disclosure stays, with its history, when its speaker leaves the program.
ALTER TABLE "AttendanceInterval" DROP CONSTRAINT "AttendanceInterval_sessionId_fkey";
ALTER TABLE "AttendanceInterval" ADD CONSTRAINT "AttendanceInterval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CheckIn" DROP CONSTRAINT "CheckIn_sessionId_fkey";
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Disclosure" DROP CONSTRAINT "Disclosure_speakerId_fkey";
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;
