import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminUser } from '../scripts/lib/demo-admin';
import { EDITOR_ROLE_CODE, newsroomRoleId } from '../src/bootstrap/newsroom-roles';
import { publishDueArticles } from '../src/utils/scheduled-publishing';
import { fixtures } from './helpers/fixtures';
import { adminApi, adminLogin, api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';
import {
  startWebhookReceiver,
  waitForHook,
  type WebhookReceiver,
} from './helpers/webhook-receiver';

// The copy the CMS itself runs (cms/dist), loaded apart from the source module imported above.
const { publishDueArticles: compiledPublishDueArticles } = createRequire(import.meta.url)(
  '../dist/src/utils/scheduled-publishing.js',
) as typeof import('../src/utils/scheduled-publishing');

const ARTICLES = '/content-manager/collection-types/api::article.article';
const EDITOR = 'bien.tap.hen.gio@example.com';
const PASSWORD = 'Schedule-Test-123';
// Short enough for a test, long enough that the editor's save lands well before it.
const LEAD_MS = 3_000;

let cms: TestCms;
let receiver: WebhookReceiver;
let editorToken: string;
let categoryId: string;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The article as readers get it (published version only), or null. */
async function published(documentId: string) {
  const response = await api(cms.url, `/articles/${documentId}`, { token: cms.siteToken });
  return response.status === 200 ? response.body.data : null;
}

/** Polls until the article is published (the cron runs every second here), up to 30 s. */
async function waitUntilPublished(documentId: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const article = await published(documentId);
    if (article) return article;
    await sleep(100);
  }
  throw new Error(`article ${documentId} was not published`);
}

/** The editor sets the article's publishing time in the admin, as the edit form saves it. */
async function schedule(documentId: string, at: Date, changes: Record<string, unknown> = {}) {
  const saved = await adminApi(cms.url, `${ARTICLES}/${documentId}`, {
    method: 'PUT',
    token: editorToken,
    body: { ...changes, scheduledAt: at.toISOString() },
  });
  expect(saved.status).toBe(200);
  expect(Date.parse(saved.body.data.scheduledAt)).toBe(at.getTime());
}

/** A new draft, scheduled by the editor for `at`. */
async function scheduledDraft(title: string, at: Date): Promise<string> {
  const draft = await fixtures(cms.strapi).article({ title, category: categoryId });
  await schedule(draft.documentId, at);
  return draft.documentId;
}

const draftOf = (documentId: string) =>
  cms.strapi.documents('api::article.article').findOne({ documentId, status: 'draft' });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  cms = await startCms({
    SCHEDULE_CHECK_SECONDS: '1',
    PUBLISH_WEBHOOK_URL: receiver.url,
    PUBLISH_HOOK_SECRET: 'schedule-test-secret',
  });
  categoryId = (await fixtures(cms.strapi).category({ name: 'Thời sự' })).documentId;
  await ensureAdminUser(
    cms.strapi,
    {
      email: EDITOR,
      password: PASSWORD,
      firstname: 'Biên tập',
      lastname: null,
      roleId: await newsroomRoleId(cms.strapi, EDITOR_ROLE_CODE),
    },
    () => {},
  );
  editorToken = await adminLogin(cms.url, EDITOR, PASSWORD);
});

afterAll(async () => {
  await cms?.stop();
  receiver?.close();
});

