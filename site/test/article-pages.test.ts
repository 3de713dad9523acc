import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import {
  buildSite,
  fetchFromPreview,
  listHtmlFiles,
  readBuiltFile,
  type SiteBuild,
} from './helpers/site';

// The sample newsroom's reference article: Trường Sơn's report published 12/10/2023 08:29
// in Vietnam (01:29 UTC).
const TRUONG_SON_PUBLISHED_AT = '2023-10-12T01:29:00.000Z';

interface PublishedArticle {
  slug: string;
  number: number;
  title: string;
  category: { slug: string };
}

/**
 * The byline's text: the names link to the authors' pages, so the tags are stripped first.
 * Empty when the page has no byline.
 */
function bylineText(html: string): string {
  const [, inner = ''] = /<p class="byline"[^>]*>([\s\S]*?)<\/p>/.exec(html) ?? [];
  return inner.replace(/<[^>]+>/g, '').trim();
}

/** Pages one folder deep other than a folder's index.html: the article pages. */
const isArticleFile = (file: string) =>
  file.split('/').length === 2 && !file.endsWith('/index.html');

/** Asks the CMS itself (not the site's data) which articles are published. */
async function fetchPublished(cms: TestCms, filters = ''): Promise<PublishedArticle[]> {
  const query =
    'fields[0]=slug&fields[1]=number&fields[2]=title&populate[category][fields][0]=slug' +
    `&pagination[pageSize]=100${filters}`;
  const response = await fetch(`${cms.url}/api/articles?${query}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: PublishedArticle[] }).data;
}

describe('site built from the sample newsroom', () => {
  let cms: TestCms | undefined;
  let build: SiteBuild;
  let truongSon: PublishedArticle;
  let truongSonPath: string;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms([]);
    build = await buildSite(cms.url, cms.token);
    const [found] = await fetchPublished(
      cms,
      `&filters[publicationTime][$eq]=${encodeURIComponent(TRUONG_SON_PUBLISHED_AT)}`,
    );
    expect(found, 'the seed publishes the Trường Sơn article of 12/10/2023 08:29').toBeDefined();
    truongSon = found!;
    truongSonPath = `${truongSon.category.slug}/${truongSon.slug}-${truongSon.number}.html`;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('builds without errors', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('writes every published article at /<category-slug>/<article-slug>-<number>.html', async () => {
    const published = await fetchPublished(cms!);
    const files = await listHtmlFiles(build.outDir);
    for (const article of published) {
      expect(files).toContain(`${article.category.slug}/${article.slug}-${article.number}.html`);
    }
    const articleFiles = files.filter(isArticleFile);
    expect(articleFiles).toHaveLength(published.length);
    for (const file of articleFiles) expect(file).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/);
  });

  it('renders the Trường Sơn article in the newspaper anatomy', async () => {
    const html = await readBuiltFile(build, truongSonPath);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('12/10/2023 | 08:29 GMT+7');
    expect(bylineText(html)).toBe('Bài, ảnh: TRƯỜNG SƠN');
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(html).toMatch(/<h2[\s>]/);
    expect(html).toContain(`href="/${truongSon.category.slug}/"`);
    expect(html).toMatch(/<figure class="cover"[^>]*>\s*<img[^>]+src="\/_images\/[^"]+\.webp"/);
    expect(html).toMatch(/<figcaption[^>]*>[^<]+<\/figcaption>/);

    // The anatomy's order: category, title, time, sapo, cover, body, byline.
    const positions = [
      'class="breadcrumb"',
      '<h1',
      'class="timestamp"',
      'class="sapo"',
      'class="cover"',
      'class="article-body"',
      'class="byline"',
    ].map((marker) => html.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('prints NFC text and no raw Markdown', async () => {
    const html = await readBuiltFile(build, truongSonPath);
    expect(html === html.normalize('NFC')).toBe(true);
    const body = html.slice(html.indexOf('class="article-body"'), html.indexOf('class="byline"'));
    expect(body).not.toContain('## ');
    expect(body).not.toContain('**');
  });

  it('lists the latest articles on the home page', async () => {
    const home = await readBuiltFile(build, 'index.html');
    const published = await fetchPublished(cms!);
    for (const article of published) {
      expect(home).toContain(
        `href="/${article.category.slug}/${article.slug}-${article.number}.html"`,
      );
    }
    expect(home).toContain('12/10/2023 | 08:29 GMT+7');
    expect(home === home.normalize('NFC')).toBe(true);
  });

  it('has a Vietnamese 404 page', async () => {
    expect(await readBuiltFile(build, '404.html')).toContain('Không tìm thấy trang');
  });

  it('is served at the article URL by astro preview', async () => {
    const response = await fetchFromPreview(build, await findFreePort(), `/${truongSonPath}`);
    expect(response.status).toBe(200);
    expect(bylineText(response.body)).toBe('Bài, ảnh: TRƯỜNG SƠN');
  });
});
