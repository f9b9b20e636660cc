#!/bin/sh
# Stands in for Prisma's schema engine, which the CLI would otherwise download.
# `prisma generate` never calls it; anything that would (migrate, db push) fails clearly.
echo "The Prisma schema engine is not installed here; use npm run db:migrate." >&2
exit 1
