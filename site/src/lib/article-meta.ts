import { formatByline, toNfc } from '@toasoan/shared';

/**
 * How long after its first publication an article may be published again before readers are
 * told it was updated. Fixing a typo right after publishing is not news; a correction an hour
 * later is.
 */
export const UPDATE_NOTICE_AFTER_MS = 10 * 60 * 1000;

/** The times Strapi keeps on a published article (ISO 8601). */
export interface ArticleTimes {
  /** The time readers see: set on the first publish, or given (back-dated imports). */
  publicationTime: string;
  /** When the current published version was published: moves with each new publish. */
  publishedAt: string;
  /** When the document was created; publishing keeps it. */
  createdAt: string;
}

/**
 * The time to print as "Cập nhật" (updated), or null when the article was not published again
 * after it first appeared. Strapi moves `publishedAt` on every publish; the first publish
 * happens at `publicationTime`, or, for a back-dated import, right after `createdAt`. So the
 * article was republished when `publishedAt` is well after both.
 *
 * @example
 * updatedTime({
 *   publicationTime: '2023-10-12T01:29:00Z',
 *   createdAt: '2026-11-20T10:00:00Z',
 *   publishedAt: '2026-11-20T10:00:01Z',
 * })
 * //=> null (imported, never republished)
 */
export function updatedTime(article: ArticleTimes): string | null {
  const firstPublished = Math.max(
    Date.parse(article.publicationTime),
    Date.parse(article.createdAt),
  );
  return Date.parse(article.publishedAt) - firstPublished > UPDATE_NOTICE_AFTER_MS
    ? article.publishedAt
    : null;
}

/** `dateModified` of structured data, `lastmod` of sitemaps: the update, else the publication. */
export function modifiedTime(article: ArticleTimes): string {
  return updatedTime(article) ?? article.publicationTime;
}

/** A credit as the site has it: a role and an author, who may have been deleted. */
interface CreditLike {
  role: string;
  author: { name: string; slug: string } | null;
}

/** One role of the byline and its people, names in capitals, ready to link to their pages. */
export interface BylineGroup {
  role: string;
  people: { name: string; slug: string }[];
}

/**
 * The byline in groups, so each name can link to its author's page. It reads exactly like
 * `formatByline` of @toasoan/shared (roles in order of first appearance, names in capitals, each
 * once per role), which also does the capitals: joining the groups gives its text back.
 *
 * @example
 * bylineGroups([{ role: 'Bài, ảnh', author: { name: 'Trường Sơn', slug: 'truong-son' } }])
 * //=> [{ role: 'Bài, ảnh', people: [{ name: 'TRƯỜNG SƠN', slug: 'truong-son' }] }]
 */
export function bylineGroups(credits: readonly CreditLike[]): BylineGroup[] {
  const groups = new Map<string, BylineGroup>();
  for (const { role, author } of credits) {
    if (!author) continue;
    const name = formatByline([{ role: '', name: author.name }]);
    if (!name) continue;
    const label = toNfc(role).trim();
    const group = groups.get(label) ?? { role: label, people: [] };
    if (!group.people.some((person) => person.name === name)) {
      group.people.push({ name, slug: author.slug });
    }
    groups.set(label, group);
  }
  return [...groups.values()];
}

/**
 * Everyone credited on an article, once each, in credit order, with their names as written:
 * the authors of structured data and the `dc:creator`s of feeds.
 */
export function creditedPeople(credits: readonly CreditLike[]): { name: string; slug: string }[] {
  const people = new Map<string, { name: string; slug: string }>();
  for (const { author } of credits) {
    if (author && !people.has(author.slug)) {
      people.set(author.slug, { name: toNfc(author.name).trim(), slug: author.slug });
    }
  }
  return [...people.values()];
}
