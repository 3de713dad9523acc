import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;

const articles = () => cms.strapi.documents('api::article.article');
/** Both rows of a document (draft and published), straight from the database. */
const rowsOf = (documentId: string) =>
  cms.strapi.db
    .query('api::article.article')
    .findMany({ where: { documentId }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
});

afterAll(async () => {
  await cms?.stop();
});

describe('text normalization', () => {
  it('stores NFD input as NFC, components and JSON included', async () => {
    const author = await make.author({ name: 'Ngọc Ánh' });
    const article = await make.article({
      title: 'Việt Nam'.normalize('NFD'),
      sapo: 'Hà Nội mùa thu'.normalize('NFD'),
      tags: ['Đồng bằng'.normalize('NFD')],
      credits: [{ role: 'Bài, ảnh'.normalize('NFD'), author: author.documentId }],
    });
    const stored = await articles().findOne({
      documentId: article.documentId,
      populate: ['credits'],
    });
    expect(stored?.title).toBe('Việt Nam'.normalize('NFC'));
    expect(stored?.sapo).toBe('Hà Nội mùa thu'.normalize('NFC'));
    expect(stored?.tags).toEqual(['Đồng bằng'.normalize('NFC')]);
    expect((stored as any).credits[0].role).toBe('Bài, ảnh'.normalize('NFC'));
  });
});

describe('article slugs', () => {
  it('come from a Vietnamese title', async () => {
    const article = await make.article({
      title: 'Ngành tổ chức xây dựng Đảng nỗ lực thực hiện tốt nhiệm vụ',
    });
    expect(article.slug).toBe('nganh-to-chuc-xay-dung-dang-no-luc-thuc-hien-tot-nhiem-vu');
  });

  it('are the same for NFD input, deduplicated with -2, -3', async () => {
    const title = 'Đường về Sóc Trăng';
    const first = await make.article({ title });
    const second = await make.article({ title: title.normalize('NFD') });
    const third = await make.article({ title }, 'published');
    expect([first.slug, second.slug, third.slug]).toEqual([
      'duong-ve-soc-trang',
      'duong-ve-soc-trang-2',
      'duong-ve-soc-trang-3',
    ]);
  });

  it('take the first free suffix, past the first ten and in a gap', async () => {
    // Candidates are checked ten at a time (exact matches, by index): cross that boundary.
    const created = [];
    for (let n = 0; n < 12; n++) created.push(await make.article({ title: 'Tin mưa bão' }));
    expect(created.slice(9).map((article) => article.slug)).toEqual([
      'tin-mua-bao-10',
      'tin-mua-bao-11',
      'tin-mua-bao-12',
    ]);
    await articles().delete({ documentId: created[1].documentId });
    expect((await make.article({ title: 'Tin mưa bão' })).slug).toBe('tin-mua-bao-2');
    expect((await make.article({ title: 'Tin mưa bão' })).slug).toBe('tin-mua-bao-13');
  });

  it('are normalized and deduplicated when given explicitly', async () => {
    const first = await make.article({ title: 'Một', slug: 'Tin Nóng Hôm Nay' });
    const second = await make.article({ title: 'Hai', slug: 'tin-nong-hom-nay' });
    expect([first.slug, second.slug]).toEqual(['tin-nong-hom-nay', 'tin-nong-hom-nay-2']);
  });

  it('are kept when the title changes, through publish', async () => {
    const article = await make.article({ title: 'Tiêu đề ban đầu' }, 'published');
    // An edit form sends the slug back unchanged: it must not collide with its own published row.
    await articles().update({
      documentId: article.documentId,
      data: { title: 'Tiêu đề đã sửa', slug: article.slug } as any,
    });
    await articles().update({
      documentId: article.documentId,
      data: { title: 'Tiêu đề sửa lần hai' },
    });
    await articles().publish({ documentId: article.documentId });
    const rows = await rowsOf(article.documentId);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.slug)).toEqual(['tieu-de-ban-dau', 'tieu-de-ban-dau']);
    expect(rows.map((row) => row.title)).toEqual(['Tiêu đề sửa lần hai', 'Tiêu đề sửa lần hai']);
  });

  it('are given to a draft created without a title once it gets one', async () => {
    const article = await make.article({ sapo: 'Chưa có tiêu đề' });
    expect(article.slug ?? null).toBeNull();
    const updated = await articles().update({
      documentId: article.documentId,
      data: { title: 'Có tiêu đề rồi' },
    });
    expect(updated?.slug).toBe('co-tieu-de-roi');
  });

  it('are new for a copy (clone), as is its number', async () => {
    const source = await make.article({ title: 'Bài gốc' });
    const clone = await articles().clone({ documentId: source.documentId, data: {} as any });
    const [copy] = await rowsOf(clone!.documentId);
    expect(copy.slug).toBe('bai-goc-2');
    expect(copy.number).not.toBe(source.number);
  });

  it('stay unique when many articles are created at once', async () => {
    const created = await Promise.all(
      Array.from({ length: 5 }, () => make.article({ title: 'Tin nhanh cùng lúc' })),
    );
    expect(new Set(created.map((a) => a.slug)).size).toBe(5);
    expect(new Set(created.map((a) => a.number)).size).toBe(5);
  });
});

