import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestCms, type TestCms } from './helpers/cms';
import {
  attribute,
  byClass,
  byTag,
  findAll,
  findOne,
  parseHtml,
  textOf,
  type HtmlElement,
} from './helpers/html';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { CmsAdmin } from './helpers/cms-admin';
import { buildSite, listHtmlFiles, STACK_TRACE_LINE, type SiteBuild } from './helpers/site';

// The sample newsroom (17 articles with covers, two with a photo in the body) plus what this file
// adds through the REST API, as an editor would: an author photo wider than the widest variant,
// and a back-dated article whose cover is a broken upload and whose body shows a working photo, a
// photo deleted from the media library (404) and a picture from another site.
const MISSING_UPLOAD = '/uploads/anh_da_bi_xoa_0123456789.jpg';
const MISSING_CAPTION = 'Chú thích của ảnh đã bị xóa';
const EXTERNAL_IMAGE = 'https://example.com/anh-ngoai.jpg';

/** A real `astro build`; all of this file's builds share one cache, as a publisher's do. */
async function build(cms: TestCms, cacheDir: string): Promise<Build> {
  const result = await buildSite(cms.url, cms.token, { cacheDir });
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

type Build = SiteBuild & { output: string };

/** The URLs of an <img>: its src and every srcset candidate. */
function imageUrls(img: HtmlElement): string[] {
  const srcset = (attribute(img, 'srcset') ?? '')
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);
  return [attribute(img, 'src') ?? '', ...srcset];
}

/** The width each srcset candidate claims (`… 640w`). */
const srcsetWidths = (img: HtmlElement) =>
  (attribute(img, 'srcset') ?? '').split(',').map((c) => Number(/(\d+)w\s*$/.exec(c)?.[1]));

