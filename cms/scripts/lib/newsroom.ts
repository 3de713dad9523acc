import type { Core } from '@strapi/strapi';
import type { SampleArticle, SampleAuthor, SampleCategory } from '../../data/newsroom';
import { ensureImage } from './media';

export const CATEGORY_UID = 'api::category.category';
export const AUTHOR_UID = 'api::author.author';
export const ARTICLE_UID = 'api::article.article';

/** documentId by slug. */
export type IdsBySlug = Map<string, string>;

type Log = (line: string) => void;

// The document service is typed from the generated content-type registry; the seed works on
// plain records whose shape is fixed by the data module, so it goes through this narrow view.
interface Documents {
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  findMany(params: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  create(params: Record<string, unknown>): Promise<Record<string, unknown>>;
  update(params: Record<string, unknown>): Promise<Record<string, unknown>>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

export function documents(strapi: Core.Strapi, uid: string): Documents {
  return (strapi.documents as unknown as (uid: string) => Documents)(uid);
}

/**
 * Creates the records that are missing and brings the others back to the data's values, matching
 * by slug. Returns every record's documentId by slug.
 */
async function upsertBySlug<T extends { slug: string }>(
  strapi: Core.Strapi,
  uid: string,
  items: T[],
  label: string,
  log: Log,
): Promise<IdsBySlug> {
  const service = documents(strapi, uid);
  const ids: IdsBySlug = new Map();
  let created = 0;
  let updated = 0;
  for (const item of items) {
    const data: Record<string, unknown> = { ...item };
    const existing = await service.findFirst({ filters: { slug: item.slug } });
    if (!existing) {
      const doc = await service.create({ data });
      ids.set(item.slug, String(doc.documentId));
      created++;
      continue;
    }
    ids.set(item.slug, String(existing.documentId));
    const changed = Object.keys(data).some((key) => (existing[key] ?? undefined) !== data[key]);
    if (changed) {
      await service.update({ documentId: existing.documentId, data });
      updated++;
    }
  }
  log(`${label}: ${items.length} (${created} created, ${updated} updated)`);
  return ids;
}

export function seedCategories(strapi: Core.Strapi, items: SampleCategory[], log: Log) {
  return upsertBySlug(strapi, CATEGORY_UID, items, 'categories', log);
}

export function seedAuthors(strapi: Core.Strapi, items: SampleAuthor[], log: Log) {
  return upsertBySlug(strapi, AUTHOR_UID, items, 'authors', log);
}

/**
 * `![alt](image:key "caption")` in a body → the uploaded picture's URL. The URL stays as the upload
 * provider gives it (`/uploads/…` for the local one): the admin resolves it against the CMS, the
 * site build against STRAPI_URL, so a change of address does not break stored bodies.
 */
const INLINE_IMAGE = /!\[([^\]]*)\]\(image:([a-z0-9-]+)(?:\s+"([^"]*)")?\)/g;

async function resolveInlineImages(strapi: Core.Strapi, body: string): Promise<string> {
  let result = body;
  for (const match of body.matchAll(INLINE_IMAGE)) {
    const [whole, alt, key, caption] = match;
    const file = await ensureImage(strapi, {
      name: `anh-${key}.jpg`,
      artKey: key,
      alternativeText: alt,
      caption,
    });
    result = result.replace(whole, whole.replace(`image:${key}`, file.url));
  }
  return result;
}

/**
 * Creates and publishes the sample articles that do not exist yet (by slug). Existing articles are
 * left alone, whatever editors did to them since.
 */
export async function seedSampleArticles(
  strapi: Core.Strapi,
  items: SampleArticle[],
  ids: { categories: IdsBySlug; authors: IdsBySlug },
  log: Log,
): Promise<void> {
  const service = documents(strapi, ARTICLE_UID);
  let created = 0;
  for (const item of items) {
    const existing = await service.findFirst({ filters: { slug: item.slug }, fields: ['slug'] });
    if (existing) continue;

    const category = ids.categories.get(item.category);
    if (!category)
      throw new Error(`Sample article ${item.slug} names unknown category ${item.category}.`);
    const credits = item.credits.map(({ role, author }) => {
      const authorId = ids.authors.get(author);
      if (!authorId) throw new Error(`Sample article ${item.slug} names unknown author ${author}.`);
      return { role, author: authorId };
    });
    const cover = await ensureImage(strapi, {
      name: `anh-bia-${item.slug}.jpg`,
      artKey: item.slug,
      alternativeText: item.title,
      caption: item.coverCaption,
    });

    const doc = await service.create({
      data: {
        title: item.title,
        slug: item.slug,
        sapo: item.sapo,
        body: await resolveInlineImages(strapi, item.body),
        cover: cover.id,
        coverCaption: item.coverCaption,
        category,
        credits,
        publicationTime: item.publicationTime,
        tags: item.tags ?? [],
        seoDescription: item.seoDescription,
      },
    });
    await service.publish({ documentId: doc.documentId });
    created++;
    log(`  + ${item.title}`);
  }
  log(
    `sample articles: ${items.length} (${created} created and published, ${items.length - created} already there)`,
  );
}
