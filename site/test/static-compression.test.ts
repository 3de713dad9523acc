import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningPublisher } from '../publisher/server';
import { FakeSite, getStatus, startFakePublisher } from './helpers/publisher';

// The site server compresses text files for browsers that accept it (publisher/compression.ts),
// on the real server with a small fake release to which each test adds files large enough to be
// worth compressing (1 KB and more).

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes as they came over the wire, not decoded. */
  body: Buffer;
}

/** A request with node:http: nothing added to the headers given, nothing decoded. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = request(url, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(answer.body);
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  expect(encoding).toBeUndefined();
  return answer.body;
}

// What must be the same on a compressed answer as on the plain one.
const KEPT_HEADERS = [
  'content-type',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'content-security-policy',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'x-content-type-options',
];

// Vietnamese text as the pages and the search index hold it, repeated as real pages repeat markup.
const PROSE = 'Ngành tổ chức xây dựng Đảng của huyện Nam Giang triển khai nghị quyết mới. ';
const TEXT_FILES: Record<string, string> = {
  '/thoi-su/bai-dai-7.html': `<!doctype html><html lang="vi"><body>${`<p>${PROSE}</p>`.repeat(80)}</body></html>`,
  '/_astro/page.a1b2c3.css': '.card{margin:0 auto;padding:1rem;color:#222}\n'.repeat(60),
  '/_astro/search.d4e5f6.js': 'export const search = (query) => query.normalize("NFC");\n'.repeat(
    50,
  ),
  '/_search/terms/12.json': JSON.stringify(
    Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`xay dung ${i}`, ['AbCd', i]])),
  ),
  '/sitemaps/articles-1.xml': `<?xml version="1.0"?><urlset>${'<url><loc>https://baotinh.vn/thoi-su/bai-1.html</loc></url>'.repeat(40)}</urlset>`,
  '/thoi-su/rss.xml': `<?xml version="1.0"?><rss><channel>${`<item><title>${PROSE}</title></item>`.repeat(30)}</channel></rss>`,
  '/img/banner.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="10" height="10"/>'.repeat(60)}</svg>`,
};

describe('the site server compressing text files', () => {
  const running: { publisher: RunningPublisher; site: FakeSite }[] = [];
  afterEach(async () => {
    for (const { publisher, site } of running.splice(0)) {
      await publisher.close();
      await site.remove();
    }
  });

  /** The server with its first release live, and TEXT_FILES (plus `extra`) added to it. */
  async function setUp(extra: Record<string, string | Buffer> = {}) {
    const site = await FakeSite.create();
    const publisher = await startFakePublisher(site);
    running.push({ publisher, site });
    await publisher.publisher.idle();
    const liveDir = path.join(site.releasesDir, (await getStatus(publisher.url)).live!.id);
    for (const [urlPath, content] of Object.entries({ ...TEXT_FILES, ...extra })) {
      const file = path.join(liveDir, urlPath);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    return { url: publisher.url, liveDir };
  }

  it('sends HTML, CSS, JS, JSON, XML, RSS and SVG compressed as the browser accepts, decoding to the same bytes', async () => {
    const { url } = await setUp();
    for (const [urlPath, content] of Object.entries(TEXT_FILES)) {
      const bytes = Buffer.from(content);
      const plain = await raw(`${url}${urlPath}`);
      expect(plain.status, urlPath).toBe(200);
      expect(plain.headers['content-encoding'], urlPath).toBeUndefined();
      expect(plain.body.equals(bytes), urlPath).toBe(true);
      expect(Number(plain.headers['content-length']), urlPath).toBe(bytes.length);
      expect(plain.headers['accept-ranges'], urlPath).toBe('bytes');

      // What browsers send: brotli first over HTTPS (Chromium's header), gzip over HTTP.
      for (const [accept, encoding] of [
        ['gzip', 'gzip'],
        ['br', 'br'],
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip;q=1, br;q=0.5', 'gzip'],
      ] as const) {
        const what = `${urlPath} (${accept})`;
        const answer = await raw(`${url}${urlPath}`, { 'Accept-Encoding': accept });
        expect(answer.status, what).toBe(200);
        expect(answer.headers['content-encoding'], what).toBe(encoding);
        expect(answer.body.length, what).toBeLessThan(bytes.length / 2);
        expect(decoded(answer).equals(bytes), what).toBe(true);
        expect(answer.headers['vary'], what).toBe('Accept-Encoding');
        // Ranges count the file's bytes, not these.
        expect(answer.headers['accept-ranges'], what).toBeUndefined();
        for (const header of KEPT_HEADERS) {
          expect(answer.headers[header], `${what}: ${header}`).toBeTruthy();
          expect(answer.headers[header], `${what}: ${header}`).toEqual(plain.headers[header]);
        }
      }
    }
    // Immutable assets stay immutable, pages and the index are revalidated.
    const asset = await raw(`${url}/_astro/page.a1b2c3.css`, { 'Accept-Encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await raw(`${url}/_search/terms/12.json`, { 'Accept-Encoding': 'br' });
    expect(index.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(index.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('leaves pictures, other binary files and small files as they are', async () => {
    const photo = Buffer.alloc(4096, 7);
    const { url } = await setUp({ '/_images/anh_big-640.webp': photo });
    const picture = await raw(`${url}/_images/anh_big-640.webp`, { 'Accept-Encoding': 'gzip, br' });
    expect(picture.headers['content-encoding']).toBeUndefined();
    expect(picture.headers['vary']).toBeUndefined();
    expect(picture.body.equals(photo)).toBe(true);
    // The fake build's own CSS is a few bytes: not worth a compressed answer, still varies.
    const small = await raw(`${url}/_astro/site.css`, { 'Accept-Encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['vary']).toBe('Accept-Encoding');
    expect(small.headers['accept-ranges']).toBe('bytes');
  });

  it('answers a Range with the file’s own bytes, with and without Accept-Encoding', async () => {
    const { url } = await setUp();
    for (const urlPath of ['/_search/terms/12.json', '/thoi-su/bai-dai-7.html']) {
      const bytes = Buffer.from(TEXT_FILES[urlPath]!);
      for (const accept of [undefined, 'gzip', 'gzip, deflate, br']) {
        const what = `${urlPath} (${accept ?? 'no Accept-Encoding'})`;
        const headers: Record<string, string> = { Range: 'bytes=100-1123' };
        if (accept) headers['Accept-Encoding'] = accept;
        const part = await raw(`${url}${urlPath}`, headers);
        expect(part.status, what).toBe(206);
        expect(part.headers['content-encoding'], what).toBeUndefined();
        expect(part.headers['content-range'], what).toBe(`bytes 100-1123/${bytes.length}`);
        expect(part.headers['vary'], what).toBe('Accept-Encoding');
        expect(part.body.equals(bytes.subarray(100, 1124)), what).toBe(true);
        const tail = await raw(`${url}${urlPath}`, { ...headers, Range: 'bytes=-2000' });
        expect(tail.status, what).toBe(206);
        expect(tail.body.equals(bytes.subarray(bytes.length - 2000)), what).toBe(true);
      }
    }
    // A range whose If-Range names another version gets the whole file, compressed when accepted.
    const stale = await raw(`${url}/thoi-su/bai-dai-7.html`, {
      Range: 'bytes=0-3',
      'If-Range': '"old"',
      'Accept-Encoding': 'gzip',
    });
    expect(stale.status).toBe(200);
    expect(stale.headers['content-encoding']).toBe('gzip');
    expect(decoded(stale).toString()).toBe(TEXT_FILES['/thoi-su/bai-dai-7.html']);
  });

  it('answers 304 to a copy that is current, whichever encoding the browser keeps, and HEAD as before', async () => {
    const { url } = await setUp();
    for (const urlPath of ['/_search/terms/12.json', '/thoi-su/bai-dai-7.html']) {
      const compressed = await raw(`${url}${urlPath}`, { 'Accept-Encoding': 'gzip' });
      const plain = await raw(`${url}${urlPath}`);
      const etag = compressed.headers['etag'] as string;
      expect(etag).toBeTruthy();
      // One weak tag for both encodings: the same content, told apart by Vary.
      expect(etag).toMatch(/^W\//);
      expect(plain.headers['etag']).toBe(etag);
      for (const accept of [undefined, 'gzip', 'br']) {
        const what = `${urlPath} (${accept ?? 'no Accept-Encoding'})`;
        const headers: Record<string, string> = { 'If-None-Match': etag };
        if (accept) headers['Accept-Encoding'] = accept;
        const unchanged = await raw(`${url}${urlPath}`, headers);
        expect(unchanged.status, what).toBe(304);
        expect(unchanged.body.length, what).toBe(0);
        expect(unchanged.headers['vary'], what).toBe('Accept-Encoding');
        expect(unchanged.headers['etag'], what).toBe(etag);
        expect(unchanged.headers['cache-control'], what).toBe('public, max-age=0, must-revalidate');
        expect(unchanged.headers['content-encoding'], what).toBeUndefined();
        const byDate = await raw(`${url}${urlPath}`, {
          ...headers,
          'If-None-Match': '',
          'If-Modified-Since': compressed.headers['last-modified'] as string,
        });
        expect(byDate.status, what).toBe(304);
        const changed = await raw(`${url}${urlPath}`, { ...headers, 'If-None-Match': '"old"' });
        expect(changed.status, what).toBe(200);
        expect(decoded(changed).toString(), what).toBe(TEXT_FILES[urlPath]);
      }
      const head = await raw(`${url}${urlPath}`, { 'Accept-Encoding': 'gzip, br' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['vary']).toBe('Accept-Encoding');
      expect(head.headers['etag']).toBe(etag);
      expect(head.headers['content-type']).toBe(plain.headers['content-type']);
    }
  });

  it('compresses the 404 page and keeps its status', async () => {
    const notFound = `<!doctype html><html lang="vi"><body><h1>Không tìm thấy trang</h1>${`<p>${PROSE}</p>`.repeat(20)}</body></html>`;
    const { url } = await setUp({ '/404.html': notFound });
    const missing = await raw(`${url}/thoi-su/khong-co-99.html`, { 'Accept-Encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBe('gzip');
    expect(decoded(missing).toString()).toBe(notFound);
    expect(missing.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
