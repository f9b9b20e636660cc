-- Rate-limit counters last a minute to an hour; losing them in a crash only
-- forgives a few attempts. Unlogged, a count skips the write-ahead log and its
-- flush at commit, which every Q&A vote and sign-in attempt used to wait for.
ALTER TABLE "rate_limits" SET UNLOGGED;
