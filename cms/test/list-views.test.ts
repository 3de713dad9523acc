import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ARTICLE_BYLINES_PATH } from '../src/admin-api/article-bylines';
import { ensureListViews, LIST_VIEWS } from '../src/bootstrap/list-views';
import { ARTICLE_UID, COMMENT_UID } from '../src/utils/content-types';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

// The admin's list views as the admin API gives them to the content manager; what the admin
// draws from them is comment-moderation-admin.test.ts's (Chromium).

let cms: TestCms;
let adminToken: string;

async function adminFetch(path: string, init: RequestInit = {}, token = adminToken) {
  return fetch(`${cms.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

async function adminApi(path: string, init: RequestInit = {}): Promise<any> {
  const response = await adminFetch(path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

const configurationOf = async (uid: string) =>
  (await adminApi(`/content-manager/content-types/${uid}/configuration`)).data.contentType;

beforeAll(async () => {
  cms = await startCms();
  adminToken = await registerFirstAdmin(cms.url);
});

afterAll(async () => {
  await cms?.stop();
});

describe('the list views', () => {
  it('list comments newest first with name, text, article, state and time', async () => {
    const comments = await configurationOf(COMMENT_UID);
    expect(comments.layouts.list).toEqual(['name', 'body', 'article', 'moderation', 'createdAt']);
    expect(comments.settings).toMatchObject({
      mainField: 'name',
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      bulkable: true,
      filterable: true,
    });
    expect(comments.metadatas.article.edit.mainField).toBe('title');
    expect(comments.metadatas.moderation.list.label).toBe('Kiểm duyệt');
  });

  it('list articles newest first with title, section, byline and publication time', async () => {
    const articles = await configurationOf(ARTICLE_UID);
    expect(articles.layouts.list).toEqual(['title', 'category', 'credits', 'publicationTime']);
    expect(articles.settings).toMatchObject({
      mainField: 'title',
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      filterable: true,
    });
    expect(articles.metadatas.category.edit.mainField).toBe('name');
    const labels = articles.layouts.list.map(
      (field: string) => articles.metadatas[field].list.label,
    );
    expect(labels).toEqual(['Tiêu đề', 'Chuyên mục', 'Tác giả', 'Thời gian đăng']);
  });

  it('come back after a change in "Configure the view" and a restart', async () => {
    const before = await configurationOf(ARTICLE_UID);
    const changed = structuredClone(before);
    changed.settings.defaultSortBy = 'title';
    changed.settings.defaultSortOrder = 'ASC';
    changed.layouts.list = ['title', 'slug', 'number'];
    for (const meta of Object.values(changed.metadatas) as Array<{
      list: Record<string, unknown>;
    }>) {
      delete meta.list.mainField;
    }
    await adminApi(`/content-manager/content-types/${ARTICLE_UID}/configuration`, {
      method: 'PUT',
      body: JSON.stringify({
        settings: changed.settings,
        metadatas: changed.metadatas,
        layouts: changed.layouts,
      }),
    });
    expect((await configurationOf(ARTICLE_UID)).layouts.list).toEqual(['title', 'slug', 'number']);

    cms = await cms.restart();
    const after = await configurationOf(ARTICLE_UID);
    expect(after.layouts.list).toEqual(Object.keys(LIST_VIEWS[ARTICLE_UID]!.columns));
    expect(after.settings).toEqual(before.settings);
  });

  it('write nothing on a start that finds them in place', async () => {
    const write = vi.spyOn(
      cms.strapi.plugin('content-manager').service('content-types') as any,
      'updateConfiguration',
    );
    await ensureListViews(cms.strapi);
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});

describe("the article list's byline and author filter", () => {
  let lanArticle: string;
  let sonArticle: string;
  let lanId: number;

  beforeAll(async () => {
    const f = fixtures(cms.strapi);
    const son = await f.author({ name: 'Trường Sơn' });
    const lan = await f.author({ name: 'Mai Lan' });
    lanId = (
      await cms.strapi.db
        .query('api::author.author')
        .findOne({ where: { documentId: lan.documentId } })
    ).id;
    sonArticle = (
      await f.article(
        {
          title: 'Một',
          credits: [
            { role: 'Bài', author: son.documentId },
            { role: 'Ảnh', author: lan.documentId },
          ],
        },
        'published',
      )
    ).documentId;
    lanArticle = (
      await f.article({ title: 'Hai', credits: [{ role: 'Ảnh', author: lan.documentId }] })
    ).documentId;
  });

  it('gives the bylines of the rows shown, to an admin only', async () => {
    const path = `${ARTICLE_BYLINES_PATH}?documentIds=${sonArticle},${lanArticle}`;
    expect(await adminApi(path)).toEqual({
      data: { [sonArticle]: 'Bài: TRƯỜNG SƠN - Ảnh: MAI LAN', [lanArticle]: 'Ảnh: MAI LAN' },
    });
    expect((await fetch(`${cms.url}${path}`)).status).toBe(401);
    expect((await adminFetch(path, {}, cms.siteToken)).status).toBe(401);
  });

  it('filters the list by an author of the byline', async () => {
    const list = await adminApi(
      `/content-manager/collection-types/${ARTICLE_UID}?page=1&pageSize=10&filters[$and][0][credits][author][$eq]=${lanId}`,
    );
    expect(list.results.map((article: { title: string }) => article.title).sort()).toEqual([
      'Hai',
      'Một',
    ]);
    const sonOnly = await adminApi(
      `/content-manager/collection-types/${ARTICLE_UID}?page=1&pageSize=10&filters[$and][0][credits][role][$eq]=Bài`,
    );
    expect(sonOnly.results.map((article: { title: string }) => article.title)).toEqual(['Một']);
  });
});