describe('optimized images served from the site', () => {
  let cms: TestCms | undefined;
  let cold: Build;
  let warm: Build;
  let htmlFiles: string[];
  let brokenArticleFile: string;
  let sampleWithBodyPhoto: string;
  let authorFile: string;
  const read = (file: string) => readFile(path.join(cold.outDir, file), 'utf8');
  const page = async (file: string) => parseHtml(await read(file)).document;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms([]);
    const admin = await CmsAdmin.open(cms);

    // Wider than the widest variant (1280 px): the site never serves the original.
    const bigPhoto = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: '#2f7d5b' },
    })
      .jpeg()
      .toBuffer();
    const photo = await admin.upload('anh-dien-thoai.jpg', bigPhoto);
    // A JPEG's first bytes, then no picture: the CMS takes pictures only, by their content.
    const broken = await admin.upload(
      'anh-hong.jpg',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('ảnh hỏng '.repeat(40))]),
    );

    const { data: authors } = await admin.request<{
      data: { documentId: string; slug: string }[];
    }>('GET', '/api/authors?sort[0]=slug:asc');
    const author = authors[0]!;
    await admin.request(
      'PUT',
      `/api/authors/${author.documentId}`,
      JSON.stringify({ data: { avatar: photo.id } }),
    );
    authorFile = `tac-gia/${author.slug}/index.html`;

    const { data: categories } = await admin.request<{ data: { documentId: string }[] }>(
      'GET',
      '/api/categories',
    );
    const { data: created } = await admin.request<{
      data: { slug: string; number: number };
    }>(
      'POST',
      '/api/articles?status=published',
      JSON.stringify({
        data: {
          title: 'Ảnh bìa hỏng và ảnh đã bị xóa không làm hỏng trang',
          sapo: 'Một bài có ảnh bìa không đọc được và một ảnh đã bị xóa khỏi thư viện.',
          body: [
            '## Ảnh còn trong thư viện',
            `![Ảnh chụp bằng điện thoại](${photo.url} "Ảnh chụp bằng điện thoại")`,
            `Đoạn văn giữa các ảnh. ![Ảnh cùng máy chủ](${cms.url}${photo.url})`,
            `![Ảnh đã bị xóa](${MISSING_UPLOAD} "${MISSING_CAPTION}")`,
            'Đoạn văn sau ảnh đã bị xóa vẫn còn.',
            `![Ảnh từ trang khác](${EXTERNAL_IMAGE})`,
          ].join('\n\n'),
          category: categories[0]!.documentId,
          cover: broken.id,
          coverCaption: 'Chú thích của ảnh bìa hỏng',
          credits: [{ role: 'Bài', author: author.documentId }],
          // Back-dated: the home page's lead story stays a sample article with its cover.
          publicationTime: '2020-01-02T03:04:05.000Z',
        },
      }),
    );
    const cacheDir = await mkdtemp(path.join(inject('scratchDir'), 'images-cache-'));
    cold = await build(cms, cacheDir);
    // The same cache again: what every publish after the first one does.
    warm = await build(cms, cacheDir);

    htmlFiles = await listHtmlFiles(cold.outDir);
    brokenArticleFile = htmlFiles.find((file) =>
      file.endsWith(`/${created.slug}-${created.number}.html`),
    )!;
    const bodies = await Promise.all(
      htmlFiles.map(async (file) => [file, await read(file)] as const),
    );
    sampleWithBodyPhoto = bodies.find(
      ([file, html]) => file !== brokenArticleFile && html.includes('<figure><img'),
    )![0];
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('builds, and warns about each image it could not load, naming the article', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(cold.output).not.toMatch(STACK_TRACE_LINE);
    expect(cold.output).toMatch(
      /cover of article "Ảnh bìa hỏng và ảnh đã bị xóa không làm hỏng trang" \(.+\.html\) cannot be shown.*not an image/,
    );
    expect(cold.output).toMatch(
      new RegExp(`body of article "Ảnh bìa hỏng[^"]*" \\(.+\\.html\\) cannot be shown.*HTTP 404`),
    );
    expect(brokenArticleFile).toBeDefined();
  });

  it('reuses the converted images on the next build instead of fetching them again', () => {
    expect(warm.code, warm.output).toBe(0);
    expect(warm.output).toMatch(/\d+ images ready \(0 converted/);
  });

  it('points no <img> of any page at the CMS, and every image file it names exists', async () => {
    const wrong: string[] = [];
    for (const file of htmlFiles) {
      for (const img of findAll(await page(file), byTag('img'))) {
        for (const url of imageUrls(img)) {
          if (url === EXTERNAL_IMAGE) continue;
          if (!url.startsWith('/_images/') || !existsSync(path.join(cold.outDir, url))) {
            wrong.push(`${file}: ${url}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the article cover srcset, sizes, width and height, loaded first (above the fold)', async () => {
    const cover = findOne(await page(sampleWithBodyPhoto), byClass('cover'), 'cover figure');
    const img = findOne(cover, byTag('img'), 'cover image');
    expect(attribute(img, 'width')).toBe('1200');
    expect(attribute(img, 'height')).toBe('675');
    expect(srcsetWidths(img)).toEqual([192, 384, 640, 960, 1200]);
    expect(attribute(img, 'sizes')).toBeTruthy();
    expect(attribute(img, 'fetchpriority')).toBe('high');
    expect(attribute(img, 'loading')).toBeUndefined();
    expect(textOf(findOne(cover, byTag('figcaption'), 'cover caption'))).not.toBe('');
  });

  it('lazy-loads body photos, with srcset, width and height, and keeps their captions', async () => {
    const body = findOne(await page(sampleWithBodyPhoto), byClass('article-body'), 'article body');
    const [img] = findAll(body, byTag('img'));
    expect(img).toBeDefined();
    expect(attribute(img!, 'loading')).toBe('lazy');
    expect(attribute(img!, 'decoding')).toBe('async');
    expect(attribute(img!, 'srcset')).toMatch(/^\/_images\/\S+ 192w, /);
    expect(Number(attribute(img!, 'width'))).toBeGreaterThan(0);
    expect(Number(attribute(img!, 'height'))).toBeGreaterThan(0);
    expect(attribute(img!, 'alt')).toBeTruthy();
  });

  it('leaves a missing or broken image out of the page, its caption with it, and keeps the rest', async () => {
    const document = await page(brokenArticleFile);
    const html = await read(brokenArticleFile);
    expect(findAll(document, byClass('cover'))).toEqual([]);
    expect(html).not.toContain('Chú thích của ảnh bìa hỏng');
    expect(html).not.toContain(MISSING_CAPTION);
    expect(html).not.toContain('anh_da_bi_xoa');

    const body = findOne(document, byClass('article-body'), 'article body');
    expect(textOf(body)).toContain('Đoạn văn sau ảnh đã bị xóa vẫn còn.');
    const images = findAll(body, byTag('img'));
    // The photo twice (by path and by the CMS's full URL), then the picture from elsewhere.
    expect(images.map((img) => attribute(img, 'alt'))).toEqual([
      'Ảnh chụp bằng điện thoại',
      'Ảnh cùng máy chủ',
      'Ảnh từ trang khác',
    ]);
    for (const img of images.slice(0, 2)) {
      expect([attribute(img, 'width'), attribute(img, 'height')]).toEqual(['1280', '800']);
      expect(srcsetWidths(img)).toEqual([192, 384, 640, 960, 1280]);
    }
    expect(textOf(findOne(body, byTag('figcaption'), 'body caption'))).toBe(
      'Ảnh chụp bằng điện thoại',
    );
    expect(attribute(images[2]!, 'src')).toBe(EXTERNAL_IMAGE);
  });

  it('shows the author photo from the site, sized for its 6rem circle', async () => {
    const img = findOne(await page(authorFile), byClass('author-avatar'), 'author photo');
    expect(attribute(img, 'sizes')).toBe('6rem');
    expect(attribute(img, 'srcset')).toMatch(/ 192w, /);
    expect([attribute(img, 'width'), attribute(img, 'height')]).toEqual(['1280', '800']);
  });

  it('shows the home lead story from the site, loaded first', async () => {
    const lead = findOne(await page('index.html'), byClass('lead-story'), 'lead story');
    const img = findOne(lead, byTag('img'), 'lead story image');
    expect(attribute(img, 'src')).toMatch(/^\/_images\//);
    expect(attribute(img, 'fetchpriority')).toBe('high');
  });

  it('writes real WebP files as wide as their names say', async () => {
    const dir = path.join(cold.outDir, '_images');
    const files = await readdir(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const metadata = await sharp(path.join(dir, file)).metadata();
      expect(metadata.format, file).toBe('webp');
      expect(`${metadata.width}w`, file).toBe(/-(\d+w)\.webp$/.exec(file)?.[1]);
    }
  });
});
