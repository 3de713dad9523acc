import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_WEBHOOK_NAME } from '../src/bootstrap/publish-webhook';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: { event: string; model?: string; uid?: string };
}

const SECRET = 'publish-hook-secret-for-this-test';

/** A real HTTP server standing in for the publisher: it records every hook Strapi sends. */
function startReceiver(): Promise<{ server: Server; url: string; hooks: ReceivedHook[] }> {
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
      resolve({ server, url: `http://127.0.0.1:${port}/_publisher/hook`, hooks });
    }),
  );
}

async function waitForHook(hooks: ReceivedHook[], event: string): Promise<ReceivedHook> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const hook = hooks.find((candidate) => candidate.body.event === event);
    if (hook) return hook;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${event} hook arrived; got: ${hooks.map((h) => h.body.event).join(', ')}`);
}

let cms: TestCms;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  cms = await startCms({ PUBLISH_WEBHOOK_URL: receiver.url, PUBLISH_HOOK_SECRET: SECRET });
});

afterAll(async () => {
  await cms?.stop();
  receiver?.server.close();
});

const publisherWebhooks = async () =>
  (await cms.strapi.get('webhookStore').findWebhooks()).filter(
    (webhook: { name: string }) => webhook.name === PUBLISH_WEBHOOK_NAME,
  );

describe('the publish webhook declared at bootstrap', () => {
  it('sends a publish to the publisher with the secret as a Bearer token', async () => {
    const make = fixtures(cms.strapi);
    const category = await make.category({ name: 'Thời sự' });
    const article = await make.article({
      title: 'Bài viết để thử webhook',
      category: category.documentId,
    });
    await cms.strapi.documents('api::article.article').publish({ documentId: article.documentId });

    const hook = await waitForHook(receiver.hooks, 'entry.publish');
    expect(hook.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(hook.body.uid).toBe('api::article.article');
  });

  it('sends unpublish and delete too', async () => {
    const article = await fixtures(cms.strapi).article({ title: 'Bài sẽ bị gỡ' }, 'published');
    const documents = cms.strapi.documents('api::article.article');
    await documents.unpublish({ documentId: article.documentId });
    await waitForHook(receiver.hooks, 'entry.unpublish');
    await documents.delete({ documentId: article.documentId });
    await waitForHook(receiver.hooks, 'entry.delete');
  });

  it('stays one webhook across restarts and follows a changed secret', async () => {
    cms = await cms.restart();
    expect(await publisherWebhooks()).toHaveLength(1);

    cms = await cms.restart({ PUBLISH_HOOK_SECRET: 'a-rotated-secret' });
    const [webhook] = await publisherWebhooks();
    expect(webhook.headers.Authorization).toBe('Bearer a-rotated-secret');
    expect(webhook.isEnabled).toBe(true);
  });

  it('is removed when PUBLISH_WEBHOOK_URL is unset', async () => {
    cms = await cms.restart({ PUBLISH_WEBHOOK_URL: '' });
    expect(await publisherWebhooks()).toHaveLength(0);
  });
});
