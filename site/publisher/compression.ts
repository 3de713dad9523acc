import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import compression from 'compression';
import onHeaders from 'on-headers';

// On the fly, not precompressed; why, and why brotli quality 5: ../README.md ("Compression").

type Middleware = (request: unknown, response: unknown, next: (error?: unknown) => void) => void;

/** Whether an answer of this type is worth compressing (text: HTML, CSS, JS, JSON, XML, SVG…). */
export const isCompressible = (request: IncomingMessage, response: ServerResponse): boolean =>
  compression.filter(request as never, response as never);

/** Runs `answer` behind the middleware; a 206 is never compressed (ranges count the file's bytes). */
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
