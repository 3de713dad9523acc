import type { Core } from '@strapi/strapi';
import { normalizeDeep, toVietnameseSlug } from '@toasoan/shared';
import type { Knex } from 'knex';
import { ARTICLE_UID } from './newsroom';

/** One published article to write, with its relations as database row ids. */
export interface BulkArticle {
  documentId: string;
  title: string;
  /** Made into a Vietnamese slug, then unique with -2, -3, … as the slug middleware does. */
  slug: string;
  sapo: string;
  body: string;
  coverId: number | null;
  coverCaption: string;
  categoryId: number | null;
  /** In byline order. */
  credits: { role: string; authorId: number | null }[];
  publicationTime: Date;
  tags: string[];
}

export interface WrittenArticle {
  documentId: string;
  slug: string;
  number: number;
}

// Where Strapi 5 keeps an article (checked against the document service, row for row, in
// bulk-articles.test.ts): two rows per document (draft, then published), each with its own
// credit components, category link and cover link.
const ARTICLES = 'articles';
const CATEGORY_LINKS = 'articles_category_lnk';
const COMPONENT_LINKS = 'articles_cmps';
const CREDITS = 'components_article_credits';
const CREDIT_AUTHOR_LINKS = 'components_article_credits_author_lnk';
const MEDIA_LINKS = 'files_related_mph';
const CREDIT_COMPONENT = 'article.credit';

/** Rows per INSERT: well under SQLite's 32,766 bound parameters, and a few MB of text at most. */
const ROWS_PER_INSERT = 200;
const ARTICLES_PER_INSERT = 40;

/**
 * Writes published articles straight into Strapi's tables, exactly as
 * `strapi.documents('api::article.article').create({ status: 'published', data })` followed by the
 * project's document middlewares would leave them (NFC text, unique slug, next article number),
 * in one transaction, at thousands of articles a second where the document service manages
 * tens. For imports only: no document middleware, lifecycle hook or webhook runs, so nothing else
 * (the site, search) hears of these articles until it next reads the CMS in full.
 */
export async function insertPublishedArticles(
  strapi: Core.Strapi,
  articles: BulkArticle[],
): Promise<WrittenArticle[]> {
  const schema = strapi.db.getSchemaName();
  return strapi.db.transaction(async ({ trx }) => {
    const table = (name: string) => (schema ? trx(name).withSchema(schema) : trx(name));
    const data = articles.map((article) => normalizeDeep(article) as BulkArticle);

    const slugs = await assignSlugs(
      table,
      data.map((article) => toVietnameseSlug(article.slug)),
    );
    const maxNumber = (await table(ARTICLES).max({ max: 'number' }))[0]?.max;
    const firstNumber = Number(maxNumber ?? 0) + 1;
    const now = new Date();

    // Draft then published, as `create` then `publish` write them; both carry the same values.
    const rows = data.flatMap((article, index) => {
      const values = {
        document_id: article.documentId,
        title: article.title,
        slug: slugs[index],
        number: firstNumber + index,
        sapo: article.sapo,
        body: article.body,
        cover_caption: article.coverCaption,
        publication_time: article.publicationTime,
        tags: JSON.stringify(article.tags),
        created_at: now,
        updated_at: now,
      };
      return [
        { ...values, published_at: null },
        { ...values, published_at: now },
      ];
    });
    const rowIds = await insertReturningIds(table, ARTICLES, rows, ARTICLES_PER_INSERT);
    // rowIds[2i] is article i's draft, rowIds[2i + 1] its published row.
    const rowsOf = (index: number) => [rowIds[2 * index], rowIds[2 * index + 1]];

    // A category lists its articles in creation order: draft and published rows share a place.
    const nextOrder = await lastCategoryOrders(
      table,
      data.map((article) => article.categoryId),
    );
    const categoryLinks = data.flatMap((article, index) => {
      if (article.categoryId === null) return [];
      const order = (nextOrder.get(article.categoryId) ?? 0) + 1;
      nextOrder.set(article.categoryId, order);
      return rowsOf(index).map((id) => ({
        article_id: id,
        category_id: article.categoryId,
        article_ord: order,
      }));
    });
    await insertRows(table, CATEGORY_LINKS, categoryLinks);

    // Each row owns its own copy of every credit component.
    const owners = data.flatMap((article, index) =>
      rowsOf(index).flatMap((id) =>
        article.credits.map((credit, position) => ({ id, credit, position })),
      ),
    );
    const creditIds = await insertReturningIds(
      table,
      CREDITS,
      owners.map(({ credit }) => ({ role: credit.role })),
      ROWS_PER_INSERT,
    );
    await insertRows(
      table,
      COMPONENT_LINKS,
      owners.map(({ id, position }, index) => ({
        entity_id: id,
        cmp_id: creditIds[index],
        component_type: CREDIT_COMPONENT,
        field: 'credits',
        order: position + 1,
      })),
    );
    await insertRows(
      table,
      CREDIT_AUTHOR_LINKS,
      owners.flatMap(({ credit }, index) =>
        credit.authorId === null
          ? []
          : [{ credit_id: creditIds[index], author_id: credit.authorId }],
      ),
    );

    await insertRows(
      table,
      MEDIA_LINKS,
      data.flatMap((article, index) =>
        article.coverId === null
          ? []
          : rowsOf(index).map((id) => ({
              file_id: article.coverId,
              related_id: id,
              related_type: ARTICLE_UID,
              field: 'cover',
              order: 1,
            })),
      ),
    );

    return data.map((article, index) => ({
      documentId: article.documentId,
      slug: slugs[index],
      number: firstNumber + index,
    }));
  });
}

