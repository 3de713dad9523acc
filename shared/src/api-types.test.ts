import { describe, expect, it } from 'vitest';
import {
  articleSchema,
  authorSchema,
  categorySchema,
  listResponse,
  mediaSchema,
  paginationSchema,
} from './api-types';

// Shaped like GET /api/articles?populate[cover]=…&populate[category]=…&populate[credits]… on
// Strapi 5.54, extra keys (createdAt, locale, hash, …) included on purpose.
const cover = {
  id: 3,
  documentId: 'm1a2b3c4d5e6f7g8h9i0j1k2',
  name: 'cau-rong.jpg',
  alternativeText: 'Cầu Rồng về đêm',
  caption: null,
  width: 1600,
  height: 900,
  formats: {
    thumbnail: {
      name: 'thumbnail_cau-rong.jpg',
      hash: 'x',
      ext: '.jpg',
      mime: 'image/jpeg',
      width: 245,
      height: 138,
      size: 8.1,
      url: '/uploads/thumbnail_cau_rong_0a1b2c.jpg',
    },
    small: {
      url: '/uploads/small_cau_rong_0a1b2c.jpg',
      width: 500,
      height: 281,
      mime: 'image/jpeg',
    },
  },
  hash: 'cau_rong_0a1b2c',
  ext: '.jpg',
  mime: 'image/jpeg',
  url: '/uploads/cau_rong_0a1b2c.jpg',
  provider: 'local',
  createdAt: '2023-10-12T01:00:00.000Z',
};

const article = {
  id: 12,
  documentId: 'a9x8y7w6v5u4t3s2r1q0p9o8',
  title: 'Ngành tổ chức xây dựng Đảng nỗ lực thực hiện tốt nhiệm vụ',
  slug: 'nganh-to-chuc-xay-dung-dang-no-luc-thuc-hien-tot-nhiem-vu',
  number: 1042,
  sapo: 'Năm 2023, ngành tổ chức xây dựng Đảng tỉnh đã hoàn thành các nhiệm vụ trọng tâm.',
  body: '## Kết quả nổi bật\n\nNội dung…',
  coverCaption: 'Hội nghị tổng kết. Ảnh: T.S',
  publicationTime: '2023-10-12T01:29:00.000Z',
  tags: ['xây dựng Đảng', 'tổ chức'],
  seoDescription: null,
  createdAt: '2023-10-12T01:20:00.000Z',
  updatedAt: '2023-10-12T01:35:10.123Z',
  publishedAt: '2023-10-12T01:29:00.000Z',
  locale: null,
  cover,
  category: { id: 2, documentId: 'c0c0c0c0c0c0c0c0c0c0c0c0', name: 'Thời sự', slug: 'thoi-su' },
  credits: [
    {
      id: 7,
      role: 'Bài, ảnh',
      author: {
        id: 4,
        documentId: 'u1u1u1u1u1u1u1u1u1u1u1u1',
        name: 'Trường Sơn',
        slug: 'truong-son',
      },
    },
  ],
};

const page = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
});

describe('articleSchema', () => {
  it('parses a Strapi 5 article and strips keys the site does not use', () => {
    const parsed = articleSchema.parse(article);
    expect(parsed.title).toBe(article.title);
    expect(parsed.cover?.formats?.small?.url).toBe('/uploads/small_cau_rong_0a1b2c.jpg');
    expect(parsed.category?.slug).toBe('thoi-su');
    expect(parsed.credits).toEqual([article.credits[0]]);
    expect(parsed).not.toHaveProperty('createdAt');
    expect(parsed.cover).not.toHaveProperty('hash');
  });

  it('accepts missing optional parts and turns empty text into ""', () => {
    const { cover: _c, category: _k, credits: _r, tags: _t, seoDescription: _s, ...bare } = article;
    const parsed = articleSchema.parse({ ...bare, sapo: null, body: null, coverCaption: null });
    expect(parsed.credits).toEqual([]);
    expect(parsed.sapo).toBe('');
    expect(parsed.body).toBe('');
    expect(parsed.cover).toBeUndefined();
    expect(
      articleSchema.parse({ ...article, cover: null, category: null, tags: null }).cover,
    ).toBeNull();
  });

  it('keeps a credit whose author was deleted', () => {
    const credits = [{ id: 8, role: 'Ảnh', author: null }];
    expect(articleSchema.parse({ ...article, credits }).credits).toEqual(credits);
  });

  it('fails on a missing or mistyped required field', () => {
    const { number: _n, ...withoutNumber } = article;
    expect(articleSchema.safeParse(withoutNumber).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, documentId: undefined }).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, number: '1042' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, publicationTime: 'hôm qua' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, tags: 'a,b' }).success).toBe(false);
  });
});

describe('mediaSchema', () => {
  it('parses an image and an SVG without size or formats', () => {
    expect(mediaSchema.parse(cover).url).toBe('/uploads/cau_rong_0a1b2c.jpg');
    const svg = {
      url: '/uploads/logo.svg',
      alternativeText: null,
      width: null,
      height: null,
      formats: null,
    };
    expect(mediaSchema.parse(svg)).toEqual(svg);
    expect(mediaSchema.safeParse({ alternativeText: null, width: 1, height: 1 }).success).toBe(
      false,
    );
  });
});

describe('categorySchema and authorSchema', () => {
  it('parse list responses', () => {
    const categories = listResponse(categorySchema).parse(
      page([
        {
          id: 1,
          documentId: 'c1',
          name: 'Thời sự',
          slug: 'thoi-su',
          description: null,
          order: 0,
          createdAt: 'x',
        },
        { id: 2, documentId: 'c2', name: 'Kinh tế', slug: 'kinh-te', order: 1 },
      ]),
    );
    expect(categories.data.map((c) => c.slug)).toEqual(['thoi-su', 'kinh-te']);
    expect(categories.meta.pagination.total).toBe(2);

    const authors = listResponse(authorSchema).parse(
      page([
        {
          id: 4,
          documentId: 'u1',
          name: 'Trường Sơn',
          slug: 'truong-son',
          bio: null,
          avatar: null,
        },
        {
          id: 5,
          documentId: 'u2',
          name: 'Ý Nhi',
          slug: 'y-nhi',
          bio: 'Phóng viên ảnh',
          avatar: cover,
        },
      ]),
    );
    expect(authors.data[1]?.avatar?.alternativeText).toBe('Cầu Rồng về đêm');
  });

  it('fail on a missing required field', () => {
    expect(
      categorySchema.safeParse({ id: 1, documentId: 'c1', name: 'Thời sự', order: 0 }).success,
    ).toBe(false);
    expect(authorSchema.safeParse({ id: 4, documentId: 'u1', slug: 'a', bio: null }).success).toBe(
      false,
    );
  });
});

describe('listResponse', () => {
  it('parses a page of articles and its pagination', () => {
    const parsed = listResponse(articleSchema).parse(page([article]));
    expect(parsed.data[0]?.number).toBe(1042);
    expect(parsed.meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, total: 1 });
  });

  it('fails when an entry or the pagination is malformed', () => {
    expect(listResponse(articleSchema).safeParse(page([{ ...article, title: null }])).success).toBe(
      false,
    );
    expect(listResponse(categorySchema).safeParse({ data: [], meta: {} }).success).toBe(false);
    expect(paginationSchema.safeParse({ page: 1, pageSize: 25, pageCount: 0 }).success).toBe(false);
  });
});
