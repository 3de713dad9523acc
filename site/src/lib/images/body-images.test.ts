import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderMarkdown } from '@toasoan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizeBodyImages } from './body-images';
import { imageKey, variantFileName } from './image-names';
import { descriptionFile, imagesCacheDir, type PreparedImage } from './prepared-image';

const CMS = 'http://127.0.0.1:1337';
const PRESENT = `${CMS}/uploads/cau_rong_d6f15c3732.jpg`;

// A cache holding one prepared image, as the images integration leaves it before pages render.
describe('optimizeBodyImages', () => {
  let cacheDir: string;
  const savedCacheDir = process.env.SITE_CACHE_DIR;

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-body-images-'));
    process.env.SITE_CACHE_DIR = cacheDir;
    const key = imageKey(PRESENT);
    const image: PreparedImage = {
      url: PRESENT,
      width: 800,
      height: 600,
      variants: [192, 384, 640, 800].map((width) => ({
        width,
        height: (width * 3) / 4,
        file: variantFileName(key, width),
      })),
    };
    const imagesDir = imagesCacheDir(cacheDir);
    await mkdir(imagesDir, { recursive: true });
    await writeFile(descriptionFile(imagesDir, key), JSON.stringify(image));
  });

  afterAll(async () => {
    if (savedCacheDir === undefined) delete process.env.SITE_CACHE_DIR;
    else process.env.SITE_CACHE_DIR = savedCacheDir;
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('serves a CMS photo from /_images/ with srcset, size and lazy loading, caption kept', async () => {
    const html = await optimizeBodyImages(
      renderMarkdown('![Cầu "Rồng"](/uploads/cau_rong_d6f15c3732.jpg "Cầu Rồng về đêm")'),
      CMS,
    );
    expect(html).toMatch(
      /^<figure><img src="\/_images\/cau_rong_d6f15c3732-\w+-800w\.webp" srcset="[^"]+ 192w, [^"]+ 800w" sizes="[^"]+" width="800" height="600" alt="Cầu &quot;Rồng&quot;" loading="lazy" decoding="async"><figcaption>Cầu Rồng về đêm<\/figcaption><\/figure>\n$/,
    );
  });

  it('leaves out a photo the build could not load, with its caption', async () => {
    const html = await optimizeBodyImages(
      renderMarkdown(
        'Trước.\n\n![Mất](/uploads/mat.jpg "Chú thích")\n\n![Mất](/uploads/mat.jpg)\n\nSau ![mất](/uploads/mat.jpg).',
      ),
      CMS,
    );
    expect(html).toBe('<p>Trước.</p>\n<p>Sau .</p>\n');
  });

  it('keeps pictures from other sites as written', async () => {
    const rendered = renderMarkdown('![Ngoài](https://example.com/a.jpg)');
    expect(await optimizeBodyImages(rendered, CMS)).toBe(rendered);
  });
});
