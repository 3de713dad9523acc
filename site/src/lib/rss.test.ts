import { describe, expect, it } from 'vitest';
import { renderRss, toFeedItem, toRfc822 } from './rss';

const article = {
  title: 'Sơ tán hơn 1.200 hộ dân <vùng trũng>',
  slug: 'so-tan',
  number: 2,
  sapo: 'Sapo & tóm tắt',
  publicationTime: '2023-10-12T01:29:00.000Z',
  category: { slug: 'thoi-su', name: 'Thời sự' },
  credits: [
    { role: 'Bài', author: { name: 'Thu Hà', slug: 'thu-ha' } },
    { role: 'Ảnh', author: { name: 'Quốc Việt', slug: 'quoc-viet' } },
    { role: 'Video', author: { name: 'Thu Hà', slug: 'thu-ha' } },
  ],
};

describe('RSS', () => {
  it('prints dates in RFC 822', () => {
    expect(toRfc822('2023-10-12T08:29:00+07:00')).toBe('Thu, 12 Oct 2023 01:29:00 GMT');
  });

  it('makes an item with the article URL and every reporter once', () => {
    expect(toFeedItem(article, 'https://bao.example')).toEqual({
      title: article.title,
      url: 'https://bao.example/thoi-su/so-tan-2.html',
      publicationTime: article.publicationTime,
      description: 'Sapo & tóm tắt',
      category: 'Thời sự',
      creators: ['Thu Hà', 'Quốc Việt'],
    });
  });

  it('writes an RSS 2.0 channel with escaped text and dc:creator', () => {
    const xml = renderRss({
      title: 'Báo & Đài',
      url: 'https://bao.example/',
      feedUrl: 'https://bao.example/rss.xml',
      description: 'Tin tỉnh',
      builtAt: '2023-10-12T02:00:00.000Z',
      items: [toFeedItem(article, 'https://bao.example')],
    });
    expect(xml).toMatch(/^<rss version="2\.0" xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
    expect(xml).toContain('<title>Báo &amp; Đài</title>');
    expect(xml).toContain('<language>vi</language>');
    expect(xml).toContain('<title>Sơ tán hơn 1.200 hộ dân &lt;vùng trũng&gt;</title>');
    expect(xml).toContain(
      '<guid isPermaLink="true">https://bao.example/thoi-su/so-tan-2.html</guid>',
    );
    expect(xml).toContain('<pubDate>Thu, 12 Oct 2023 01:29:00 GMT</pubDate>');
    expect(xml).toContain('<dc:creator>Thu Hà</dc:creator><dc:creator>Quốc Việt</dc:creator>');
    expect(xml.endsWith('</channel>\n</rss>')).toBe(true);
  });
});
