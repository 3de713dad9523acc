import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PublisherConfig } from './config';
import type { ContentSource } from './content-source';
import { CONTROL_PREFIX, createControlHandler } from './control-endpoints';
import { GithubDispatcher } from './github-dispatch';
import { consoleLogger, type Logger } from './log';
import { openPublisher } from './open-publisher';
import type { Publisher } from './publisher';
import { Reconciler } from './reconcile';
import type { ReleaseStore } from './releases';
import { registerCommentDesk } from '../src/lib/comments/desk';
import { SiteCommentDesk } from './comment-desk';
import { CommentQueue } from './comment-queue';
import { createOnDemandHandler, isOnDemand } from './on-demand';
import { applySecurityHeaders } from './security-headers';
import { createStaticHandler } from './static-server';

export interface RunningPublisher {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  url: string;
  publisher: Publisher;
  reconciler: Reconciler | undefined;
  store: ReleaseStore;
  /** Stops listening, stops a running build, and releases the folder. */
  close(): Promise<void>;
}

/**
 * Starts the site's production server: the live release's pages, the publisher's endpoints,
 * the first build when there is no release yet, and the reconcile timer. `content` is the CMS
 * (null: no page-count check and no reconcile, for custom build commands without a CMS).
 */
export async function startPublisher(
  config: PublisherConfig,
  content: ContentSource | null,
  logger: Logger = consoleLogger,
): Promise<RunningPublisher> {
  const dispatcher = config.githubDispatch
    ? new GithubDispatcher(config.githubDispatch, logger)
    : undefined;
  const buildLocally = config.mode === 'build';
  const { publisher, store, unlock } = await openPublisher(config, {
    content,
    logger,
    standby: true,
    buildLocally,
    dispatcher,
  });
  let closeQueue: () => Promise<void> | undefined = () => undefined;
  try {
    // The reconcile timer compares the CMS with the releases here: in dispatch mode there are none.
    const reconciler =
      content && buildLocally
        ? new Reconciler(publisher, content, config.reconcileIntervalMs, logger)
        : undefined;
    const serveStatic = createStaticHandler(store, logger);
    const comments = config.comments;
    const queue = comments
      ? new CommentQueue({
          dir: comments.queueDir,
          strapiUrl: config.site.strapiUrl,
          token: comments.token,
          logger,
        })
      : undefined;
    await queue?.open();
    closeQueue = () => queue?.close();
    registerCommentDesk(
      queue &&
        new SiteCommentDesk({ store, queue, logger, trustedProxies: comments?.trustedProxies }),
    );
    const serveOnDemand = createOnDemandHandler({ store, logger });
    const handleControl = createControlHandler({
      publisher,
      reconciler,
      hookSecret: config.hookSecret,
      logger,
    });

    const server = createServer((request, response) => {
      // Set before any handler writes: every answer carries them, errors and endpoints included.
      applySecurityHeaders(request, response, config.security);
      const url = request.url ?? '/';
      const handled = url.startsWith(CONTROL_PREFIX)
        ? handleControl(request, response)
        : isOnDemand(url)
          ? serveOnDemand(request, response, () => serveStatic(request, response))
          : serveStatic(request, response);
      handled.catch((error: unknown) => {
        logger.error(
          `${request.method} ${request.url} failed: ${error instanceof Error ? error.stack : error}`,
        );
        if (!response.headersSent)
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Internal error\n');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    const live = await store.liveId();
    const forwards = config.githubDispatch
      ? `forwards publishes to ${config.githubDispatch.repo} via ${config.githubDispatch.apiUrl}`
      : undefined;
    if (buildLocally) {
      logger.info(
        `serving ${live ? `release ${live}` : 'nothing yet'} from ${config.releasesDir} on http://${config.host}:${port}; ` +
          `builds with ${publisher.describeBuilds()}, keeps ${config.keepReleases} releases` +
          (forwards ? `; ${forwards}` : ''),
      );
    } else {
      logger.info(
        `dispatch mode on http://${config.host}:${port}: builds nothing here, ${forwards}`,
      );
    }
    if (!config.hookSecret) {
      logger.error(
        'PUBLISH_HOOK_SECRET is not set: the hook and rollback endpoints refuse every request.',
      );
    }
    if (!live && buildLocally) publisher.request('start-up: no release yet');
    reconciler?.start();

    return {
      server,
      url,
      publisher,
      reconciler,
      store,
      async close() {
        reconciler?.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await publisher.close();
        server.closeAllConnections();
        await closed;
        await closeQueue();
        registerCommentDesk(undefined);
        await unlock();
      },
    };
  } catch (error) {
    await closeQueue();
    await publisher.close();
    await unlock();
    throw error;
  }
}
