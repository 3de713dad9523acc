/**
 * The site's production server (`npm start -w site`): serves the live release on PUBLISHER_PORT,
 * rebuilds on the CMS's webhook, and swaps releases atomically. See README.md beside this file.
 */
import { readPublisherConfig } from './config';
import { CmsContentSource } from './content-source';
import { consoleLogger } from './log';
import { startPublisher } from './server';

async function main(): Promise<void> {
  const config = readPublisherConfig();
  const running = await startPublisher(config, new CmsContentSource(config.site));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    consoleLogger.info(`${signal} received, stopping (a running build is stopped and removed)`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error(`stopping failed: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const listenError = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  consoleLogger.error(
    listenError
      ? `${(error as Error).message}: another server holds the port; stop it or set PUBLISHER_PORT.`
      : error instanceof Error
        ? error.message
        : String(error),
  );
  process.exit(1);
});
