import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from './structured-data';

const article = {
  title: 'Con đường bê tông mở lối thoát nghèo',
  sapo: 'Sapo',
  tags: ['nông thôn mới', 'giao thông'],
  category: { name: 'Xã hội' },
  publicationTime: '2023-10-12T01:29:00.000Z',
  createdAt: '2026-11-20T10:00:00.000Z',
  publishedAt: '2026-11-20T10:00:00.100Z',
  credits: [{ role: 'Bài, ảnh', author: { name: 'Trường Sơn', slug: 'truong-son' } }],
};
const context = {
  url: 'https://bao.example/xa-hoi/con-duong-1.html',
  imageUrl: 'https://cms.example/uploads/a.jpg',
  siteName: 'Báo Tỉnh',
  siteUrl: 'https://bao.example',
};

describe('newsArticleJsonLd', () => {
  it('describes the article as a NewsArticle with +07:00 dates', () => {
    expect(newsArticleJsonLd(article, context)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': context.url },
      url: context.url,
      headline: article.title,
      description: 'Sapo',
      image: [context.imageUrl],
      datePublished: '2023-10-12T08:29:00+07:00',
      dateModified: '2023-10-12T08:29:00+07:00',
      author: [
        {
          '@type': 'Person',
          name: 'Trường Sơn',
          url: 'https://bao.example/tac-gia/truong-son/',
        },
      ],
      publisher: { '@type': 'Organization', name: 'Báo Tỉnh', url: 'https://bao.example/' },
      articleSection: 'Xã hội',
      keywords: 'nông thôn mới, giao thông',
      inLanguage: 'vi',
    });
  });

  it('credits the newsroom when nobody is credited, and leaves out a missing image', () => {
    const data = newsArticleJsonLd(
      { ...article, credits: [], tags: null },
      { ...context, imageUrl: undefined },
    );
    expect(data.author).toEqual([data.publisher]);
    expect(data).not.toHaveProperty('image');
    expect(data).not.toHaveProperty('keywords');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & <!--' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & <!--' });
  });
});
