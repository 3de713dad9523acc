import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_WEBHOOK_NAME } from '../src/bootstrap/publish-webhook';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';
import {
  startWebhookReceiver,
  waitForHook,
  type WebhookReceiver,
} from './helpers/webhook-receiver';

const SECRET = 'publish-hook-secret-for-this-test';

let cms: TestCms;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  cms = await startCms({ PUBLISH_WEBHOOK_URL: receiver.url, PUBLISH_HOOK_SECRET: SECRET });
});

afterAll(async () => {
  await cms?.stop();
  receiver?.close();
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
