import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { CreditRole } from '../../data/newsroom';
import { insertPublishedArticles, type BulkArticle } from './bulk-articles';
import { ensureImage } from './media';
import { generateArticleText } from './newspaper-text';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, type IdsBySlug } from './newsroom';
import { pickWeighted, randomFrom, type Random } from './random';

/** Articles written per transaction; progress is printed every PROGRESS_EVERY. */
const BATCH = 500;
const PROGRESS_EVERY = 1000;

/**
 * Covers come from a pool of file photos, reused as a paper reuses its archive pictures: one per
 * 25 articles asked for, between 8 and 40 (each is generated and uploaded, about a second).
 */
export const coverPoolSize = (count: number): number =>
  Math.min(40, Math.max(8, Math.ceil(count / 25)));

/** The newest synthetic article (n = 1) goes out that evening; each further one is older. */
const NEWEST_DAY = Date.parse('2026-11-01T22:00:00+07:00');
const ARTICLES_PER_DAY = 50;

// How busy each section is (a share of all articles); sections added in the admin get a little.
export const SECTION_WEIGHTS: Record<string, number> = {
  'thoi-su': 22,
  'kinh-te': 16,
  'xa-hoi': 15,
  'chinh-tri': 11,
  'phap-luat': 10,
  'van-hoa': 8,
  'the-thao': 8,
  'xay-dung-dang': 6,
  'du-lich': 4,
};
const OTHER_SECTION_WEIGHT = 3;

// Who writes for which section (author slugs of data/newsroom.ts), and how often.
const REPORTERS: Record<string, Record<string, number>> = {
  'thoi-su': { 'hoang-anh': 5, 'quoc-viet': 4, 'minh-chau': 1, 'le-thao': 1 },
  'chinh-tri': { 'hoang-anh': 6, 'thu-ha': 2, 'quoc-viet': 1 },
  'xay-dung-dang': { 'thu-ha': 6, 'hoang-anh': 2 },
  'kinh-te': { 'minh-chau': 7, 'quoc-viet': 1, 'hoang-anh': 1 },
  'xa-hoi': { 'le-thao': 6, 'truong-son': 2, 'minh-chau': 1 },
  'phap-luat': { 'quoc-viet': 5, 'hoang-anh': 2 },
  'van-hoa': { 'thu-ha': 3, 'le-thao': 3, 'truong-son': 2 },
  'the-thao': { 'quoc-viet': 6, 'le-thao': 1 },
  'du-lich': { 'truong-son': 5, 'le-thao': 2, 'minh-chau': 1 },
};
const PHOTOGRAPHERS: Record<string, number> = { 'truong-son': 6, 'quoc-viet': 2, 'minh-chau': 1 };
/** Republished pieces are credited "Theo" to their source. */
const SOURCE_AUTHOR = 'cong-ttdt-tinh';

// Byline shapes and how common they are: one reporter, a reporter and a photographer, …
const BYLINES = {
  story: 36,
  brief: 18,
  storyWithOwnPhotos: 14,
  storyAndPhotos: 16,
  republished: 7,
  storyAndVideo: 3,
  storyAndGraphics: 2,
  twoReporters: 4,
};

/**
 * The documentId of synthetic article `n`: shaped like Strapi's own (24 characters of cuid2's
 * alphabet, a letter first) but derived from `n`, so a later run finds which articles exist.
 */
export function syntheticDocumentId(n: number): string {
  const digest = createHash('sha256').update(`toasoan-synthetic-article-${n}`).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = alphabet[digest[0] % 26];
  for (let i = 1; i < 24; i++) id += alphabet[digest[i] % 36];
  return id;
}

/** When synthetic article `n` went out: 50 a day between about 5:20 and 22:00 (GMT+7), n = 1 newest. */
export function syntheticPublicationTime(n: number, random: Random): Date {
  const day = Math.floor((n - 1) / ARTICLES_PER_DAY);
  const slot = (n - 1) % ARTICLES_PER_DAY;
  const minutes = slot * 20 + Math.floor(random() * 15);
  return new Date(NEWEST_DAY - day * 86_400_000 - minutes * 60_000);
}

