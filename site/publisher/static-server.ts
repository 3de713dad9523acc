import { stat } from 'node:fs/promises';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import send from 'send';
import { createCompressor, isCompressible } from './compression';
import type { ReleaseStore } from './releases';
import type { Logger } from './log';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
};

/** Folders whose files never change under the same name: browsers may keep them for a year. */
const IMMUTABLE_PREFIXES = ['/_astro/', '/_images/'];
const REVALIDATE = 'public, max-age=0, must-revalidate';

export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The path as segments safe under a release, or null for `..`, `.` (even encoded), NUL, dot-files. */
export function safeSegments(requestUrl: string): string[] | null {
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  return segments;
}

/** Files a request may mean, in order: the file itself, then `<path>.html`, then `<path>/index.html`. */
function candidates(root: string, segments: string[], trailingSlash: boolean): string[] {
  const file = path.join(root, ...segments);
  // Belt and braces: whatever safeSegments let through must still land inside the release.
  if (file !== root && !file.startsWith(root + path.sep)) return [];
  if (segments.length === 0 || trailingSlash) return [path.join(file, 'index.html')];
  return [file, `${file}.html`, path.join(file, 'index.html')];
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats.size : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') return undefined;
    throw error;
  }
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(`${text}\n`);
}

/** A file of `root` as the URL path `send` expects (it decodes it again). */
const urlPathOf = (root: string, file: string) =>
  `/${path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/')}`;

/** Streams one release file with `send`; the 404 page is a plain answer, compression the caller's. */
function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: { root: string; path: string; cacheControl: string; notFound: boolean },
  logger: Logger,
): Promise<void> {
  return new Promise((resolve) => {
    if (file.notFound) response.statusCode = 404;
    const stream = send(request, urlPathOf(file.root, file.path), {
      root: file.root,
      dotfiles: 'deny',
      index: false,
      cacheControl: false,
      etag: !file.notFound,
      lastModified: !file.notFound,
      acceptRanges: !file.notFound,
    });
    stream.on('headers', (res: ServerResponse) => {
      res.setHeader('Content-Type', contentTypeOf(file.path));
      res.setHeader('Cache-Control', file.cacheControl);
      // Also on 206, 304 and HEAD: a cache must keep each encoding apart.
      if (isCompressible(request, res)) res.setHeader('Vary', 'Accept-Encoding');
    });
    // Without this listener send would answer errors itself, dropping every header set before.
    stream.on('error', (error: { status?: number; headers?: Record<string, string> }) => {
      if (response.headersSent) {
        response.destroy();
      } else {
        const status = error.status ?? 500;
        if (status >= 500) logger.error(`sending ${file.path} failed: ${String(error)}`);
        sendText(response, status, STATUS_CODES[status] ?? 'Error', error.headers);
      }
      resolve();
    });
    stream.on('end', () => resolve());
    response.once('close', () => resolve());
    stream.pipe(response);
  });
}

/** Serves the live release; `current` is read once per request, so a switch needs no restart. */
export function createStaticHandler(store: ReleaseStore, logger: Logger) {
  const compress = createCompressor();
  return async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const url = request.url ?? '/';
    const segments = safeSegments(url);
    const liveId = await store.liveId();
    if (!liveId) {
      sendText(
        response,
        503,
        'The site is being built for the first time: try again in a few seconds.',
        { 'Retry-After': '5' },
      );
      return;
    }
    const root = store.releaseDir(liveId);
    const pathname = url.split(/[?#]/, 1)[0] ?? '/';
    let found: string | undefined;
    for (const file of segments ? candidates(root, segments, pathname.endsWith('/')) : []) {
      if ((await fileSize(file)) !== undefined) {
        found = file;
        break;
      }
    }
    if (!found) {
      const notFoundPage = path.join(root, '404.html');
      if ((await fileSize(notFoundPage)) === undefined) {
        sendText(response, 404, 'Not found');
        return;
      }
      await compress(request, response, () =>
        sendFile(
          request,
          response,
          { root, path: notFoundPage, cacheControl: REVALIDATE, notFound: true },
          logger,
        ),
      );
      return;
    }
    // Astro's /_astro/ assets carry a content hash in their names, and /_images/ files the
    // name of a CMS upload, which Strapi never reuses for other content. Pages must be revalidated.
    const cacheControl = IMMUTABLE_PREFIXES.some((prefix) => pathname.startsWith(prefix))
      ? 'public, max-age=31536000, immutable'
      : REVALIDATE;
    await compress(request, response, () =>
      sendFile(request, response, { root, path: found, cacheControl, notFound: false }, logger),
    );
  };
}
