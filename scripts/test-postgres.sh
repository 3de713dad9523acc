#!/usr/bin/env bash
# `npm test`'s third lane: the tests whose subject depends on the database, again on PostgreSQL,
# when TEST_POSTGRES_URL names a server and a role that may create databases (CI's does; each file
# makes throwaway databases from it). Without it the lane says so and does nothing.
#
# The CMS's files: queries, indexes, locks, creates (slugs, numbers), export and sync, scheduled
# publishing, comments, roles, the bootstrap across restarts, the seed and the restore's checks.
# Not here, as nothing in them depends on the database: the admin's Chromium screens, its
# translations, edit views, uploads, security headers, the webhook's settings and the preview.
# The site's: a SQLite backup restored into PostgreSQL builds the same site; the publisher end to
# end; paging over a bulk-seeded archive.
set -euo pipefail

if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  echo 'PostgreSQL lane off: set TEST_POSTGRES_URL=postgres://user:password@host:5432/db (a role' \
    'that may create databases) to run the database tests on PostgreSQL too, as CI does.'
  exit 0
fi

cd "$(dirname "$0")/.."

CMS_FILES=(
  test/bootstrap.test.ts
  test/comment-moderation.test.ts
  test/comment-submission.test.ts
  test/content-api.test.ts
  test/document-middlewares.test.ts
  test/former-paths.test.ts
  test/indexes.test.ts
  test/list-views.test.ts
  test/newsroom-roles.test.ts
  test/scheduled-publishing.test.ts
  test/single-writer.test.ts
  test/site-export.test.ts
  test/site-sync.test.ts
  scripts/seed.test.ts
  scripts/lib/transfer.test.ts
)
SITE_FILES=(test/backup-restore.test.ts test/publisher-e2e.test.ts test/paging.test.ts)
# Of the publisher's end to end cases, those where the CMS's database is read or written: the first
# full fetch, a publish and an unpublish through the webhook and the sync index, and the catch-ups
# after a downtime (the sync index against the newest release). Rollback, folding hooks, a CMS
# that stops during a build or is down, and the builds' folders are the publisher's own (the CMS's
# database is not involved) and run in the SQLite lane only, as do the builds started ahead of time
# (publisher-e2e.test.ts builds plainly on PostgreSQL).
SITE_ONLY_SQLITE='rolls back to the previous release|refuses hooks without the secret|CMS goes down in the middle of a build|CMS is already down|leaves none of its builds'

DATABASE_URL=$TEST_POSTGRES_URL npm run test -w cms -- "${CMS_FILES[@]}"
DATABASE_URL=$TEST_POSTGRES_URL npm run test -w site -- "${SITE_FILES[@]}" \
  --testNamePattern "^(?!.*(${SITE_ONLY_SQLITE})).*$"
