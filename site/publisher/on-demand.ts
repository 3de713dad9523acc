import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from './log';
import type { ReleaseStore } from './releases';

/** The on-demand routes: the comment form (binh-luan/) and the draft preview (xem-truoc/). */
export const ON_DEMAND_PREFIXES = ['/binh-luan/', '/xem-truoc/'];

export const isOnDemand = (url: string): boolean =>
  ON_DEMAND_PREFIXES.some((prefix) => url.startsWith(prefix));

const MAX_BODY_BYTES = 64 * 1024;
/** On-demand requests run at once; the rest wait, so a comment flood leaves static pages fast. */
const RUNNING_MAX = 2;
const WAITING_MAX = 500;

/** Where a release keeps the server bundle of its on-demand routes (astro.config.mjs build.server). */
const SERVER_DIR = path.join('.release', 'server');

/** @astrojs/node's standalone handler: the route, else a static file of its release, else 404. */
type AstroHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A bundle's hash without its manifest, which every build renews: same hash, same code. */
async function codeHash(serverDir: string): Promise<string> {
  const entries = await readdir(serverDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !/^(manifest_.*|entry)\.mjs$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha1');
  for (const file of files)
    hash.update(path.relative(serverDir, file)).update(await readFile(file));
  return hash.digest('hex');
}

/** Runs the on-demand routes with the live release's @astrojs/node handler, reloaded on new code. */
export function createOnDemandHandler(options: { store: ReleaseStore; logger: Logger }) {
  let loaded:
    { release: string; code: string; handler: Promise<AstroHandler | undefined> } | undefined;

  async function handlerFor(release: string): Promise<AstroHandler | undefined> {
    if (loaded?.release === release) return loaded.handler;
    const serverDir = path.join(options.store.releaseDir(release), SERVER_DIR);
    if (!existsSync(path.join(serverDir, 'entry.mjs'))) return undefined;
    const code = await codeHash(serverDir);
    if (loaded?.code === code) {
      loaded = { ...loaded, release };
      return loaded.handler;
    }
    // The bundle finds its packages through the link the build made (src/lib/server-bundle.ts).
    const handler = (async () => {
      // Importing a standalone entry starts its own server unless told not to.
      process.env.ASTRO_NODE_AUTOSTART = 'disabled';
      const entry = (await import(pathToFileURL(path.join(serverDir, 'entry.mjs')).href)) as {
        handler: AstroHandler;
      };
      options.logger.info(`on-demand routes loaded from release ${release}`);
      return entry.handler;
    })();
    // A bundle that failed to load is tried again at the next request, not kept as a failure.
    handler.catch(() => {
      if (loaded?.handler === handler) loaded = undefined;
    });
    loaded = { release, code, handler };
    return handler;
  }

  let running = 0;
  const waiting: (() => void)[] = [];
  /** Resolves with true when the request may run, false when too many wait already. */
  async function turn(): Promise<boolean> {
    if (running < RUNNING_MAX) {
      running++;
      return true;
    }
    if (waiting.length >= WAITING_MAX) return false;
    await new Promise<void>((resolve) => waiting.push(resolve));
    return true;
  }
  /** Hands the finished request's turn to the next one waiting. */
  function done(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return async function serveOnDemand(
    request: IncomingMessage,
    response: ServerResponse,
    notFound: () => Promise<void>,
  ): Promise<void> {
    // A comment is a few KB: a larger body is refused before Astro reads it into memory.
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      response.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      response.end('Nội dung gửi lên quá lớn.\n');
      return;
    }
    const release = await options.store.liveId();
    const handler = release ? await handlerFor(release) : undefined;
    if (!handler) {
      await notFound();
      return;
    }
    if (!(await turn())) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      response.end('Máy chủ đang bận. Xin gửi lại sau ít giây.\n');
      return;
    }
    try {
      await new Promise<void>((resolve) => {
        response.once('close', resolve);
        handler(request, response);
      });
    } finally {
      done();
    }
  };
}
