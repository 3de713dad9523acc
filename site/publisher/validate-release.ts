import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkSearchIndex } from '../src/lib/search/write-index';

/** Pages every release must have, each a whole HTML document. */
export const SENTINEL_PAGES = ['index.html', '404.html'];

/** Why a finished build is not fit to go live. */
export class InvalidReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReleaseError';
  }
}

export interface PageCount {
  /** Every .html file. */
  pages: number;
  /**
   * Articles that have a page: the distinct numbers among files of an article's shape. A renamed
   * or moved article also has redirect pages at its old addresses, with its own number, so
   * counting files would count it more than once.
   */
  articlePages: number;
}

/**
 * An article's URL: `/<category-slug>/<article-slug>-<number>.html` (DESIGN.md); the capture is
 * the number. Redirect pages at renamed articles' old addresses have the same shape and number.
 * When the site gains other pages of that shape two levels deep, this must learn to tell them
 * apart (or the build should write a manifest of what it rendered, which would be the sturdier
 * check).
 */
const ARTICLE_PAGE = /^[a-z0-9-]+\/[a-z0-9-]+-(\d+)\.html$/;

export async function countPages(dir: string): Promise<PageCount> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let pages = 0;
  const articleNumbers = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    pages++;
    const relative = path
      .relative(dir, path.join(entry.parentPath, entry.name))
      .split(path.sep)
      .join('/');
    const number = ARTICLE_PAGE.exec(relative)?.[1];
    if (number !== undefined) articleNumbers.add(number);
  }
  return { pages, articlePages: articleNumbers.size };
}

/**
 * Checks a finished build before it may go live: the sentinel pages are whole HTML documents and
 * there is one article page per published article. `expectedArticles` lists the counts that are
 * right (the count of the data the build rendered or, for a build that keeps no such record, the
 * CMS's count before and after it); `source` says where they come from. Null skips the count.
 */
export async function validateRelease(
  dir: string,
  expectedArticles: number[] | null,
  source = 'the CMS has',
): Promise<PageCount> {
  for (const page of SENTINEL_PAGES) {
    let html: string;
    try {
      html = await readFile(path.join(dir, page), 'utf8');
    } catch {
      throw new InvalidReleaseError(`the build wrote no ${page}`);
    }
    if (!/<\/html>\s*$/i.test(html))
      throw new InvalidReleaseError(`${page} is not a whole HTML page`);
  }
  const count = await countPages(dir);
  if (expectedArticles && !expectedArticles.includes(count.articlePages)) {
    const expected = [...new Set(expectedArticles)].join(' or ');
    throw new InvalidReleaseError(
      `the build wrote ${count.articlePages} article pages but ${source} ${expected} published articles with a category`,
    );
  }
  const searchProblem = await checkSearchIndex(dir, count.articlePages);
  if (searchProblem) throw new InvalidReleaseError(`the build wrote ${searchProblem}`);
  return count;
}
