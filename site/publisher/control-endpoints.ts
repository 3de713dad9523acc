import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorizedHook } from './hook-auth';
import { describeHook } from './hook-events';
import type { Logger } from './log';
import type { Publisher } from './publisher';
import type { Reconciler } from './reconcile';
import { ReleaseError } from './releases';

/** Where the publisher's own endpoints live, apart from the site's pages. */
export const CONTROL_PREFIX = '/_publisher/';

// A Strapi webhook body holds one entry: far below this. A bigger body is not read further
// (and still counts as a change).
const MAX_HOOK_BODY = 1024 * 1024;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks).toString('utf8') : '';
}

export interface ControlContext {
  publisher: Publisher;
  reconciler: Reconciler | undefined;
  hookSecret: string;
  logger: Logger;
}

/**
 * The publisher's endpoints: `POST /_publisher/hook` (the CMS's webhook), `POST
 * /_publisher/rollback`, both behind the Bearer secret, and `GET /_publisher/status`.
 */
export function createControlHandler({
  publisher,
  reconciler,
  hookSecret,
  logger,
}: ControlContext) {
  const hooks = { accepted: 0, ignored: 0, refused: 0 };

  /** 401 for a missing or wrong secret; true when the request may go on. */
  function authorize(request: IncomingMessage, response: ServerResponse, what: string): boolean {
    if (isAuthorizedHook(request.headers.authorization, hookSecret)) return true;
    // Discard whatever body came with it, unread.
    request.resume();
    const why = hookSecret ? 'a missing or wrong secret' : 'no PUBLISH_HOOK_SECRET configured';
    logger.error(`refused ${what} from ${request.socket.remoteAddress ?? 'unknown'}: ${why}`);
    sendJson(
      response,
      401,
      {
        error: hookSecret
          ? 'Send the publish secret as "Authorization: Bearer <secret>".'
          : 'Hooks are off: set PUBLISH_HOOK_SECRET.',
      },
      { 'WWW-Authenticate': 'Bearer' },
    );
    return false;
  }

  async function hook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!authorize(request, response, 'a hook')) {
      hooks.refused++;
      return;
    }
    const event = describeHook(await readBody(request, MAX_HOOK_BODY));
    const what = `${event.event}${event.uid ? ` ${event.uid}` : ''}`;
    if (!event.changesSite) {
      hooks.ignored++;
      sendJson(response, 202, { accepted: true, build: 'not needed', event: event.event });
      return;
    }
    hooks.accepted++;
    // Never wait for the build: Strapi gives up on a webhook after 10 s and never retries.
    const outcome = publisher.request(`hook ${event.event}`);
    sendJson(response, 202, { accepted: true, build: outcome, event: event.event });
    logger.info(
      `hook ${what}: build ${outcome === 'coalesced' || outcome === 'queued' ? `${outcome} after the running one` : outcome}`,
    );
  }

  async function rollback(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!authorize(request, response, 'a rollback')) return;
    request.resume();
    const to = new URL(request.url ?? '/', 'http://publisher').searchParams.get('to') ?? undefined;
    try {
      sendJson(response, 200, await publisher.rollback(to));
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error;
      sendJson(response, 409, { error: error.message });
    }
  }

  async function status(response: ServerResponse): Promise<void> {
    sendJson(response, 200, {
      ...(await publisher.status()),
      reconcile: reconciler?.state() ?? null,
      hooks: { enabled: Boolean(hookSecret), ...hooks },
    });
  }

  return async function handleControl(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const pathname = (request.url ?? '/').split('?', 1)[0];
    const routes: Record<string, [method: string, handler: () => Promise<void>]> = {
      [`${CONTROL_PREFIX}hook`]: ['POST', () => hook(request, response)],
      [`${CONTROL_PREFIX}rollback`]: ['POST', () => rollback(request, response)],
      [`${CONTROL_PREFIX}status`]: ['GET', () => status(response)],
    };
    const route = routes[pathname ?? ''];
    if (!route) {
      request.resume();
      sendJson(response, 404, { error: `No such endpoint; try GET ${CONTROL_PREFIX}status.` });
      return;
    }
    const [method, handler] = route;
    if (request.method !== method && !(method === 'GET' && request.method === 'HEAD')) {
      request.resume();
      sendJson(response, 405, { error: `Use ${method}.` }, { Allow: method });
      return;
    }
    await handler();
  };
}