describe('scheduled publishing', () => {
  it('publishes an article at its time, through the publish webhook', async () => {
    const at = new Date(Date.now() + LEAD_MS);
    const documentId = await scheduledDraft('Bài hẹn giờ đăng', at);
    expect(await published(documentId)).toBeNull();

    const article = await waitUntilPublished(documentId);
    expect(Date.parse(article.publishedAt)).toBeGreaterThanOrEqual(at.getTime());
    // Stamped by the publish path, as for the Publish button; the schedule is used up.
    expect(Date.parse(article.publicationTime)).toBeGreaterThanOrEqual(at.getTime());
    expect((await draftOf(documentId))?.scheduledAt ?? null).toBeNull();

    const hook = await waitForHook(
      receiver.hooks,
      'entry.publish',
      (candidate) => candidate.body.entry?.documentId === documentId,
    );
    expect(hook.headers.authorization).toBe('Bearer schedule-test-secret');
  });

  it('republishes a published article whose edits are scheduled, keeping its publication time', async () => {
    const { documentId } = await fixtures(cms.strapi).article(
      { title: 'Bài đã đăng', category: categoryId },
      'published',
    );
    const first = await published(documentId);
    const at = new Date(Date.now() + LEAD_MS);
    await schedule(documentId, at, { title: 'Bài đã đăng, bản sửa hẹn giờ' });
    // The edit waits in the draft until its time.
    expect((await published(documentId))?.title).toBe('Bài đã đăng');

    let article = await published(documentId);
    for (let attempt = 0; attempt < 300 && article.title === 'Bài đã đăng'; attempt++) {
      await sleep(100);
      article = await published(documentId);
    }
    expect(article.title).toBe('Bài đã đăng, bản sửa hẹn giờ');
    expect(article.publicationTime).toBe(first.publicationTime);
    expect(Date.parse(article.publishedAt)).toBeGreaterThanOrEqual(at.getTime());
  });

  it('does not publish again at the old time an article an editor published early', async () => {
    const at = new Date(Date.now() + 60 * 60_000);
    const documentId = await scheduledDraft('Bài đăng sớm hơn giờ hẹn', at);
    const publishedNow = await adminApi(cms.url, `${ARTICLES}/${documentId}/actions/publish`, {
      method: 'POST',
      token: editorToken,
      body: {},
    });
    expect(publishedNow.status).toBe(200);
    expect((await draftOf(documentId))?.scheduledAt ?? null).toBeNull();
    // Run the check as if the hour had passed: nothing of this article is left to publish.
    expect(await publishDueArticles(cms.strapi, new Date(at.getTime() + 1000))).toBe(0);
  });

  it('publishes an article once when two checks run at the same time (two CMS instances)', async () => {
    // Due an hour from now for both checks, so the running CMS's own cron leaves it alone. The
    // compiled module (what the CMS runs) and the source one are two checkers that share nothing
    // but the database, as two instances do.
    const at = new Date(Date.now() + 60 * 60_000);
    const documentId = await scheduledDraft('Bài hai máy cùng kiểm tra', at);
    const later = new Date(at.getTime() + 1000);
    const counts = await Promise.all([
      publishDueArticles(cms.strapi, later),
      compiledPublishDueArticles(cms.strapi, later),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await published(documentId)).not.toBeNull();
    await waitForHook(
      receiver.hooks,
      'entry.publish',
      (candidate) => candidate.body.entry?.documentId === documentId,
    );
    const publishHooks = receiver.hooks.filter(
      (hook) => hook.body.event === 'entry.publish' && hook.body.entry?.documentId === documentId,
    );
    expect(publishHooks).toHaveLength(1);
  });

  it('publishes what came due while the CMS was stopped as soon as it starts again', async () => {
    const at = new Date(Date.now() + LEAD_MS);
    const documentId = await scheduledDraft('Bài đến giờ khi CMS đang tắt', at);

    // Stopped before the time, started after it; with the periodic check off, only the check at
    // start-up can publish it.
    cms = await cms.restart(
      { SCHEDULE_CHECK_SECONDS: '0' },
      { whileStopped: () => sleep(Math.max(0, at.getTime() - Date.now()) + 500) },
    );
    const article = await published(documentId);
    expect(article?.title).toBe('Bài đến giờ khi CMS đang tắt');
    await waitForHook(
      receiver.hooks,
      'entry.publish',
      (candidate) => candidate.body.entry?.documentId === documentId,
    );
    // A restart and its hook: room for both on a loaded CI machine.
  }, 90_000);
});
