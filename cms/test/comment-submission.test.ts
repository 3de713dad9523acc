import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

// The path a reader's comment takes into the CMS: the site server posts it with the
// "comment-submit" token (key COMMENT_API_TOKEN), which may do nothing else.

const COMMENT_TOKEN = 'comment-submit-key-for-this-test-0123456789';
const PRIVATE = ['email', 'ipHash', 'userAgent', 'ip'];

let cms: TestCms;
let articleId: string;
let draftId: string;

beforeAll(async () => {
  cms = await startCms({ COMMENT_API_TOKEN: COMMENT_TOKEN });
  articleId = (await fixtures(cms.strapi).article({ title: 'Bài để bình luận' }, 'published'))
    .documentId;
  draftId = (await fixtures(cms.strapi).article({ title: 'Bản nháp' })).documentId;
});

afterAll(async () => {
  await cms?.stop();
});

const reader = {
  name: 'Trần Thị Bình',
  email: 'binh@example.vn',
  body: 'Cảm ơn tòa soạn đã đưa tin.',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (test)',
};
const submit = (data: Record<string, unknown>, token = COMMENT_TOKEN) =>
  api(cms.url, '/comments', { method: 'POST', token, body: { data } });
const stored = (documentId: string) =>
  cms.strapi.db.query('api::comment.comment').findOne({ where: { documentId } });

describe('the comment-submit token', () => {
  it('is a custom token whose only permission is creating comments', async () => {
    const token = await cms.strapi.db
      .query('admin::api-token')
      .findOne({ where: { name: 'comment-submit' }, populate: ['permissions'] });
    expect(token.type).toBe('custom');
    expect(token.permissions.map((p: { action: string }) => p.action)).toEqual([
      'api::comment.comment.create',
    ]);
  });

  it('can read nothing and write nothing else', async () => {
    for (const path of ['/comments', '/articles', '/authors', '/categories']) {
      expect((await api(cms.url, path, { token: COMMENT_TOKEN })).status).toBe(403);
    }
    const write = await api(cms.url, '/categories', {
      method: 'POST',
      token: COMMENT_TOKEN,
      body: { data: { name: 'Chen ngang' } },
    });
    expect(write.status).toBe(403);
  });

  it('narrows itself again after a widening in the admin', async () => {
    const token = await cms.strapi.db
      .query('admin::api-token')
      .findOne({ where: { name: 'comment-submit' } });
    await cms.strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { type: 'full-access' } });
    cms = await cms.restart();
    expect((await api(cms.url, '/articles', { token: COMMENT_TOKEN })).status).toBe(403);
    expect((await submit({ ...reader, article: articleId })).status).toBe(201);
  });
});

describe('POST /api/comments', () => {
  it('stores the comment pending, whatever the request says, with the IP only as a keyed hash', async () => {
    const response = await submit({
      ...reader,
      article: articleId,
      moderation: 'approved',
      ipHash: 'chosen-by-the-sender',
      createdAt: '2001-01-01T00:00:00.000Z',
    });
    expect(response.status).toBe(201);
    for (const field of PRIVATE) expect(response.body.data).not.toHaveProperty(field);
    expect(response.text).not.toContain(reader.email);
    expect(response.body.data).toMatchObject({ name: reader.name, moderation: 'pending' });

    const comment = await stored(response.body.data.documentId);
    expect(comment.moderation).toBe('pending');
    expect(comment.email).toBe(reader.email);
    expect(comment.userAgent).toBe(reader.userAgent);
    const [key] = (process.env.APP_KEYS ?? '').split(',');
    expect(comment.ipHash).toBe(createHmac('sha256', key).update(reader.ip).digest('hex'));
    expect(new Date(comment.createdAt).getFullYear()).toBeGreaterThan(2001);
  });

  it.each([
    ['an unknown article', { article: 'no-such-article' }, 'article'],
    ['a draft article', {}, 'article'],
    ['a short name', { name: 'A' }, 'name'],
    ['a bad email', { email: 'binh@' }, 'email'],
    ['a bidi override', { body: 'Xem \u202Eđây\u202C nhé' }, 'body'],
  ])('refuses %s with 400, storing nothing', async (_, change, field) => {
    const before = await cms.strapi.db.query('api::comment.comment').count();
    const response = await submit({
      ...reader,
      article: _ === 'a draft article' ? draftId : articleId,
      ...change,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toHaveProperty(field);
    expect(await cms.strapi.db.query('api::comment.comment').count()).toBe(before);
  });

  it('stores a comment delivered twice (a retry after an answer came too late) once', async () => {
    const count = () => cms.strapi.db.query('api::comment.comment').count();
    const before = await count();
    const comment = { ...reader, article: articleId, body: 'Gửi lại vì câu trả lời đến muộn.' };
    // The second one arrives while the first is still being stored.
    const [first, second] = await Promise.all([submit(comment), submit(comment)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.data.documentId).toBe(first.body.data.documentId);
    expect(await count()).toBe(before + 1);
    // Another reader (another address) with the same words is another comment.
    const other = await submit({ ...comment, ip: '198.51.100.20' });
    expect(other.body.data.documentId).not.toBe(first.body.data.documentId);
    expect(await count()).toBe(before + 2);
  });

  it('lets a full-access token (an import) set the state, as the admin can', async () => {
    const tokens = cms.strapi.service('admin::api-token-content-api') as any;
    const { accessKey } = await tokens.create({
      name: 'import',
      description: 'test import',
      type: 'full-access',
      lifespan: null,
    });
    const response = await submit(
      {
        name: reader.name,
        email: reader.email,
        article: articleId,
        body: 'Nhập từ hệ thống cũ',
        moderation: 'approved',
      },
      accessKey,
    );
    expect(response.status).toBe(201);
    expect((await stored(response.body.data.documentId)).moderation).toBe('approved');
  });

  it('is refused without the token, and with the read-only one', async () => {
    expect((await submit({ ...reader, article: articleId }, '')).status).toBe(403);
    expect((await submit({ ...reader, article: articleId }, cms.siteToken)).status).toBe(403);
  });
});

describe("the admin's comment list", () => {
  it('opens newest first with the columns a moderator needs', async () => {
    const service = cms.strapi.plugin('content-manager').service('content-types') as any;
    const configuration = await service.findConfiguration(
      service.findContentType('api::comment.comment'),
    );
    expect(configuration.layouts.list).toEqual([
      'name',
      'body',
      'article',
      'moderation',
      'createdAt',
    ]);
    expect(configuration.settings).toMatchObject({
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      bulkable: true,
    });
    expect(configuration.metadatas.article.edit.mainField).toBe('title');
    expect(configuration.metadatas.moderation.list.label).toBe('Kiểm duyệt');
  });
});

describe('reading comments', () => {
  it('never returns private fields, and refuses filters on them', async () => {
    const list = await api(cms.url, '/comments', { token: cms.siteToken });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const comment of list.body.data) {
      for (const field of PRIVATE) expect(comment).not.toHaveProperty(field);
    }
    expect(list.text).not.toContain(reader.email);
    for (const field of ['email', 'ipHash', 'userAgent']) {
      const filtered = await api(cms.url, '/comments', {
        token: cms.siteToken,
        query: [[`filters[${field}][$null]`, 'false']],
      });
      expect(filtered.status).toBe(400);
    }
  });

  it('is closed to the public', async () => {
    expect((await api(cms.url, '/comments')).status).toBe(403);
  });
});