interface Newsroom {
  /** Category row id by slug. */
  categories: Map<string, number>;
  /** Author row id by slug. */
  authors: Map<string, number>;
  covers: number[];
}

/** Row ids of documents without draft & publish (one row each), by slug. */
async function rowIdsBySlug(
  strapi: Core.Strapi,
  uid: string,
  documentIds: IdsBySlug,
): Promise<Map<string, number>> {
  const rows = (await strapi.db.query(uid as never).findMany({
    select: ['id', 'documentId'],
    where: { documentId: { $in: [...documentIds.values()] } },
  })) as { id: number; documentId: string }[];
  const idOf = new Map(rows.map((row) => [row.documentId, row.id]));
  return new Map(
    [...documentIds].flatMap(([slug, documentId]) =>
      idOf.has(documentId) ? [[slug, idOf.get(documentId)!] as const] : [],
    ),
  );
}

/** Keeps the weights of the keys in `available`; all of `available` evenly when none is. */
function weightsAmong(
  weights: Record<string, number>,
  available: string[],
): Record<string, number> {
  const kept = Object.fromEntries(
    Object.entries(weights).filter(([key]) => available.includes(key)),
  );
  return Object.keys(kept).length > 0 ? kept : Object.fromEntries(available.map((key) => [key, 1]));
}

function creditsFor(
  random: Random,
  section: string,
  authors: Map<string, number>,
): BulkArticle['credits'] {
  const slugs = [...authors.keys()].filter((slug) => slug !== SOURCE_AUTHOR);
  const reporters = weightsAmong(REPORTERS[section] ?? {}, slugs);
  const credit = (role: CreditRole, weights: Record<string, number>) => ({
    role,
    authorId: authors.get(pickWeighted(random, weights)) ?? null,
  });
  const reporter = credit('Bài', reporters);
  const other = (role: CreditRole, weights: Record<string, number>) => {
    // Someone else than the reporter, when the newsroom has anyone else.
    const others = Object.fromEntries(
      Object.entries(weightsAmong(weights, slugs)).filter(
        ([slug]) => authors.get(slug) !== reporter.authorId,
      ),
    );
    return Object.keys(others).length > 0 ? credit(role, others) : null;
  };

  switch (pickWeighted(random, BYLINES)) {
    case 'brief':
      return [{ ...reporter, role: 'Tin' }];
    case 'storyWithOwnPhotos':
      return [{ ...reporter, role: 'Bài, ảnh' }];
    case 'storyAndPhotos':
      return [reporter, other('Ảnh', PHOTOGRAPHERS)].filter((c) => c !== null);
    case 'republished':
      return authors.has(SOURCE_AUTHOR)
        ? [{ role: 'Theo', authorId: authors.get(SOURCE_AUTHOR)! }]
        : [reporter];
    case 'storyAndVideo':
      return [reporter, other('Video', reporters)].filter((c) => c !== null);
    case 'storyAndGraphics':
      return [reporter, other('Đồ họa', reporters)].filter((c) => c !== null);
    case 'twoReporters':
      return [reporter, other('Bài', reporters)].filter((c) => c !== null);
    default:
      return [reporter];
  }
}

/** Synthetic article `n`, with everything about it drawn from `n`. */
function syntheticArticle(n: number, newsroom: Newsroom): BulkArticle {
  const random = randomFrom(`tong-hop-${n}`);
  const sections = [...newsroom.categories.keys()];
  const section = pickWeighted(
    random,
    Object.fromEntries(
      sections.map((slug) => [slug, SECTION_WEIGHTS[slug] ?? OTHER_SECTION_WEIGHT]),
    ),
  );
  const publicationTime = syntheticPublicationTime(n, random);
  // A few pictures serve often (the newsroom's favourites), most now and then.
  const cover = newsroom.covers[Math.floor(random() ** 1.5 * newsroom.covers.length)] ?? null;
  const credits = creditsFor(random, section, newsroom.authors);
  const text = generateArticleText(n, section, publicationTime);
  return {
    documentId: syntheticDocumentId(n),
    title: text.title,
    slug: text.title,
    sapo: text.sapo,
    body: text.body,
    coverId: cover,
    coverCaption: text.coverCaption,
    categoryId: newsroom.categories.get(section) ?? null,
    credits,
    publicationTime,
    tags: text.tags,
  };
}

