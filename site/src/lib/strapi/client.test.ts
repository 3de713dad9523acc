import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeExportPage, SITE_EXPORT_TYPE } from '@toasoan/shared';
import { PAGE_SIZE, StrapiClient, StrapiError, type Parser } from './client';

interface Entry {
  id: number;
}
interface Page {
  data: Entry[];
  meta: { pagination: { page: number; pageCount: number; total: number } };
}

/** What the fake Strapi was asked: the path with its decoded query, and the token sent. */
interface Received {
  url: string;
  authorization: string | undefined;
}

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

const TOKEN = 'read-only-site-token';
const pageSchema: Parser<Page> = { parse: (value) => value as Page };
const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

let server: Server | undefined;
let received: Received[] = [];

/** A local HTTP server in Strapi's place; `handle` answers each request (`count` from 1). */
async function fakeStrapi(handle: Handler): Promise<string> {
  received = [];
  server = createServer((request, response) => {
    received.push({
      url: decodeURIComponent(request.url!),
      authorization: request.headers.authorization,
    });
    handle(request, response, received.length);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stopFakeStrapi(): Promise<void> {
  const running = server;
  server = undefined;
  // Also the connections of requests left hanging on purpose (the timeout tests).
  running?.closeAllConnections();
  if (running) await new Promise((resolve) => running.close(resolve));
}

afterEach(stopFakeStrapi);

/** A client that retries at once: the tests count attempts, they do not wait for back-off. */
const client = (baseUrl: string, attempts = 4) =>
  new StrapiClient({ baseUrl, token: TOKEN, attempts, retryDelayMs: 1, timeoutMs: 5_000 });

/** `total` entries with ids 1…total, served PAGE_SIZE a page as Strapi does. */
function pagedCollection(total: () => number): Handler {
  return (request, response) => {
    const query = new URL(request.url!, 'http://x').searchParams;
    const page = Number(query.get('pagination[page]'));
    const pageSize = Number(query.get('pagination[pageSize]'));
    const count = total();
    const first = (page - 1) * pageSize;
    const ids = Array.from({ length: Math.max(0, Math.min(pageSize, count - first)) }, (_, i) => ({
      id: first + i + 1,
    }));
    json(response, 200, {
      data: ids,
      meta: {
        pagination: { page, pageSize, pageCount: Math.ceil(count / pageSize), total: count },
      },
    });
  };
}

const pagesAsked = () =>
  received
    .map((request) => Number(new URL(request.url, 'http://x').searchParams.get('pagination[page]')))
    .sort((a, b) => a - b);

describe('StrapiClient.get', () => {
  it('sends the token and returns the JSON body', async () => {
    const url = await fakeStrapi((_, response) => json(response, 200, { data: { ok: true } }));
    expect(await client(`${url}/`).get('/api/categories')).toEqual({ data: { ok: true } });
    expect(received).toEqual([{ url: '/api/categories', authorization: `Bearer ${TOKEN}` }]);
  });

  it('retries a 503 (Strapi still booting) and returns the answer that follows', async () => {
    const url = await fakeStrapi((_, response, count) =>
      count < 3 ? json(response, 503, { error: 'booting' }) : json(response, 200, { data: [] }),
    );
    expect(await client(url).get('/api/articles')).toEqual({ data: [] });
    expect(received).toHaveLength(3);
  });

  it('gives up after its attempts with the last 5xx as a StrapiError', async () => {
    const url = await fakeStrapi((_, response) => json(response, 503, { error: 'down' }));
    const error = await client(url, 3)
      .get('/api/articles')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({
      name: 'StrapiError',
      method: 'GET',
      url: `${url}/api/articles`,
      status: 503,
      message: `GET ${url}/api/articles answered HTTP 503`,
    });
    expect((error as StrapiError).isNetworkError).toBe(false);
    expect(received).toHaveLength(3);
  });

  it('does not retry a 401 (a bad token stays bad) and says which request failed', async () => {
    const url = await fakeStrapi((_, response) =>
      json(response, 401, { error: { status: 401, name: 'UnauthorizedError' } }),
    );
    const error = await client(url)
      .get('/api/articles?fields[0]=title')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({ status: 401, url: `${url}/api/articles?fields[0]=title` });
    expect(received).toHaveLength(1);
  });

  it('does not retry a 400 or a 403 either', async () => {
    for (const status of [400, 403]) {
      const url = await fakeStrapi((_, response) => json(response, status, {}));
      await expect(client(url).get('/api/articles')).rejects.toMatchObject({ status });
      expect(received).toHaveLength(1);
      await stopFakeStrapi();
    }
  });

  it('retries a 429 (rate limit) and a 408 as it does a 5xx', async () => {
    for (const status of [429, 408]) {
      const url = await fakeStrapi((_, response, count) =>
        count === 1 ? json(response, status, {}) : json(response, 200, { data: [] }),
      );
      expect(await client(url).get('/api/articles')).toEqual({ data: [] });
      expect(received).toHaveLength(2);
      await stopFakeStrapi();
    }
  });

  it('gives up on an attempt that does not answer in time, and tries again', async () => {
    // The first request hangs (Strapi stuck); the second is answered.
    const url = await fakeStrapi((_, response, count) => {
      if (count > 1) json(response, 200, { data: [] });
    });
    const quick = new StrapiClient({
      baseUrl: url,
      token: TOKEN,
      attempts: 2,
      retryDelayMs: 1,
      // Long enough for a loaded CI machine to answer the second attempt in time.
      timeoutMs: 1_000,
    });
    expect(await quick.get('/api/articles')).toEqual({ data: [] });
    expect(received).toHaveLength(2);
  });

  it('fails as a network error when no attempt answers in time', async () => {
    const url = await fakeStrapi(() => undefined);
    const quick = new StrapiClient({
      baseUrl: url,
      token: TOKEN,
      attempts: 2,
      retryDelayMs: 1,
      timeoutMs: 100,
    });
    const error = await quick.get('/api/articles').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'StrapiError', status: undefined });
    expect((error as StrapiError).isNetworkError).toBe(true);
    expect(received).toHaveLength(2);
  });

  it('retries when nobody answers, then fails as a network error', async () => {
    // A port that was free a moment ago: connections are refused.
    const url = await fakeStrapi(() => undefined);
    await stopFakeStrapi();
    const error = await client(url, 2)
      .get('/api/articles')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({
      status: undefined,
      message: `GET ${url}/api/articles got no answer`,
    });
    expect((error as StrapiError).isNetworkError).toBe(true);
    expect((error as StrapiError).cause).toBeDefined();
  });
});

describe('StrapiClient.getAll', () => {
  it('asks for pages of PAGE_SIZE (100, Strapi’s maximum) and follows pageCount to the end', async () => {
    const url = await fakeStrapi(pagedCollection(() => 250));
    const entries = await client(url).getAll('articles', { fields: ['title'] }, pageSchema);
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(pagesAsked()).toEqual([1, 2, 3]);
    for (const request of received) {
      expect(request.url).toMatch(/^\/api\/articles\?fields\[0\]=title&/);
      expect(request.url).toContain(`pagination[pageSize]=${PAGE_SIZE}`);
    }
  });

  it('returns the entries in the query’s order even when later pages arrive first', async () => {
    const url = await fakeStrapi((request, response, count) => {
      const answer = () => pagedCollection(() => 450)(request, response, count);
      // Page 2 is slow: pages 3–5 (fetched alongside it) come back before it.
      if (request.url!.includes('pagination%5Bpage%5D=2&')) setTimeout(answer, 50);
      else answer();
    });
    const entries = await client(url).getAll('articles', {}, pageSchema);
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(pagesAsked()).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes one request for an empty collection', async () => {
    const url = await fakeStrapi(pagedCollection(() => 0));
    expect(await client(url).getAll('comments', {}, pageSchema)).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('stops at the first empty page when the collection shrinks while paging', async () => {
    // 250 entries when page 1 is read; then an editor unpublishes 60, so page 3 is empty.
    let total = 250;
    const url = await fakeStrapi((request, response, count) => {
      pagedCollection(() => total)(request, response, count);
      total = 190;
    });
    const entries = await client(url).getAll('articles', {}, pageSchema);
    expect(pagesAsked()).toEqual([1, 2, 3]);
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
  });

  it('returns no entries from past an empty page, even when a page fetched alongside has some', async () => {
    // Page 3 was answered before the shrink, page 2 after it: the list must not have a hole.
    const url = await fakeStrapi((request, response, count) => {
      const emptyPage2 = request.url!.includes('pagination%5Bpage%5D=2&');
      pagedCollection(() => (emptyPage2 ? 100 : 300))(request, response, count);
    });
    const entries = await client(url).getAll('articles', {}, pageSchema);
    expect(pagesAsked()).toEqual([1, 2, 3]);
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('fails on the page that keeps failing, after retrying it', async () => {
    const url = await fakeStrapi((request, response, count) => {
      if (request.url!.includes('pagination%5Bpage%5D=2&')) json(response, 500, {});
      else pagedCollection(() => 150)(request, response, count);
    });
    const error = await client(url, 2)
      .getAll('articles', {}, pageSchema)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({ status: 500 });
    expect((error as StrapiError).url).toContain('pagination%5Bpage%5D=2&');
    expect(pagesAsked()).toEqual([1, 2, 2]);
  });
});

describe('StrapiClient.getByDocumentIds', () => {
  it('asks for PAGE_SIZE ids a request, with filters[documentId][$in]', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `doc${i}`);
    const url = await fakeStrapi((request, response) => {
      const query = new URL(request.url!, 'http://x').searchParams;
      const asked = [...query.entries()]
        .filter(([key]) => key.startsWith('filters[documentId][$in]'))
        .map(([, id]) => ({ id: Number(id.slice(3)) }));
      json(response, 200, {
        data: asked,
        meta: { pagination: { page: 1, pageCount: 1, total: asked.length } },
      });
    });
    const entries = await client(url).getByDocumentIds(
      'articles',
      { filters: { category: { slug: { $eq: 'xa-hoi' } } } },
      ids,
      pageSchema,
    );
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(request.url).toContain('filters[category][slug][$eq]=xa-hoi');
      expect(request.url).toContain('pagination[page]=1');
    }
  });

  it('makes no request for no ids', async () => {
    const url = await fakeStrapi(pagedCollection(() => 0));
    expect(await client(url).getByDocumentIds('articles', {}, [], pageSchema)).toEqual([]);
    expect(received).toHaveLength(0);
  });
});

describe('exportPages', () => {
  type ExportPage = { data: Entry[]; meta: { next: number | null } };
  const exportSchema: Parser<ExportPage> = { parse: (value) => value as ExportPage };
  const bodyOf = (id: number) => `Bài số ${id}: Đà Nẵng`;
  /**
   * Ids 1…total, `limit` a page after the cursor, each with its body; the next cursor in a
   * header unless `bare`; `cut` bytes missing from each answer.
   */
  const exportRoute =
    (total: number, bare = false, cut = 0): Handler =>
    (request, response) => {
      const query = new URL(request.url!, 'http://strapi').searchParams;
      const after = Number(query.get('after'));
      const limit = Number(query.get('limit'));
      const data = Array.from({ length: Math.max(0, Math.min(limit, total - after)) }, (_, i) => ({
        id: after + i + 1,
      }));
      const next = after + data.length < total ? after + data.length : null;
      response.writeHead(200, {
        'Content-Type': SITE_EXPORT_TYPE,
        ...(bare ? {} : { 'X-Next-After': next === null ? '' : String(next) }),
      });
      const bodies = data.map(({ id }) => Buffer.from(bodyOf(id)));
      const frame = Buffer.concat(encodeExportPage({ data, meta: { next } }, bodies));
      response.end(frame.subarray(0, frame.length - cut));
    };
  const ids = (page: { entries: Entry[] }) => page.entries.map((entry) => entry.id);

  it('asks for the next page before the caller has taken this one', async () => {
    const baseUrl = await fakeStrapi(exportRoute(5));
    const pages = client(baseUrl).exportPages('site-export', exportSchema, 2);
    const first = await pages.next();
    expect(first.value?.entries).toEqual([{ id: 1 }, { id: 2 }]);
    expect(first.value?.bodies.map(String)).toEqual([bodyOf(1), bodyOf(2)]);
    // The second request left with the first page's headers, before the caller asked for it.
    await expect
      .poll(() => received.map((request) => request.url))
      .toEqual(['/api/site-export?after=0&limit=2', '/api/site-export?after=2&limit=2']);
    const rest: number[][] = [];
    for await (const page of { [Symbol.asyncIterator]: () => pages }) rest.push(ids(page));
    expect(rest).toEqual([[3, 4], [5]]);
    expect(received).toHaveLength(3);
  });

  it('reads a page asked for ahead after its time limit: the limit is for the answer to begin', async () => {
    const baseUrl = await fakeStrapi(exportRoute(4));
    // A limit a loaded CI machine meets (100 ms once did not), and a caller slower than it.
    const slow = new StrapiClient({ baseUrl, token: TOKEN, attempts: 1, timeoutMs: 1_000 });
    const seen: number[] = [];
    for await (const page of slow.exportPages('site-export', exportSchema, 2)) {
      seen.push(...ids(page));
      // A caller busy with a page (storing 1,000 bodies) for longer than the time limit.
      await new Promise((resolve) => setTimeout(resolve, 1_300));
    }
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('follows meta.next from a CMS that sends no cursor header', async () => {
    const baseUrl = await fakeStrapi(exportRoute(3, true));
    const seen: number[] = [];
    for await (const page of client(baseUrl).exportPages('site-export', exportSchema, 2)) {
      seen.push(...ids(page));
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a page whose bodies are cut short, naming the request', async () => {
    const baseUrl = await fakeStrapi(exportRoute(3, false, 2));
    const pages = client(baseUrl).exportPages('site-export', exportSchema, 2);
    const failure = await pages.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StrapiError);
    expect((failure as StrapiError).message).toContain('/api/site-export');
    expect(String((failure as StrapiError).cause)).toMatch(/bytes of bodies/);
  });
});
