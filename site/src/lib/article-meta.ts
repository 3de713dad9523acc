import { formatByline, toNfc } from '@toasoan/shared';

/** A republish within this of the first publish (a typo fixed) is not shown as an update. */
export const UPDATE_NOTICE_AFTER_MS = 10 * 60 * 1000;

export interface ArticleTimes {
  /** The time readers see: set on the first publish, or given (back-dated imports). */
  publicationTime: string;
  /** Moves with each new publish. */
  publishedAt: string;
  /** When the document was created; publishing keeps it. */
  createdAt: string;
}

/** Republished: `publishedAt` well after both `publicationTime` and `createdAt` (imports). */
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

/** `formatByline`'s text in groups, so each name can link to its author's page. */
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

/** Once each, names as written: the authors of structured data, the `dc:creator`s of feeds. */
export function creditedPeople(credits: readonly CreditLike[]): { name: string; slug: string }[] {
  const people = new Map<string, { name: string; slug: string }>();
  for (const { author } of credits) {
    if (author && !people.has(author.slug)) {
      people.set(author.slug, { name: toNfc(author.name).trim(), slug: author.slug });
    }
  }
  return [...people.values()];
}