type TableOf = (name: string) => Knex.QueryBuilder;

async function insertRows(
  table: TableOf,
  name: string,
  rows: Record<string, unknown>[],
  perInsert = ROWS_PER_INSERT,
): Promise<void> {
  for (let start = 0; start < rows.length; start += perInsert) {
    await table(name).insert(rows.slice(start, start + perInsert));
  }
}

/**
 * Inserts rows and returns their new ids in the order of `rows`. SQLite and PostgreSQL number the
 * rows of one INSERT in the order they are listed but do not promise to return them in that
 * order, so the ids of each statement are sorted.
 */
async function insertReturningIds(
  table: TableOf,
  name: string,
  rows: Record<string, unknown>[],
  perInsert: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += perInsert) {
    const returned: { id: number }[] = await table(name)
      .insert(rows.slice(start, start + perInsert))
      .returning('id');
    ids.push(...returned.map(({ id }) => Number(id)).sort((a, b) => a - b));
  }
  return ids;
}

/**
 * Unique slugs for `bases`, in order: each base itself when free, else base-2, base-3, … (the
 * slug middleware's rule), free both in the table and among the earlier ones of this batch.
 * Exact-match lookups only, so each is an index search (articles_slug_idx).
 */
async function assignSlugs(table: TableOf, bases: string[]): Promise<string[]> {
  const taken = new Set<string>();
  const lookUp = async (candidates: string[]) => {
    for (let start = 0; start < candidates.length; start += ROWS_PER_INSERT) {
      const rows: { slug: string }[] = await table(ARTICLES)
        .distinct('slug')
        .whereIn('slug', candidates.slice(start, start + ROWS_PER_INSERT));
      for (const { slug } of rows) taken.add(slug);
    }
  };
  await lookUp([...new Set(bases)]);

  const slugs: string[] = [];
  for (const base of bases) {
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) {
      slug = `${base}-${suffix}`;
      if (!taken.has(slug)) await lookUp([slug]);
    }
    taken.add(slug);
    slugs.push(slug);
  }
  return slugs;
}

/** The highest article_ord of each category (absent: none yet). */
async function lastCategoryOrders(
  table: TableOf,
  categoryIds: (number | null)[],
): Promise<Map<number, number>> {
  const ids = [...new Set(categoryIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows: { category_id: number; max: number | null }[] = await table(CATEGORY_LINKS)
    .select('category_id')
    .max({ max: 'article_ord' })
    .whereIn('category_id', ids)
    .groupBy('category_id');
  return new Map(rows.map((row) => [Number(row.category_id), Number(row.max ?? 0)]));
}
