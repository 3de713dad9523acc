import { createRequire } from 'node:module';
import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from './helpers/strapi';

// Uploads are pictures only, under a size limit (config/plugins.ts, config/middlewares.ts), and
// refusals are explained in Vietnamese (src/middlewares/upload-errors.ts). Through the admin's
// own upload route, as the media library sends files.

// sharp ships with Strapi's upload plugin (as in scripts/lib/cover-art.ts).
const requireFromUpload = createRequire(
  createRequire(import.meta.url).resolve('@strapi/upload/package.json'),
);
const sharp = requireFromUpload('sharp') as typeof import('sharp').default;

let cms: TestCms;
let adminJwt: string;

async function upload(
  file: { name: string; type: string; bytes: Buffer },
  info: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  form.append('fileInfo', JSON.stringify({ name: file.name, ...info }));
  const response = await fetch(`${cms.url}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminJwt}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const photo = (width: number, height: number, quality = 80) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#3b6e8f',
      // Noise does not compress: the file is as large as its pixels make it.
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .jpeg({ quality })
    .toBuffer();

beforeAll(async () => {
  cms = await startCms({ UPLOAD_SIZE_LIMIT_MB: '1' });
  adminJwt = await registerFirstAdmin(cms.url);
});

afterAll(async () => {
  await cms?.stop();
});

describe('uploads', () => {
  it('accepts a JPEG and keeps its alternative text and caption', async () => {
    const { status, body } = await upload(
      { name: 'cau-moi.jpg', type: 'image/jpeg', bytes: await photo(320, 200) },
      {
        alternativeText: 'Cây cầu mới bắc qua sông Hậu',
        caption: 'Cầu mới sáng 12/10 (Ảnh: Trường Sơn)',
      },
    );
    expect(status).toBe(201);
    expect(body[0]).toMatchObject({
      mime: 'image/jpeg',
      alternativeText: 'Cây cầu mới bắc qua sông Hậu',
      caption: 'Cầu mới sáng 12/10 (Ảnh: Trường Sơn)',
      width: 320,
      height: 200,
    });
  });

  it.each([
    [
      'an SVG',
      'logo.svg',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    [
      'an HTML page',
      'trang.html',
      'text/html',
      '<!doctype html><html><body><script>alert(1)</script></body></html>',
    ],
    [
      'an SVG declared as a PNG',
      'logo.png',
      'image/png',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ['a script', 'tep.js', 'application/javascript', 'alert(1)'],
  ])('refuses %s with a Vietnamese message, storing nothing', async (_, name, type, text) => {
    const before = await cms.strapi.db.query('plugin::upload.file').count();
    const { status, body } = await upload({ name, type, bytes: Buffer.from(text) });
    expect(status).toBe(400);
    expect(body.error.message).toContain('Chỉ nhận tệp ảnh JPEG, PNG, WebP, GIF hoặc AVIF');
    expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });

  it('refuses a picture over the size limit (UPLOAD_SIZE_LIMIT_MB) with 413', async () => {
    const bytes = await photo(1400, 1000, 100);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const before = await cms.strapi.db.query('plugin::upload.file').count();
    const { status, body } = await upload({ name: 'qua-lon.jpg', type: 'image/jpeg', bytes });
    expect(status).toBe(413);
    expect(body.error.message).toBe(
      'Ảnh quá lớn: mỗi ảnh tối đa 1 MB. Xin giảm kích thước ảnh rồi tải lên lại.',
    );
    expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });
});
