import { describe, expect, it } from 'vitest';
import {
  freshArticles,
  newestLastModified,
  renderNewsSitemap,
  renderSitemap,
  renderSitemapIndex,
  splitSitemap,
  type SitemapFile,
} from './sitemaps';

const article = (number: number, lastModified?: string) => ({
  number,
  url: `https://bao.example/a-${number}.html`,
  ...(lastModified && { lastModified }),
});
const names = (files: SitemapFile[]) =>
  files.map(
    ({ name, entries }) => `${name}: ${entries.map(({ url }) => new URL(url).pathname).join(' ')}`,
  );

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

  it('files articles by number range, ascending, not by position', () => {
    const home = { url: 'https://bao.example/' };
    const files = splitSitemap(
      [home],
      [article(12), article(3), article(1), article(10), article(11), article(31)],
      10,
    );
    expect(names(files)).toEqual([
      'pages-1: /',
      'articles-1: /a-1.html /a-3.html /a-10.html',
      'articles-2: /a-11.html /a-12.html',
      // No article numbered 21–30: no articles-3.
      'articles-4: /a-31.html',
    ]);
    expect(files[0]!.entries).toEqual([home]);
  });

  it('changes only the file of the number that was added, edited or removed', () => {
    const files = (...articles: ReturnType<typeof article>[]) => splitSitemap([], articles, 2);
    const changedFiles = (before: SitemapFile[], after: SitemapFile[]) =>
      after
        .filter((file, i) => JSON.stringify(file) !== JSON.stringify(before[i]))
        .map(({ name }) => name);
    const before = files(article(1), article(2), article(3), article(4), article(5));
    const added = files(article(6), article(1), article(2), article(3), article(4), article(5));
    const edited = files(
      article(1),
      article(2),
      article(3, '2024-01-01T00:00:00Z'),
      article(4),
      article(5),
    );
    const removed = files(article(1), article(3), article(4), article(5));
    expect(changedFiles(before, added)).toEqual(['articles-3']);
    expect(changedFiles(before, edited)).toEqual(['articles-2']);
    expect(changedFiles(before, removed)).toEqual(['articles-1']);
  });

  it('cuts the other pages into files of at most size, in order', () => {
    const pages = ['/', '/tac-gia/', '/thoi-su/', '/thoi-su/trang-2/', '/the-thao/'].map(
      (path) => ({ url: `https://bao.example${path}` }),
    );
    expect(names(splitSitemap(pages, [article(1)], 2))).toEqual([
      'pages-1: / /tac-gia/',
      'pages-2: /thoi-su/ /thoi-su/trang-2/',
      'pages-3: /the-thao/',
      'articles-1: /a-1.html',
    ]);
  });

  it('finds the newest lastmod of a file, comparing instants', () => {
    expect(
      newestLastModified([
        { url: 'a', lastModified: '2023-10-12T01:29:00.000Z' },
        { url: 'b' },
        { url: 'c', lastModified: '2023-10-12T08:30:00+07:00' },
        { url: 'd', lastModified: '2023-10-11T23:00:00.000Z' },
      ]),
    ).toBe('2023-10-12T08:30:00+07:00');
    expect(newestLastModified([{ url: 'a' }])).toBeUndefined();
  });

  it('writes a sitemap index: each file with the newest lastmod of its entries', () => {
    expect(
      renderSitemapIndex(
        [
          {
            name: 'pages-1',
            entries: [{ url: 'https://bao.example/tac-gia/' }],
          },
          {
            name: 'articles-1',
            entries: [
              { url: 'https://bao.example/a-1.html', lastModified: '2023-10-12T01:29:00.000Z' },
              { url: 'https://bao.example/a-2.html', lastModified: '2024-01-31T17:00:00.000Z' },
              { url: 'https://bao.example/a-3.html', lastModified: '2023-12-01T00:00:00.000Z' },
            ],
          },
        ],
        (name) => `https://bao.example/sitemaps/${name}.xml?a&b`,
      ),
    ).toBe(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<sitemap><loc>https://bao.example/sitemaps/pages-1.xml?a&amp;b</loc></sitemap>\n' +
        '<sitemap><loc>https://bao.example/sitemaps/articles-1.xml?a&amp;b</loc>' +
        '<lastmod>2024-02-01T00:00:00+07:00</lastmod></sitemap>\n' +
        '</sitemapindex>',
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
