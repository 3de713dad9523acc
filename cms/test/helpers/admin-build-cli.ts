// `npm run build:admin -w cms`: the admin panel the Chromium tests use, built here only when its
// inputs changed (admin-build.ts). CI runs it as its own step, so its cost shows on its own line.
import { ensureAdminBuild } from './admin-build';

ensureAdminBuild().then(
  ({ built, seconds }) => {
    if (!built) console.log('[admin-build] cms/dist/build is up to date with its inputs');
    else console.log(`[admin-build] done in ${seconds} s`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
