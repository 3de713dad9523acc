import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMPONENT_EDIT_VIEWS, EDIT_VIEWS, ensureEditViews } from '../src/bootstrap/edit-views';
import { startCms, type TestCms } from './helpers/strapi';

let cms: TestCms;
let adminToken: string;

/** The admin API the edit form reads its layout from. */
async function adminApi(path: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(`${cms.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

const configurationOf = async (uid: string) =>
  (await adminApi(`/content-manager/content-types/${uid}/configuration`)).data;

const fieldsInLayout = (edit: Array<Array<{ name: string }>>) =>
  edit.flat().map((field) => field.name);

beforeAll(async () => {
  cms = await startCms();
  adminToken = await registerFirstAdmin(cms.url);
});

afterAll(async () => {
  await cms?.stop();
});

describe('the edit forms', () => {
  it('label every field of articles, authors, sections and comments in Vietnamese', async () => {
    const article = (await configurationOf('api::article.article')).contentType;
    expect(article.metadatas.title.edit).toMatchObject({ label: 'Tiêu đề', editable: true });
    expect(article.metadatas.sapo.edit.label).toBe('Sa-pô');
    expect(article.metadatas.body.edit.label).toBe('Nội dung');
    expect(article.metadatas.cover.edit.label).toBe('Ảnh bìa');
    expect(article.metadatas.coverCaption.edit.label).toBe('Chú thích ảnh');
    expect(article.metadatas.category.edit).toMatchObject({
      label: 'Chuyên mục',
      mainField: 'name',
    });
    expect(article.metadatas.credits.edit.label).toBe('Tác giả bài');
    expect(article.metadatas.publicationTime.edit.label).toBe('Thời gian đăng (GMT+7)');
    expect(article.metadatas.scheduledAt.edit.label).toBe('Hẹn giờ đăng (GMT+7)');

    for (const [uid, view] of Object.entries(EDIT_VIEWS)) {
      const { contentType } = await configurationOf(uid);
      const shown = fieldsInLayout(contentType.layouts.edit);
      expect(shown, uid).toEqual(view.rows.flat().map(([name]) => name));
      for (const field of shown) {
        const label = contentType.metadatas[field].edit.label;
        expect(label, `${uid} ${field}`).toBe(view.fields[field]!.label);
        expect(label, `${uid} ${field}`).not.toBe(field);
      }
    }
  });

  it('show slug and number, but not for editing', async () => {
    const article = (await configurationOf('api::article.article')).contentType;
    expect(fieldsInLayout(article.layouts.edit)).toEqual(
      expect.arrayContaining(['slug', 'number']),
    );
    expect(article.metadatas.slug.edit).toMatchObject({ label: 'Đường dẫn', editable: false });
    expect(article.metadatas.number.edit).toMatchObject({ label: 'Số bài', editable: false });
    for (const uid of ['api::author.author', 'api::category.category']) {
      expect((await configurationOf(uid)).contentType.metadatas.slug.edit.editable).toBe(false);
    }
  });

  it('leave internal fields out', async () => {
    const hidden: Record<string, string[]> = {
      'api::article.article': ['formerPaths'],
      'api::category.category': ['formerSlugs', 'articles'],
      'api::comment.comment': ['ipHash', 'userAgent'],
    };
    for (const [uid, fields] of Object.entries(hidden)) {
      const shown = fieldsInLayout((await configurationOf(uid)).contentType.layouts.edit);
      for (const field of fields) expect(shown, uid).not.toContain(field);
    }
  });

  it("label the byline's role and author", async () => {
    const { components } = await configurationOf('api::article.article');
    const credit = components['article.credit'];
    expect(credit.metadatas.role.edit.label).toBe('Vai trò');
    expect(credit.metadatas.author.edit).toMatchObject({ label: 'Tác giả', mainField: 'name' });
    expect(fieldsInLayout(credit.layouts.edit)).toEqual(
      COMPONENT_EDIT_VIEWS['article.credit']!.rows.flat().map(([name]) => name),
    );
  });

  it('come back after a change in "Configure the view" and a restart', async () => {
    const before = await configurationOf('api::article.article');
    const { contentType } = before;
    const changed = structuredClone(contentType);
    changed.metadatas.title.edit.label = 'title';
    changed.metadatas.slug.edit.editable = true;
    changed.layouts.edit.reverse();
    // The GET adds each relation's mainField to its list metadata; the admin's PUT leaves it out.
    for (const meta of Object.values(changed.metadatas) as Array<{
      list: Record<string, unknown>;
    }>) {
      delete meta.list.mainField;
    }
    await adminApi('/content-manager/content-types/api::article.article/configuration', {
      method: 'PUT',
      body: JSON.stringify({
        settings: changed.settings,
        metadatas: changed.metadatas,
        layouts: changed.layouts,
      }),
    });
    expect(
      (await configurationOf('api::article.article')).contentType.metadatas.title.edit.label,
    ).toBe('title');

    cms = await cms.restart();
    const after = (await configurationOf('api::article.article')).contentType;
    expect(after.metadatas).toEqual(contentType.metadatas);
    expect(after.layouts).toEqual(contentType.layouts);
    expect(after.settings).toEqual(contentType.settings);
  });

  it('write nothing on a start that finds them in place', async () => {
    const contentManager = cms.strapi.plugin('content-manager');
    const writes = [
      vi.spyOn(contentManager.service('content-types') as any, 'updateConfiguration'),
      vi.spyOn(contentManager.service('components') as any, 'updateConfiguration'),
    ];
    await ensureEditViews(cms.strapi);
    for (const write of writes) {
      expect(write).not.toHaveBeenCalled();
      write.mockRestore();
    }
  });
});

describe("the content manager's menu", () => {
  it("lists the newsroom's types, not the users-permissions User", async () => {
    const { data } = await adminApi('/content-manager/content-types');
    const displayed = data
      .filter((type: { isDisplayed: boolean }) => type.isDisplayed)
      .map((type: { uid: string }) => type.uid)
      .sort();
    expect(displayed).toEqual([
      'api::article.article',
      'api::author.author',
      'api::category.category',
      'api::comment.comment',
    ]);
  });
});
