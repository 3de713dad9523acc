/**
 * `npm run build:release -w site`: builds one release from the CMS, validates it and makes it
 * live, then exits (non-zero on failure). For `npm start` before the server starts, and for
 * scripts; while the server runs it refuses (the server builds on its own: send it the hook).
 */
import { removeStaleScratch } from './astro-build';
import { buildEnvironment, readPublisherConfig } from './config';
import { CmsContentSource } from './content-source';
import { lockReleases } from './releases-lock';
import { consoleLogger } from './log';
import { Publisher } from './publisher';
import { ReleaseStore } from './releases';

async function main(): Promise<void> {
  const config = readPublisherConfig();
  const lock = await lockReleases(config.releasesDir);
  try {
    const store = new ReleaseStore(config.releasesDir, config.keepReleases);
    const removed = [
      ...(await store.prepare()).removed,
      ...(await removeStaleScratch(config.siteRoot)),
    ];
    if (removed.length > 0)
      consoleLogger.info(`removed what an interrupted build left behind: ${removed.join(', ')}`);
    const publisher = new Publisher({
      store,
      content: new CmsContentSource(config.site),
      siteRoot: config.siteRoot,
      buildCommand: config.buildCommand,
      buildEnv: buildEnvironment(config),
      buildTimeoutMs: config.buildTimeoutMs,
      logger: consoleLogger,
    });
    const stop = () => void publisher.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    publisher.request('command line');
    await publisher.idle();
    const { lastBuild } = await publisher.status();
    if (!lastBuild?.ok) process.exitCode = 1;
  } finally {
    await lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
