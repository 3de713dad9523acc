import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: { event: string; model?: string; uid?: string; entry?: { documentId?: string } };
}

export interface WebhookReceiver {
  server: Server;
  /** Where Strapi should send its webhooks (PUBLISH_WEBHOOK_URL). */
  url: string;
  /** Every hook received, in order. */
  hooks: ReceivedHook[];
  close(): void;
}

/** A real HTTP server standing in for the publisher: it records every hook Strapi sends. */
export function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hooks: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      hooks.push({ headers: request.headers, body: JSON.parse(raw) });
      response.writeHead(202).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}/_publisher/hook`,
        hooks,
        close: () => server.close(),
      });
    }),
  );
}

/**
 * The first hook received for `event` (and matching `where`, if given), waiting up to 30 s: Strapi
 * sends hooks from a queue, and a CI run at load 10+ once took longer than 10 s after a restart.
 */
export async function waitForHook(
  hooks: ReceivedHook[],
  event: string,
  where: (hook: ReceivedHook) => boolean = () => true,
): Promise<ReceivedHook> {
  return vi.waitFor(
    () => {
      const hook = hooks.find((candidate) => candidate.body.event === event && where(candidate));
      if (!hook) {
        throw new Error(
          `no ${event} hook arrived; got: ${hooks.map((h) => h.body.event).join(', ')}`,
        );
      }
      return hook;
    },
    { timeout: 30_000, interval: 100 },
  );
}
