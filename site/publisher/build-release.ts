/**
 * `npm run build:release -w site [-- --full]`: builds one release from the CMS (incrementally from
 * the live one unless `--full`), validates it and makes it live, then exits (non-zero on failure). For `npm start` before the server starts, and for
 * scripts; while the server runs it refuses (the server builds on its own: send it the hook).
 */
import { parseArgs } from 'node:util';
import { readPublisherConfig } from './config';
import { CmsContentSource } from './content-source';
import { consoleLogger } from './log';
import { openPublisher } from './open-publisher';
import { FULL_BUILD } from './publisher';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
  const config = readPublisherConfig();
  const { publisher, unlock } = await openPublisher(config, {
    content: new CmsContentSource(config.site),
    logger: consoleLogger,
    standby: false,
    buildLocally: true,
  });
  try {
    const stop = () => void publisher.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    publisher.request(values.full ? `${FULL_BUILD} (command line)` : 'command line');
    await publisher.idle();
    const { lastBuild } = await publisher.status();
    if (!lastBuild?.ok) process.exitCode = 1;
  } finally {
    await unlock();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
