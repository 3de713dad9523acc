/**
 * `npm run rollback -w site [-- --to <release id>] [--list]`: makes the release before the live
 * one live again (or the one given), by renaming a symlink; a running publisher serves it from
 * its next request on. The next publish ends the rollback.
 */
import { parseArgs } from 'node:util';
import { readPublisherConfig } from './config';
import { ReleaseStore } from './releases';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run rollback -w site [-- --to <release id>] [--list]\n\n' +
        'Makes the previous release live again (or the one given); --list shows the kept releases.',
    );
    return;
  }
  const config = readPublisherConfig();
  const store = new ReleaseStore(config.releasesDir, config.keepReleases);

  if (values.list) {
    const live = await store.liveId();
    const releases = await store.list();
    if (releases.length === 0) console.log(`No release in ${config.releasesDir}.`);
    for (const release of releases) {
      const mark = release.id === live ? '* live' : '';
      console.log(
        `${release.id}  ${release.pages} pages  built ${release.finishedAt}  ${mark}`.trimEnd(),
      );
    }
    return;
  }

  const marker = await store.rollback(values.to);
  console.log(
    `Release ${marker.to} is live again (was ${marker.from ?? 'none'}). The next publish ends the rollback.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