describe('category and author slugs', () => {
  it('come from the name, deduplicated', async () => {
    expect((await make.category({ name: 'Kinh tế' })).slug).toBe('kinh-te');
    expect((await make.category({ name: 'Kinh tế' })).slug).toBe('kinh-te-2');
    expect((await make.author({ name: 'Trường Sơn' })).slug).toBe('truong-son');
    expect((await make.author({ name: 'Nguyễn Văn Đức', slug: 'duc-nv' })).slug).toBe('duc-nv');
  });

  it('are kept when the name changes', async () => {
    const category = await make.category({ name: 'Văn hóa' });
    const renamed = await cms.strapi
      .documents('api::category.category')
      .update({ documentId: category.documentId, data: { name: 'Văn hóa - Xã hội' } });
    expect(renamed?.slug).toBe('van-hoa');
  });
});

describe('article numbers', () => {
  it('count up and stay the same through edits, publish and unpublish', async () => {
    const first = await make.article({ title: 'Số một' });
    const second = await make.article({ title: 'Số hai' });
    expect(second.number).toBe((first.number as number) + 1);

    const { documentId } = second;
    await articles().update({ documentId, data: { title: 'Số hai (sửa)' } });
    await articles().publish({ documentId });
    await articles().update({ documentId, data: { sapo: 'Thêm sapo', number: null } as any });
    await articles().publish({ documentId });
    expect((await rowsOf(documentId)).map((row) => row.number)).toEqual([
      second.number,
      second.number,
    ]);

    await articles().unpublish({ documentId });
    expect((await rowsOf(documentId)).map((row) => row.number)).toEqual([second.number]);

    const third = await make.article({ title: 'Số ba' });
    expect(third.number).toBe((second.number as number) + 1);
  });

  it('may be given on import, but not taken twice or changed later', async () => {
    const imported = await make.article({ title: 'Bài lưu trữ', number: 90001 });
    expect(imported.number).toBe(90001);
    await expect(make.article({ title: 'Trùng số', number: 90001 })).rejects.toThrow(/90001/);
    await expect(
      articles().update({ documentId: imported.documentId, data: { number: 5 } as any }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect((await make.article({ title: 'Sau bài lưu trữ' })).number).toBe(90002);
  });
});

describe('publicationTime', () => {
  it('is kept when given (back-dated imports)', async () => {
    const backDated = '2019-04-30T01:30:00.000Z';
    const article = await make.article({ title: 'Tin cũ', publicationTime: backDated });
    await articles().publish({ documentId: article.documentId });
    const published = await articles().findOne({
      documentId: article.documentId,
      status: 'published',
    });
    expect(new Date(published?.publicationTime as string).toISOString()).toBe(backDated);

    const createdPublished = await make.article(
      { title: 'Tin cũ 2', publicationTime: backDated },
      'published',
    );
    expect(new Date(createdPublished.publicationTime as string).toISOString()).toBe(backDated);
  });

  it('is set on the first publish when missing, then kept', async () => {
    const article = await make.article({ title: 'Tin mới' });
    expect(article.publicationTime ?? null).toBeNull();

    const before = Date.now();
    await articles().publish({ documentId: article.documentId });
    const first = await articles().findOne({ documentId: article.documentId, status: 'published' });
    const stamped = new Date(first?.publicationTime as string).getTime();
    expect(stamped).toBeGreaterThanOrEqual(before - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);

    await articles().update({ documentId: article.documentId, data: { sapo: 'Cập nhật' } });
    await articles().publish({ documentId: article.documentId });
    const again = await articles().findOne({ documentId: article.documentId, status: 'published' });
    expect(new Date(again?.publicationTime as string).getTime()).toBe(stamped);
  });

  it('is set when created or updated straight to published', async () => {
    const created = await make.article({ title: 'Đăng ngay' }, 'published');
    expect(created.publicationTime).toBeTruthy();

    const draft = await make.article({ title: 'Sửa rồi đăng' });
    const published = await articles().update({
      documentId: draft.documentId,
      data: { sapo: 'Xong' },
      status: 'published',
    });
    expect(published?.publicationTime).toBeTruthy();
  });
});
