import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the relay holds back until the test lets it through. */
export interface HeldRequest {
  /** Path and query string, decoded (`/api/articles?…pagination[pageSize]=100`). */
  path: string;
  /** Passes it on to the CMS (or to nothing, if the test stopped it meanwhile). */
  release(): void;
}

/**
 * An HTTP relay between the publisher (and its builds) and the test CMS, like a proxy in a real
 * network. It passes every request through, except that a test can hold the first request that
 * matches: the moment a build asks the CMS for its articles is then a known point, at which the
 * test can stop the real CMS. A request the CMS cannot answer has its connection dropped, as the
 * CMS going away mid-request would.
 */
export interface CmsRelay {
  /** Give this to the publisher as STRAPI_URL. */
  url: string;
  /** Resolves with the next request whose decoded path matches, held until `release()`. */
  holdNext(match: (path: string) => boolean): Promise<HeldRequest>;
  close(): Promise<void>;
}

/** Starts a relay to the CMS at `targetUrl` on a free port. */
export async function startCmsRelay(targetUrl: string): Promise<CmsRelay> {
  const target = new URL(targetUrl);
  let hold: { match: (path: string) => boolean; resolve: (held: HeldRequest) => void } | undefined;

  const forward = (incoming: IncomingMessage, answer: ServerResponse) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    outgoing.on('error', () => answer.socket?.destroy());
    incoming.pipe(outgoing);
  };
  const server = createServer((incoming, answer) => {
    const path = decodeURIComponent(incoming.url ?? '/');
    const held = hold;
    if (held?.match(path)) {
      hold = undefined;
      held.resolve({ path, release: () => forward(incoming, answer) });
    } else {
      forward(incoming, answer);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    holdNext: (match) => new Promise((resolve) => (hold = { match, resolve })),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
