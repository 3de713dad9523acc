import { describe, expect, it } from 'vitest';
import { freshArticles, renderNewsSitemap, renderSitemap } from './sitemaps';

describe('sitemaps', () => {
  it('writes a urlset with lastmod in GMT+7', () => {
    expect(
      renderSitemap([
        { url: 'https://bao.example/', lastModified: '2023-10-12T01:29:00.000Z' },
        { url: 'https://bao.example/a?b&c' },
      ]),
    ).toBe(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://bao.example/</loc><lastmod>2023-10-12T08:29:00+07:00</lastmod></url>\n' +
        '<url><loc>https://bao.example/a?b&amp;c</loc></url>\n' +
        '</urlset>',
    );
  });

  it('writes a Google News sitemap in Vietnamese', () => {
    const xml = renderNewsSitemap('Báo Tỉnh', [
      {
        url: 'https://bao.example/x-1.html',
        title: 'Tin <nóng>',
        publicationTime: '2023-10-12T01:29:00Z',
      },
    ]);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain(
      '<news:publication><news:name>Báo Tỉnh</news:name><news:language>vi</news:language></news:publication>',
    );
    expect(xml).toContain(
      '<news:publication_date>2023-10-12T08:29:00+07:00</news:publication_date>',
    );
    expect(xml).toContain('<news:title>Tin &lt;nóng&gt;</news:title>');
  });

  it('lists the articles of the last two days, newest first, at most max', () => {
    const now = '2026-11-26T12:00:00.000Z';
    const twoDays = 2 * 24 * 3600 * 1000;
    const articles = [
      { id: 'future', publicationTime: '2026-11-27T00:00:00.000Z' },
      { id: 'today', publicationTime: '2026-11-26T11:00:00.000Z' },
      { id: 'edge', publicationTime: '2026-11-24T12:00:00.000Z' },
      { id: 'old', publicationTime: '2026-11-24T11:59:59.000Z' },
      { id: 'older', publicationTime: '2026-11-01T00:00:00.000Z' },
    ];
    expect(freshArticles(articles, now, twoDays, 10).map((a) => a.id)).toEqual([
      'future',
      'today',
      'edge',
    ]);
    expect(freshArticles(articles, now, twoDays, 1).map((a) => a.id)).toEqual(['future']);
  });
});
