import { describe, expect, it } from 'vitest';
import { categories } from '../../data/newsroom';
import { generateArticleText } from './newspaper-text';

const TIME = new Date('2026-10-12T01:29:00.000Z'); // 12/10/2026 08:29 GMT+7

describe('generateArticleText', () => {
  it('gives the same article for the same number, section and time', () => {
    expect(generateArticleText(42, 'kinh-te', TIME)).toEqual(
      generateArticleText(42, 'kinh-te', TIME),
    );
    expect(generateArticleText(43, 'kinh-te', TIME).body).not.toBe(
      generateArticleText(42, 'kinh-te', TIME).body,
    );
  });

  it('writes newspaper-length Markdown with subheadings, in NFC, with no slot left unfilled', () => {
    for (const { slug } of [...categories, { slug: 'muc-moi' }]) {
      for (let n = 1; n <= 40; n++) {
        const text = generateArticleText(n, slug, TIME);
        const bytes = Buffer.byteLength(text.body);
        expect(bytes).toBeGreaterThan(6_500);
        expect(bytes).toBeLessThan(14_000);
        expect(text.body.match(/^## \S/gm)!.length).toBeGreaterThanOrEqual(3);
        for (const value of [text.title, text.sapo, text.body, text.coverCaption, ...text.tags]) {
          expect(value).toBe(value.normalize('NFC'));
          expect(value).not.toMatch(/[{}]|undefined|NaN/);
        }
        expect(text.coverCaption).toMatch(/\(Ảnh minh họa\)$/);
        expect(text.tags.length).toBeGreaterThan(0);
      }
    }
  });

  it('averages about 9 kB a body and varies the titles', () => {
    let bytes = 0;
    const titles = new Set<string>();
    for (let n = 1; n <= 500; n++) {
      const text = generateArticleText(n, categories[n % categories.length].slug, TIME);
      bytes += Buffer.byteLength(text.body);
      titles.add(text.title);
    }
    expect(bytes / 500).toBeGreaterThan(8_000);
    expect(bytes / 500).toBeLessThan(10_000);
    expect(titles.size).toBeGreaterThan(450);
  });

  it('dates the lead by the publication day in Vietnam', () => {
    expect(generateArticleText(7, 'thoi-su', TIME).sapo).toMatch(/^(Sáng|Chiều|Tối|Trưa) 12\/10, /);
  });
});
