import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in for GitHub received. */
export interface ReceivedDispatch {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A real HTTP server standing in for GitHub's REST API (the publisher's GITHUB_API_URL): it
 * records every request and answers `status` (204, as GitHub does for a dispatch, unless told
 * otherwise).
 */
export interface FakeGitHub {
  url: string;
  received: ReceivedDispatch[];
  /** What the next requests are answered with. */
  status: number;
  close(): Promise<void>;
}

export async function startFakeGitHub(status = 204): Promise<FakeGitHub> {
  const fake: Omit<FakeGitHub, 'url' | 'close'> = { received: [], status };
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test then fails on its shape.
      }
      fake.received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      });
      if (fake.status === 204) response.writeHead(204).end();
      else
        response
          .writeHead(fake.status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