/** The numbers in 1..count whose synthetic article is in the database (draft or published). */
async function presentNumbers(strapi: Core.Strapi, count: number): Promise<Set<number>> {
  const present = new Set<number>();
  const numberOf = new Map<string, number>();
  for (let n = 1; n <= count; n++) numberOf.set(syntheticDocumentId(n), n);
  const ids = [...numberOf.keys()];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      select: ['documentId'],
      where: { documentId: { $in: ids.slice(start, start + 500) } },
    })) as { documentId: string }[];
    for (const row of rows) present.add(numberOf.get(row.documentId)!);
  }
  return present;
}

async function ensureCoverPool(strapi: Core.Strapi, size: number): Promise<number[]> {
  const covers: number[] = [];
  for (let k = 1; k <= size; k++) {
    const file = await ensureImage(strapi, {
      name: `anh-bia-tong-hop-${k}.jpg`,
      artKey: `tong-hop-${k}`,
      alternativeText: 'Ảnh minh họa',
    });
    covers.push(file.id);
  }
  return covers;
}

/**
 * Tops the database up to `count` synthetic published articles numbered 1..count: newspaper-length
 * Vietnamese text, sections and bylines spread as in a real paper (some far busier than others),
 * covers from a shared pool, 50 a day back in time. Numbers that already exist are skipped, so
 * running it again (or with a larger count) only adds what is missing.
 *
 * The articles are written in bulk (bulk-articles.ts), which keeps the rate flat as the archive
 * grows; the document service, with its per-document queries, could not import a large archive
 * in minutes.
 */
export async function seedSyntheticArticles(
  strapi: Core.Strapi,
  count: number,
  ids: { categories: IdsBySlug; authors: IdsBySlug },
  log: (line: string) => void,
): Promise<void> {
  const present = await presentNumbers(strapi, count);
  const missing: number[] = [];
  for (let n = 1; n <= count; n++) if (!present.has(n)) missing.push(n);
  if (missing.length === 0) {
    log(`synthetic articles: ${count} requested, all there`);
    return;
  }

  const newsroom: Newsroom = {
    categories: await rowIdsBySlug(strapi, CATEGORY_UID, ids.categories),
    authors: await rowIdsBySlug(strapi, AUTHOR_UID, ids.authors),
    covers: await ensureCoverPool(strapi, coverPoolSize(count)),
  };
  log(`synthetic articles: ${missing.length} to write (${newsroom.covers.length} covers ready)`);

  const started = Date.now();
  let lastMark = { done: 0, at: started };
  for (let start = 0; start < missing.length; start += BATCH) {
    const batch = missing.slice(start, start + BATCH);
    await insertPublishedArticles(
      strapi,
      batch.map((n) => syntheticArticle(n, newsroom)),
    );
    const done = start + batch.length;
    if (
      Math.floor(done / PROGRESS_EVERY) > Math.floor(start / PROGRESS_EVERY) ||
      done === missing.length
    ) {
      const now = Date.now();
      const rate = (done / Math.max(now - started, 1)) * 1000;
      const recent = ((done - lastMark.done) / Math.max(now - lastMark.at, 1)) * 1000;
      log(
        `  synthetic articles: ${done}/${missing.length} (${Math.round(rate)}/s overall, ${Math.round(recent)}/s for the last ${done - lastMark.done})`,
      );
      lastMark = { done, at: now };
    }
  }
  log(`synthetic articles: ${count} requested, ${missing.length} created and published`);
}
