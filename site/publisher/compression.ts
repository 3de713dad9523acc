import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import compression from 'compression';
import onHeaders from 'on-headers';

// The static files' answers compressed on the fly by the `compression` middleware (brotli at
// quality 5 or gzip at level 6, as the browser accepts), not precompressed at build time: why, and
// why quality 5 (the middleware's 4 is no smaller than gzip on the search index), in ../README.md
// ("Compression").

type Middleware = (request: unknown, response: unknown, next: (error?: unknown) => void) => void;

/** Whether an answer of this type is worth compressing (text: HTML, CSS, JS, JSON, XML, SVG…). */
export const isCompressible = (request: IncomingMessage, response: ServerResponse): boolean =>
  compression.filter(request as never, response as never);

/**
 * Runs `answer` (which streams one file with `send`) behind the middleware. A 206 is never
 * compressed: a range is always of the file's own bytes, so it never mixes with a compressed
 * copy. A compressed answer drops `Accept-Ranges`: its bytes are not the ones ranges count.
 */
export function createCompressor() {
  const middleware = compression({
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (request, response) =>
      (response.statusCode === 200 || response.statusCode === 404) &&
      compression.filter(request, response),
  }) as unknown as Middleware;
  return (
    request: IncomingMessage,
    response: ServerResponse,
    answer: () => Promise<void>,
  ): Promise<void> =>
    new Promise((resolve, reject) => {
      // Registered before the middleware's own hook, so it runs after it has chosen an encoding.
      onHeaders(response, () => {
        if (response.getHeader('Content-Encoding')) response.removeHeader('Accept-Ranges');
      });
      middleware(request, response, (error) =>
        error ? reject(error as Error) : answer().then(resolve, reject),
      );
    });
}
