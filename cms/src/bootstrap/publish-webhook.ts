import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../utils/env';

export const PUBLISH_WEBHOOK_NAME = 'publisher';

// Everything that can change a published page; Strapi cannot filter by content type, so the
// publisher drops the rest (draft saves, new pending comments).
const EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.update',
  'media.delete',
];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}
interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
  deleteWebhook(id: string): Promise<Webhook | null>;
}
interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

// Strapi's runner already holds the stored webhooks when bootstrap runs, hence `runner.update`.
export async function ensurePublishWebhook(strapi: Core.Strapi): Promise<void> {
  const { PUBLISH_WEBHOOK_URL: url, PUBLISH_HOOK_SECRET: secret } = readCmsEnv();
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const existing = (await store.findWebhooks()).filter(
    (webhook) => webhook.name === PUBLISH_WEBHOOK_NAME,
  );
  const [current, ...duplicates] = existing;

  for (const webhook of url && secret ? duplicates : existing) {
    await store.deleteWebhook(webhook.id);
    runner.remove(webhook);
  }
  if (!url || !secret) {
    strapi.log.info(
      'PUBLISH_WEBHOOK_URL or PUBLISH_HOOK_SECRET is not set: publishing does not rebuild the site.',
    );
    return;
  }

  const wanted = {
    name: PUBLISH_WEBHOOK_NAME,
    url,
    headers: { Authorization: `Bearer ${secret}` },
    events: EVENTS,
  };
  if (!current) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`Created the "${PUBLISH_WEBHOOK_NAME}" webhook to ${url}.`);
    return;
  }
  const updated = await store.updateWebhook(current.id, { ...wanted, isEnabled: true });
  if (updated) runner.update(updated);
}
