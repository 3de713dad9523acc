import { removeStaleScratch } from './astro-build';
import { buildEnvironment, type PublisherConfig } from './config';
import type { ContentSource } from './content-source';
import type { GithubDispatcher } from './github-dispatch';
import type { Logger } from './log';
import { Publisher } from './publisher';
import { ReleasePush } from './release-push';
import { lockReleases } from './releases-lock';
import { ReleaseStore } from './releases';

export interface OpenedPublisher {
  publisher: Publisher;
  store: ReleaseStore;
  /** Gives the releases folder back; once the publisher is closed. */
  unlock(): Promise<void>;
}

/**
 * Takes the releases folder for this process (one builder at a time), tidies what an interrupted
 * build left there, and sets up the publisher over it: the common start of the server and of
 * `npm run build:release`.
 */
export async function openPublisher(
  config: PublisherConfig,
  options: {
    content: ContentSource | null;
    logger: Logger;
    /** Prepare each next build while idle: the server does, a one-shot build does not. */
    standby: boolean;
    buildLocally: boolean;
    dispatcher?: GithubDispatcher;
  },
): Promise<OpenedPublisher> {
  const lock = await lockReleases(config.releasesDir);
  try {
    const store = new ReleaseStore(config.releasesDir, config.keepReleases);
    const removed = [
      ...(await store.prepare()).removed,
      ...(await removeStaleScratch(config.siteRoot)),
    ];
    if (removed.length > 0) {
      options.logger.info(`removed what an interrupted build left behind: ${removed.join(', ')}`);
    }
    const publisher = new Publisher({
      store,
      content: options.content,
      siteRoot: config.siteRoot,
      buildCommand: config.buildCommand,
      buildEnv: buildEnvironment(config),
      buildTimeoutMs: config.buildTimeoutMs,
      fullBuildIntervalMs: config.fullBuildIntervalMs,
      standby: options.standby,
      logger: options.logger,
      dispatcher: options.dispatcher,
      buildLocally: options.buildLocally,
      releasePush: config.releasePushCommand
        ? new ReleasePush({ command: config.releasePushCommand, store, logger: options.logger })
        : undefined,
    });
    return { publisher, store, unlock: lock.release };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
