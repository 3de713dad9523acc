import pLimit from 'p-limit';
import { decodeExportPage } from '@toasoan/shared';
import { FetchError, fetchWithRetries, type RetryPolicy } from '../retrying-fetch';
import { toQueryString, type StrapiQuery } from './query';

/** A request to Strapi that failed: an HTTP error status, or no answer at all (`status` undefined). */
export class StrapiError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;

  constructor(
    method: string,
    url: string,
    status: number | undefined,
    options?: { cause?: unknown },
  ) {
    const outcome = status === undefined ? 'got no answer' : `answered HTTP ${status}`;
    super(`${method} ${url} ${outcome}`, options);
    this.name = 'StrapiError';
    this.method = method;
    this.url = url;
    this.status = status;
  }

  /** True when the server is unreachable (refused, reset, DNS, timeout), not merely unhappy. */
  get isNetworkError(): boolean {
    return this.status === undefined;
  }
}

/** Anything that checks an unknown value and returns it typed: a zod schema, for one. */
export interface Parser<T> {
  parse(value: unknown): T;
}

interface StrapiPage<T> {
  data: T[];
  meta: { pagination: { page: number; pageCount: number; total: number } };
}

export interface StrapiClientOptions {
  baseUrl: string;
  token: string;
  /** Attempts per request, counting the first one. */
  attempts?: number;
  /** Wait before the first retry; doubles for each further one. */
  retryDelayMs?: number;
  timeoutMs?: number;
}

/** Strapi's default `api.rest.maxLimit`: asking for more silently returns 100. */
export const PAGE_SIZE = 100;

/** Pages of one collection requested at the same time, after the first. */
const PARALLEL_PAGES = 3;

export const EXPORT_PAGE_SIZE = 1000;

/** The export route's header naming the next page's cursor (empty on the last page). */
const NEXT_PAGE_HEADER = 'x-next-after';

/** Requests of `getByDocumentIds` at the same time: Strapi answers them on its own cores. */
const PARALLEL_LOOKUPS = 4;

export class StrapiClient {
  readonly baseUrl: string;
  readonly #token: string;
  readonly #retry: RetryPolicy;

  constructor({
    baseUrl,
    token,
    attempts = 4,
    retryDelayMs = 300,
    timeoutMs = 30_000,
  }: StrapiClientOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#token = token;
    this.#retry = { attempts, retryDelayMs, timeoutMs };
  }

  async get(pathAndQuery: string): Promise<unknown> {
    return (await this.#getOk(pathAndQuery)).json();
  }

  async #getOk(pathAndQuery: string): Promise<Response> {
    const url = `${this.baseUrl}${pathAndQuery}`;
    try {
      return await fetchWithRetries(
        url,
        { headers: { Authorization: `Bearer ${this.#token}`, Accept: 'application/json' } },
        this.#retry,
      );
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const status = error.response?.status;
      throw new StrapiError('GET', url, status, {
        cause: status === undefined ? (error.cause ?? error) : error.data,
      });
    }
  }

  /** Follows the first page's `pageCount` rather than stopping at the first short page. */
  async getAll<T>(
    collection: string,
    query: StrapiQuery,
    pageSchema: Parser<StrapiPage<T>>,
  ): Promise<T[]> {
    const getPage = async (page: number) => {
      const qs = toQueryString({ ...query, pagination: { page, pageSize: PAGE_SIZE } });
      return pageSchema.parse(await this.get(`/api/${collection}?${qs}`));
    };
    const first = await getPage(1);
    const pages = [first];
    // A few at a time: while Strapi prepares one page, the previous one is checked here.
    const pageCount = first.data.length === 0 ? 1 : first.meta.pagination.pageCount;
    const limit = pLimit(PARALLEL_PAGES);
    await Promise.all(
      Array.from({ length: pageCount - 1 }, (_, index) =>
        limit(async () => (pages[index + 1] = await getPage(index + 2))),
      ),
    );
    // A page that came back empty means the collection shrank while paging: stop there.
    const end = pages.findIndex((page, index) => index > 0 && page.data.length === 0);
    return pages.slice(0, end === -1 ? undefined : end).flatMap((page) => page.data);
  }

  /** PAGE_SIZE ids a request (`documentId $in`, indexed): a publish costs a request or two. */
  async getByDocumentIds<T>(
    collection: string,
    query: StrapiQuery,
    ids: readonly string[],
    pageSchema: Parser<StrapiPage<T>>,
  ): Promise<T[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += PAGE_SIZE)
      chunks.push(ids.slice(start, start + PAGE_SIZE));
    const limit = pLimit(PARALLEL_LOOKUPS);
    const results = await Promise.all(
      chunks.map((chunk) =>
        limit(async () => {
          const filters = { ...(query.filters as StrapiQuery), documentId: { $in: chunk } };
          const qs = toQueryString({
            ...query,
            filters,
            pagination: { page: 1, pageSize: PAGE_SIZE },
          });
          return pageSchema.parse(await this.get(`/api/${collection}?${qs}`)).data;
        }),
      ),
    );
    return results.flat();
  }

  /** Keyset pages (export-frame.ts); the cursor header lets the next request leave early. */
  async *exportPages<T>(
    route: string,
    pageSchema: Parser<{ data: T[]; meta: { next: number | null } }>,
    limit = EXPORT_PAGE_SIZE,
  ): AsyncGenerator<{ entries: T[]; bodies: Buffer[] }> {
    const request = (after: number) => {
      const response = this.#getOk(`/api/${route}?after=${after}&limit=${limit}`);
      response.catch(() => undefined); // awaited below, unless the caller stops first
      return response;
    };
    let pending: Promise<Response> | undefined = request(0);
    while (pending) {
      const response: Response = await pending;
      const header = response.headers.get(NEXT_PAGE_HEADER);
      pending = header ? request(Number(header)) : undefined;
      const url = `${this.baseUrl}/api/${route}`;
      let frame: { head: unknown; bodies: Uint8Array[] };
      try {
        frame = decodeExportPage(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        throw new StrapiError('GET', url, response.status, { cause: error });
      }
      const page = pageSchema.parse(frame.head);
      if (header === null && page.meta.next !== null) pending = request(page.meta.next);
      else if (header !== null && header !== String(page.meta.next ?? '')) {
        throw new StrapiError('GET', url, response.status, {
          cause: `${NEXT_PAGE_HEADER} ${header} differs from meta.next ${page.meta.next}`,
        });
      }
      yield { entries: page.data, bodies: frame.bodies as Buffer[] };
    }
  }
}
