import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

// An article's former addresses (formerPaths) and a category's former slugs (formerSlugs): what
// the site needs to keep old links working after an editor renames or moves a published article.

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
let thoiSu: { documentId: string; slug: string };
let kinhTe: { documentId: string; slug: string };

const articles = () => cms.strapi.documents('api::article.article');

/** The draft and published rows of an article, straight from the database. */
async function versionsOf(documentId: string) {
  const rows: Array<{ publishedAt: unknown; formerPaths: unknown; slug: string }> =
    await cms.strapi.db
      .query('api::article.article')
      .findMany({ where: { documentId }, orderBy: { id: 'asc' } });
  return {
    draft: rows.find((row) => row.publishedAt == null),
    published: rows.find((row) => row.publishedAt != null),
  };
}

/** What the site's read-only token gets for an article's formerPaths over HTTP. */
async function publishedFormerPaths(documentId: string): Promise<unknown> {
  const response = await api(cms.url, `/articles/${documentId}`, {
    token: cms.siteToken,
    query: [['fields[0]', 'formerPaths']],
  });
  expect(response.status).toBe(200);
  return response.body.data.formerPaths;
}

/** As the admin's Save then Publish: the draft is updated, then `publish` copies it. */
async function editAndPublish(documentId: string, data: Record<string, unknown>) {
  await articles().update({ documentId, data: data as any });
  await articles().publish({ documentId });
}

const pathOf = (category: { slug: string }, slug: string, number: number) =>
  `/${category.slug}/${slug}-${number}.html`;

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
  thoiSu = (await make.category({ name: 'Thời sự' })) as any;
  kinhTe = (await make.category({ name: 'Kinh tế' })) as any;
});

afterAll(async () => {
  await cms?.stop();
});

