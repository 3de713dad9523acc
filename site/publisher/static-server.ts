import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
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

export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The path of a request as segments safe to join under a release folder, or null when it tries
 * to leave it or hide something: `..` and `.` segments (also percent-encoded, also with encoded
 * slashes or backslashes inside), NUL bytes, and dot-files.
 */
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

async function openFile(
  file: string,
): Promise<{ handle: FileHandle; size: number; mtimeMs: number } | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG')
      return undefined;
    throw error;
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    return undefined;
  }
  return { handle, size: stats.size, mtimeMs: stats.mtimeMs };
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

/**
 * Serves the live release's files. The release is looked up on every request (one readlink of
 * `current`), so a switch or a rollback, even by another process, applies to the next request
 * without a restart. A request that already opened its file keeps reading it: the previous
 * release is never deleted right after a switch (releases are kept for rollback).
 */
export function createStaticHandler(store: ReleaseStore, logger: Logger) {
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
        {
          'Retry-After': '5',
        },
      );
      return;
    }
    const root = store.releaseDir(liveId);
    const pathname = url.split(/[?#]/, 1)[0] ?? '/';
    let found: Awaited<ReturnType<typeof openFile>>;
    let foundPath = '';
    for (const file of segments ? candidates(root, segments, pathname.endsWith('/')) : []) {
      found = await openFile(file);
      if (found) {
        foundPath = file;
        break;
      }
    }
    let status = 200;
    if (!found) {
      status = 404;
      found = await openFile(path.join(root, '404.html'));
      foundPath = '404.html';
      if (!found) {
        sendText(response, 404, 'Not found');
        return;
      }
    }

    const { handle, size, mtimeMs } = found;
    const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'Content-Type': contentTypeOf(foundPath),
      'X-Content-Type-Options': 'nosniff',
      // Astro's /_astro/ assets carry a content hash in their names, and /_images/ files the
      // name of a CMS upload, which Strapi never reuses for other content. Pages must be revalidated.
      'Cache-Control':
        status === 200 && IMMUTABLE_PREFIXES.some((prefix) => pathname.startsWith(prefix))
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
    };
    if (status === 200) headers.ETag = etag;
    if (status === 200 && request.headers['if-none-match'] === etag) {
      await handle.close();
      response.writeHead(304, headers);
      response.end();
      return;
    }
    headers['Content-Length'] = String(size);
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      await handle.close();
      response.end();
      return;
    }
    // pipeline closes the file when the reader goes away mid-download, too.
    pipeline(handle.createReadStream(), response, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        logger.error(`sending ${foundPath} failed: ${error.message}`);
      }
    });
  };
}
