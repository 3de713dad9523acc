import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminUser } from '../scripts/lib/demo-admin';
import {
  EDITOR_ROLE_CODE,
  ensureNewsroomRoles,
  newsroomRoleId,
  REPORTER_ROLE_CODE,
} from '../src/bootstrap/newsroom-roles';
import { publishDueArticles } from '../src/utils/scheduled-publishing';
import { fixtures } from './helpers/fixtures';
import { adminApi, adminLogin, api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const PASSWORD = 'Roles-Test-123';

let cms: TestCms;
let categoryId: string;
const authorOf: Record<string, string> = {};
const tokenOf: Record<string, string> = {};

/** An admin user with a newsroom role, linked to an author profile by email; returns its JWT. */
async function staffMember(name: string, email: string, roleCode: string): Promise<string> {
  const author = await fixtures(cms.strapi).author({ name, email });
  authorOf[email] = author.documentId;
  await ensureAdminUser(
    cms.strapi,
    {
      email,
      password: PASSWORD,
      firstname: name,
      lastname: null,
      roleId: await newsroomRoleId(cms.strapi, roleCode),
    },
    () => {},
  );
  return adminLogin(cms.url, email, PASSWORD);
}

const asUser = (email: string) => ({
  create: (data: Record<string, unknown>) =>
    adminApi(cms.url, ARTICLES, { method: 'POST', token: tokenOf[email], body: data }),
  update: (documentId: string, data: Record<string, unknown>) =>
    adminApi(cms.url, `${ARTICLES}/${documentId}`, {
      method: 'PUT',
      token: tokenOf[email],
      body: data,
    }),
  publish: (documentId: string) =>
    adminApi(cms.url, `${ARTICLES}/${documentId}/actions/publish`, {
      method: 'POST',
      token: tokenOf[email],
      body: {},
    }),
  delete: (documentId: string) =>
    adminApi(cms.url, `${ARTICLES}/${documentId}`, { method: 'DELETE', token: tokenOf[email] }),
});

const REPORTER = 'lan.phong.vien@example.com';
const OTHER_REPORTER = 'khoa.phong.vien@example.com';
const EDITOR = 'hanh.bien.tap@example.com';

/** The article as readers get it (published version only), or null. */
async function published(documentId: string) {
  const response = await api(cms.url, `/articles/${documentId}`, { token: cms.siteToken });
  return response.status === 200 ? response.body.data : null;
}

beforeAll(async () => {
  cms = await startCms();
  categoryId = (await fixtures(cms.strapi).category({ name: 'Kinh tế' })).documentId;
  tokenOf[REPORTER] = await staffMember('Ngọc Lan', REPORTER, REPORTER_ROLE_CODE);
  // Typed with capitals on the author profile: the link ignores case.
  tokenOf[OTHER_REPORTER] = await staffMember(
    'Đăng Khoa',
    'Khoa.Phong.Vien@Example.com',
    REPORTER_ROLE_CODE,
  );
  tokenOf[EDITOR] = await staffMember('Mỹ Hạnh', EDITOR, EDITOR_ROLE_CODE);
});

afterAll(async () => {
  await cms?.stop();
});

describe('the newsroom roles', () => {
  it('exist once each, with the same permissions after bootstrap runs again', async () => {
    const roles = await cms.strapi.db
      .query('admin::role')
      .findMany({ where: { code: { $in: [REPORTER_ROLE_CODE, EDITOR_ROLE_CODE] } } });
    expect(roles.map((role: { name: string }) => role.name).sort()).toEqual([
      'Biên tập viên',
      'Phóng viên',
    ]);
    const permissions = () =>
      cms.strapi.db.query('admin::permission').findMany({
        where: { role: { code: REPORTER_ROLE_CODE } },
        orderBy: { id: 'asc' },
      });
    const before = await permissions();
    await ensureNewsroomRoles(cms.strapi);
    expect(await permissions()).toEqual(before);
  });

  it("credits a reporter's new article to their author profile, and only they may edit it", async () => {
    const reporter = asUser(REPORTER);
    const created = await reporter.create({ title: 'Giá lúa tăng vụ mùa', category: categoryId });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;

    const article = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId, populate: { credits: { populate: ['author'] } } });
    expect(article?.credits?.map((credit) => [credit.role, credit.author?.documentId])).toEqual([
      ['Bài', authorOf[REPORTER]],
    ]);

    expect((await reporter.update(documentId, { sapo: 'Giá lúa tăng.' })).status).toBe(200);
    expect((await asUser(OTHER_REPORTER).update(documentId, { sapo: 'Sửa trộm.' })).status).toBe(
      403,
    );
    expect((await asUser(OTHER_REPORTER).delete(documentId)).status).toBe(403);
  });

  it('credits the other way round for the second reporter (email typed with capitals)', async () => {
    const created = await asUser(OTHER_REPORTER).create({ title: 'Chợ phiên vùng cao' });
    expect(created.status).toBe(201);
    const article = await cms.strapi.documents('api::article.article').findOne({
      documentId: created.body.data.documentId,
      populate: { credits: { populate: ['author'] } },
    });
    expect(article?.credits?.[0]?.author?.documentId).toBe(authorOf['Khoa.Phong.Vien@Example.com']);
  });

  it('keeps credits a reporter chose', async () => {
    const created = await asUser(REPORTER).create({
      title: 'Bài viết chung',
      credits: [{ role: 'Ảnh', author: authorOf[EDITOR] }],
    });
    expect(created.status).toBe(201);
    const article = await cms.strapi.documents('api::article.article').findOne({
      documentId: created.body.data.documentId,
      populate: { credits: { populate: ['author'] } },
    });
    expect(article?.credits?.map((credit) => [credit.role, credit.author?.documentId])).toEqual([
      ['Ảnh', authorOf[EDITOR]],
    ]);
  });

  it('refuses a reporter the publish, and the schedule, but lets an editor publish', async () => {
    const reporter = asUser(REPORTER);
    const { documentId } = (
      await reporter.create({ title: 'Đường mới về xã', category: categoryId })
    ).body.data;

    expect((await reporter.publish(documentId)).status).toBe(403);
    // A time in the schedule field would publish it without an editor: the field is not theirs.
    const scheduled = await reporter.update(documentId, {
      scheduledAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(scheduled.status).toBe(200);
    const draft = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId, status: 'draft' });
    expect(draft?.scheduledAt ?? null).toBeNull();
    expect(await published(documentId)).toBeNull();
    // Nor on a new article, nor a back-dated publication time: the save goes through without them.
    const withTimes = await reporter.create({
      title: 'Bài tự hẹn giờ',
      scheduledAt: new Date(Date.now() + 60_000).toISOString(),
      publicationTime: '2020-01-01T00:00:00.000Z',
    });
    expect(withTimes.status).toBe(201);
    const stored = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId: withTimes.body.data.documentId, status: 'draft' });
    expect(stored?.title).toBe('Bài tự hẹn giờ');
    expect(stored?.scheduledAt ?? null).toBeNull();
    expect(stored?.publicationTime ?? null).toBeNull();

    const editor = asUser(EDITOR);
    expect((await editor.update(documentId, { sapo: 'Biên tập viên sửa sa-pô.' })).status).toBe(
      200,
    );
    expect((await editor.publish(documentId)).status).toBe(200);
    expect((await published(documentId))?.sapo).toBe('Biên tập viên sửa sa-pô.');
  });

  it('lets a reporter delete their own draft, but not their article once it is live', async () => {
    const reporter = asUser(REPORTER);
    const draft = (await reporter.create({ title: 'Bản nháp bỏ đi' })).body.data;
    expect((await reporter.delete(draft.documentId)).status).toBe(200);

    const { documentId } = (
      await reporter.create({ title: 'Bài đã lên trang', category: categoryId })
    ).body.data;
    expect((await asUser(EDITOR).publish(documentId)).status).toBe(200);
    // Deleting it would take it off the site: unpublishing is the editors' call.
    expect((await reporter.delete(documentId)).status).toBe(403);
    expect(await published(documentId)).not.toBeNull();
    expect((await asUser(EDITOR).delete(documentId)).status).toBe(200);
    expect(await published(documentId)).toBeNull();
  });

  it("keeps a reporter's edit of a published article in the draft until an editor publishes it again", async () => {
    const reporter = asUser(REPORTER);
    const editor = asUser(EDITOR);
    const { documentId } = (
      await reporter.create({ title: 'Lễ hội mùa xuân', category: categoryId })
    ).body.data;
    expect((await editor.publish(documentId)).status).toBe(200);
    const first = await published(documentId);

    expect((await reporter.update(documentId, { title: 'Lễ hội mùa xuân khai mạc' })).status).toBe(
      200,
    );
    expect((await published(documentId))?.title).toBe('Lễ hội mùa xuân');

    expect((await editor.publish(documentId)).status).toBe(200);
    const again = await published(documentId);
    expect(again.title).toBe('Lễ hội mùa xuân khai mạc');
    // What the site prints: the first publication time, and "Cập nhật" from the moved publishedAt.
    expect(again.publicationTime).toBe(first.publicationTime);
    expect(Date.parse(again.publishedAt)).toBeGreaterThan(Date.parse(first.publishedAt));
  });

  it("republishes a reporter's edit at the time an editor scheduled, with what the draft holds then", async () => {
    const reporter = asUser(REPORTER);
    const editor = asUser(EDITOR);
    const { documentId } = (
      await reporter.create({ title: 'Chợ phiên vùng cao', category: categoryId })
    ).body.data;
    expect((await editor.publish(documentId)).status).toBe(200);
    const first = await published(documentId);

    // An hour ahead: the CMS's own check never reaches it; the test runs the check at that time.
    const at = new Date(Date.now() + 60 * 60_000);
    expect(
      (await reporter.update(documentId, { title: 'Chợ phiên vùng cao họp sớm' })).status,
    ).toBe(200);
    expect((await editor.update(documentId, { scheduledAt: at.toISOString() })).status).toBe(200);
    // The reporter edits again before the time; their save leaves the editor's schedule alone.
    expect(
      (await reporter.update(documentId, { sapo: 'Sa-pô viết lại sau khi hẹn giờ.' })).status,
    ).toBe(200);
    const draft = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId, status: 'draft' });
    expect(new Date(draft!.scheduledAt as string).toISOString()).toBe(at.toISOString());
    expect((await published(documentId))?.title).toBe('Chợ phiên vùng cao');

    // The check the cron task runs: nothing before the time, the draft as it is then at the time.
    expect(await publishDueArticles(cms.strapi, new Date(at.getTime() - 1_000))).toBe(0);
    expect(await publishDueArticles(cms.strapi, at)).toBe(1);
    const again = await published(documentId);
    expect(again.title).toBe('Chợ phiên vùng cao họp sớm');
    expect(again.sapo).toBe('Sa-pô viết lại sau khi hẹn giờ.');
    expect(again.publicationTime).toBe(first.publicationTime);
    expect(Date.parse(again.publishedAt)).toBeGreaterThan(Date.parse(first.publishedAt));
  });
});