describe('formerPaths of an article', () => {
  it('records the published address when a new slug is published, on both rows', async () => {
    const article: any = await make.article(
      { title: 'Lễ hội đua ghe ngo', category: thoiSu.documentId },
      'published',
    );
    const oldPath = pathOf(thoiSu, 'le-hoi-dua-ghe-ngo', article.number);
    await editAndPublish(article.documentId, { slug: 'dua-ghe-ngo-soc-trang' });

    const { draft, published } = await versionsOf(article.documentId);
    expect(published?.slug).toBe('dua-ghe-ngo-soc-trang');
    expect(draft?.formerPaths).toEqual([oldPath]);
    expect(published?.formerPaths).toEqual([oldPath]);
    expect(await publishedFormerPaths(article.documentId)).toEqual([oldPath]);
  });

  it('records the old category address when an article moves and is republished', async () => {
    const article: any = await make.article(
      { title: 'Giá lúa tăng', category: thoiSu.documentId },
      'published',
    );
    await editAndPublish(article.documentId, { category: kinhTe.documentId });
    expect(await publishedFormerPaths(article.documentId)).toEqual([
      pathOf(thoiSu, 'gia-lua-tang', article.number),
    ]);
  });

  it('records nothing for changes that stay in the draft', async () => {
    const article: any = await make.article(
      { title: 'Bản tin sáng', category: thoiSu.documentId },
      'published',
    );
    await articles().update({
      documentId: article.documentId,
      data: { slug: 'ban-tin-chieu', category: kinhTe.documentId } as any,
    });
    const { draft, published } = await versionsOf(article.documentId);
    expect(draft?.slug).toBe('ban-tin-chieu');
    expect(draft?.formerPaths ?? []).toEqual([]);
    expect(published?.formerPaths ?? []).toEqual([]);
  });

  it('records nothing for an article never published, nor for a republish without changes', async () => {
    const draftOnly: any = await make.article({ title: 'Nháp', category: thoiSu.documentId });
    await editAndPublish(draftOnly.documentId, { slug: 'nhap-da-sua' });
    expect(await publishedFormerPaths(draftOnly.documentId)).toBeNull();

    await editAndPublish(draftOnly.documentId, { title: 'Nháp, sửa tiêu đề' });
    expect(await publishedFormerPaths(draftOnly.documentId)).toBeNull();
  });

  it('keeps each address once, and drops one that is live again', async () => {
    const article: any = await make.article(
      { title: 'Đường về Sóc Trăng', category: thoiSu.documentId },
      'published',
    );
    const at = (category: { slug: string }, slug: string) => pathOf(category, slug, article.number);
    await editAndPublish(article.documentId, { slug: 'duong-ve-mien-tay' });
    await editAndPublish(article.documentId, { slug: 'duong-ve-soc-trang' });
    await editAndPublish(article.documentId, { slug: 'duong-ve-mien-tay' });
    await editAndPublish(article.documentId, { category: kinhTe.documentId });

    expect(await publishedFormerPaths(article.documentId)).toEqual([
      at(thoiSu, 'duong-ve-soc-trang'),
      at(thoiSu, 'duong-ve-mien-tay'),
    ]);
    await editAndPublish(article.documentId, { category: thoiSu.documentId });
    expect(await publishedFormerPaths(article.documentId)).toEqual([
      at(thoiSu, 'duong-ve-soc-trang'),
      at(kinhTe, 'duong-ve-mien-tay'),
    ]);
  });

  it('records an update straight to published (REST PUT ?status=published) over HTTP', async () => {
    const article: any = await make.article(
      { title: 'Mùa nước nổi', category: thoiSu.documentId },
      'published',
    );
    // A full-access token, as an integration would use; the site token may not write.
    const token = (await cms.strapi.service('admin::api-token-content-api').create({
      name: 'former-paths-test',
      description: 'Writes test content',
      type: 'full-access',
      lifespan: null,
    })) as {
      accessKey: string;
    };
    const response = await api(cms.url, `/articles/${article.documentId}`, {
      method: 'PUT',
      token: token.accessKey,
      query: [['status', 'published']],
      body: { data: { slug: 'mua-nuoc-noi-mien-tay' } },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.slug).toBe('mua-nuoc-noi-mien-tay');
    expect(response.body.data.publishedAt).toBeTruthy();

    const { draft, published } = await versionsOf(article.documentId);
    expect(published?.slug).toBe('mua-nuoc-noi-mien-tay');
    expect(draft?.formerPaths).toEqual([pathOf(thoiSu, 'mua-nuoc-noi', article.number)]);
    expect(published?.formerPaths).toEqual([pathOf(thoiSu, 'mua-nuoc-noi', article.number)]);
  });

  it('keeps the address of an unpublished article for when it comes back elsewhere', async () => {
    const article: any = await make.article(
      { title: 'Chợ nổi Cái Răng', category: thoiSu.documentId },
      'published',
    );
    await articles().unpublish({ documentId: article.documentId });
    await editAndPublish(article.documentId, { slug: 'cho-noi-can-tho' });
    expect(await publishedFormerPaths(article.documentId)).toEqual([
      pathOf(thoiSu, 'cho-noi-cai-rang', article.number),
    ]);

    // Unpublished and republished at the same address: nothing to redirect.
    const same: any = await make.article(
      { title: 'Bánh pía', category: thoiSu.documentId },
      'published',
    );
    await articles().unpublish({ documentId: same.documentId });
    await articles().publish({ documentId: same.documentId });
    expect(await publishedFormerPaths(same.documentId)).toEqual([]);
  });

  it('stores addresses in NFC from slugs typed in NFD', async () => {
    const article: any = await make.article(
      { title: 'Tin ngắn', category: thoiSu.documentId },
      'published',
    );
    await editAndPublish(article.documentId, { slug: 'Đà Nẵng mưa lớn'.normalize('NFD') });
    await editAndPublish(article.documentId, { slug: 'tin-ngan' });
    const [former] = (await publishedFormerPaths(article.documentId)) as string[];
    expect(former).toBe(pathOf(thoiSu, 'da-nang-mua-lon', article.number));
    expect(former).toBe(former!.normalize('NFC'));
  });

  it('cannot be rewritten by an edit', async () => {
    const article: any = await make.article(
      { title: 'Hội chợ', category: thoiSu.documentId },
      'published',
    );
    await editAndPublish(article.documentId, { slug: 'hoi-cho-thuong-mai' });
    await editAndPublish(article.documentId, {
      formerPaths: ['/gia/mao-1.html'],
      title: 'Hội chợ!',
    });
    expect(await publishedFormerPaths(article.documentId)).toEqual([
      pathOf(thoiSu, 'hoi-cho', article.number),
    ]);
  });
});

describe('formerSlugs of a category', () => {
  const categories = () => cms.strapi.documents('api::category.category');

  it('records the old slug when the slug changes, not when only the name does', async () => {
    const category: any = await make.category({ name: 'Văn hóa' });
    await categories().update({
      documentId: category.documentId,
      data: { name: 'Văn hóa - Xã hội' },
    });
    let stored: any = await categories().findOne({ documentId: category.documentId });
    expect(stored.slug).toBe('van-hoa');
    expect(stored.formerSlugs ?? []).toEqual([]);

    await categories().update({
      documentId: category.documentId,
      data: { slug: 'Văn hóa Xã hội' },
    });
    await categories().update({ documentId: category.documentId, data: { slug: 'giai-tri' } });
    stored = await categories().findOne({ documentId: category.documentId });
    expect(stored.slug).toBe('giai-tri');
    expect(stored.formerSlugs).toEqual(['van-hoa', 'van-hoa-xa-hoi']);

    // Back to an old slug: it is live again, not a former one; the list can't be overwritten.
    await categories().update({
      documentId: category.documentId,
      data: { slug: 'van-hoa', formerSlugs: [] } as any,
    });
    stored = await categories().findOne({ documentId: category.documentId });
    expect(stored.formerSlugs).toEqual(['van-hoa-xa-hoi', 'giai-tri']);

    const response = await api(cms.url, `/categories/${category.documentId}`, {
      token: cms.siteToken,
      query: [['fields[0]', 'formerSlugs']],
    });
    expect(response.body.data.formerSlugs).toEqual(['van-hoa-xa-hoi', 'giai-tri']);
  });
});
