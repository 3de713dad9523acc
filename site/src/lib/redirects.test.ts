import { describe, expect, it } from 'vitest';
import { findRedirects, type MovableArticle } from './redirects';

const article = (
  slug: string,
  number: number,
  category: string,
  formerPaths: string[] = [],
): MovableArticle => ({ slug, number, category: { slug: category }, formerPaths });

const pathsOf = (...args: Parameters<typeof findRedirects>) =>
  findRedirects(...args).map((redirect) => redirect.path);

describe('findRedirects', () => {
  it('leads each former path of an article to it', () => {
    const moved = article('moi', 7, 'kinh-te', ['/thoi-su/cu-7.html', '/thoi-su/moi-7.html']);
    const redirects = findRedirects([moved], [{ slug: 'kinh-te', formerSlugs: [] }]);
    expect(redirects).toEqual([
      { categorySlug: 'thoi-su', fileStem: 'cu-7', path: '/thoi-su/cu-7.html', article: moved },
      { categorySlug: 'thoi-su', fileStem: 'moi-7', path: '/thoi-su/moi-7.html', article: moved },
    ]);
  });

  it('writes nothing for articles that never moved', () => {
    expect(pathsOf([article('a', 1, 'thoi-su')], [{ slug: 'thoi-su', formerSlugs: [] }])).toEqual(
      [],
    );
  });

  it('keeps the addresses under every slug a category has had', () => {
    const categories = [{ slug: 'xa-hoi', formerSlugs: ['doi-song', 'van-hoa'] }];
    // Renamed before the category was: /van-hoa/cu-3.html was live, and /doi-song/cu-3.html too.
    const articles = [article('moi', 3, 'xa-hoi', ['/van-hoa/cu-3.html'])];
    expect(pathsOf(articles, categories).sort()).toEqual([
      '/doi-song/cu-3.html',
      '/doi-song/moi-3.html',
      '/van-hoa/cu-3.html',
      '/van-hoa/moi-3.html',
      '/xa-hoi/cu-3.html',
    ]);
  });

  it('never covers a live page, nor writes one address twice', () => {
    const back = article('a', 1, 'thoi-su', [
      '/thoi-su/a-1.html',
      '/kinh-te/a-1.html',
      '/kinh-te/a-1.html',
    ]);
    const other = article('b', 2, 'kinh-te');
    const categories = [
      { slug: 'thoi-su', formerSlugs: [] },
      { slug: 'kinh-te', formerSlugs: ['kinh-te'] },
    ];
    expect(pathsOf([back, other], categories)).toEqual(['/kinh-te/a-1.html']);
  });

  it('skips entries that are not article addresses of that article', () => {
    const odd = article('a', 5, 'thoi-su', [
      '/thoi-su/khac-6.html',
      '../../etc/passwd-5.html',
      '/thoi-su/trang-2/',
      '/Thoi-Su/a-5.html',
    ]);
    expect(pathsOf([odd], [])).toEqual([]);
  });
});
