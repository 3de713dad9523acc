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
  pages: number;
  /** Distinct article numbers: a renamed article's redirect pages share its number. */
  articlePages: number;
}

/**
 * `/<category>/<slug>-<number>.html` (DESIGN.md), redirect pages included; capture: the number.
 * Other pages of this shape two levels deep would be miscounted (a build manifest is sturdier).
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

/** Sentinel pages whole, one page per article; `expectedArticles`: the right counts, null skips. */
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
