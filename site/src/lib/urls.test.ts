import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, authorPath, categoryFeedPath, categoryPath } from './urls';

describe('urls', () => {
  it('builds the press URL of an article', () => {
    expect(
      articlePath({ slug: 'con-duong-be-tong', number: 1, category: { slug: 'xa-hoi' } }),
    ).toBe('/xa-hoi/con-duong-be-tong-1.html');
    expect(categoryPath({ slug: 'thoi-su' })).toBe('/thoi-su/');
    expect(categoryFeedPath({ slug: 'thoi-su' })).toBe('/thoi-su/rss.xml');
    expect(authorPath({ slug: 'truong-son' })).toBe('/tac-gia/truong-son/');
  });

  it('makes site paths absolute against SITE_URL', () => {
    expect(absoluteUrl('/thoi-su/', 'https://bao.example')).toBe('https://bao.example/thoi-su/');
    expect(absoluteUrl('/', 'http://localhost:4321')).toBe('http://localhost:4321/');
  });
});
