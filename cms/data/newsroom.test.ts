import { CREDIT_ROLES, formatByline, formatGmt7 } from '@toasoan/shared';
import { describe, expect, it } from 'vitest';
import { articles, authors, categories } from './newsroom';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ILLUSTRATIVE = /\(Ảnh minh họa\)$/;

describe('sample newsroom data', () => {
  it('is all NFC, as the CMS stores text', () => {
    const text = JSON.stringify({ articles, authors, categories });
    expect(text).toBe(text.normalize('NFC'));
  });

  it('has the sections of a provincial newspaper, in menu order', () => {
    expect(categories.map((category) => category.name)).toEqual(
      expect.arrayContaining([
        'Thời sự',
        'Chính trị',
        'Xây dựng Đảng',
        'Kinh tế',
        'Xã hội',
        'Văn hóa',
        'Thể thao',
      ]),
    );
    const orders = categories.map((category) => category.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('uses unique URL-safe slugs', () => {
    for (const list of [categories, authors, articles]) {
      const slugs = list.map((item) => item.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(SLUG);
    }
  });

  it('has at least 12 articles spread over every category', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    const used = new Set(articles.map((article) => article.category));
    expect([...used].sort()).toEqual(categories.map((category) => category.slug).sort());
  });

  it('only credits known authors with the newsroom roles', () => {
    const known = new Set(authors.map((author) => author.slug));
    for (const article of articles) {
      expect(article.credits.length).toBeGreaterThan(0);
      for (const credit of article.credits) {
        expect(known.has(credit.author), `${article.slug} credits ${credit.author}`).toBe(true);
        expect(CREDIT_ROLES).toContain(credit.role);
      }
    }
  });

  it('gives every article a sapo, subheadings and an illustrative cover caption', () => {
    for (const article of articles) {
      expect(article.sapo.length, article.slug).toBeGreaterThan(80);
      expect(article.body, article.slug).toMatch(/^## /m);
      expect(article.coverCaption, article.slug).toMatch(ILLUSTRATIVE);
      expect(article.publicationTime, article.slug).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/,
      );
    }
  });

  it('captions inline images as illustrative too', () => {
    const inline = articles.flatMap((article) => [
      ...article.body.matchAll(/!\[[^\]]*\]\(image:[a-z0-9-]+ "([^"]*)"\)/g),
    ]);
    expect(inline.length).toBeGreaterThan(0);
    for (const [, caption] of inline) expect(caption).toMatch(ILLUSTRATIVE);
  });

  it('has the back-dated article by Trường Sơn the article page is checked against', () => {
    const truongSon = authors.find((author) => author.name === 'Trường Sơn');
    expect(truongSon?.email).toBeTruthy();
    const article = articles.find((item) =>
      item.credits.some(
        (credit) => credit.author === truongSon?.slug && credit.role === 'Bài, ảnh',
      ),
    );
    expect(article).toBeDefined();
    expect(formatGmt7(article!.publicationTime)).toBe('12/10/2023 | 08:29 GMT+7');
    const names = new Map(authors.map((author) => [author.slug, author.name]));
    const byline = formatByline(
      article!.credits.map((credit) => ({ role: credit.role, name: names.get(credit.author)! })),
    );
    expect(byline).toBe('Bài, ảnh: TRƯỜNG SƠN');
  });
});
