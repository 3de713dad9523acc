import type { Core } from '@strapi/strapi';
import {
  SITE_ARTICLE_FIELDS,
  SITE_AUTHOR_FIELDS,
  SITE_CATEGORY_FIELDS,
  SITE_COVER_FIELDS,
  SITE_CREDIT_FIELDS,
} from '@toasoan/shared';
import { isPostgres } from '../../../utils/advisory-lock';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID } from '../../../utils/content-types';

const FILE_UID = 'plugin::upload.file';
const CREDIT_UID = 'article.credit';

// The site's ARTICLE_QUERY fields, in REST's key order: id, documentId, the fields, the populated.
const entity = (fields: readonly string[]) => ['id', 'documentId', ...fields];
// The body travels as bytes beside the entries (see SiteExportPage), never as a JSON string.
const ARTICLE_FIELDS = entity(SITE_ARTICLE_FIELDS.filter((field) => field !== 'body'));
const COVER_FIELDS = entity(SITE_COVER_FIELDS);
const CATEGORY_FIELDS = entity(SITE_CATEGORY_FIELDS);
const AUTHOR_FIELDS = entity(SITE_AUTHOR_FIELDS);
// A component has an id but no documentId.
const CREDIT_FIELDS = ['id', ...SITE_CREDIT_FIELDS];

type Row = Record<string, unknown>;
type Entry = Record<string, unknown>;

export interface SiteExportPage {
  /** Articles exactly as `GET /api/articles` with ARTICLE_QUERY gives them, but for `body`. */
  data: Entry[];
  /** `next`: the cursor for the following page (the last row id), null after the last page. */
  meta: { next: number | null };
  /** Each entry's body in UTF-8 bytes (empty for none), never decoded into a JS string. */
  bodies: Buffer[];
}

interface Attribute {
  type: string;
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string; referencedColumn: string };
    inverseJoinColumn: { name: string; referencedColumn: string };
    morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
    orderColumnName?: string;
  };
}

// Strapi's own fromDB for the types read here: SQLite keeps datetimes as milliseconds and json as
// text, PostgreSQL gives a Date and parsed json; REST shows ISO strings and parsed values.
const fromDb = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime': {
      const date = value instanceof Date ? value : new Date(value as string | number);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    case 'json': {
      if (typeof value !== 'string') return value;
      try {
        const parsed = JSON.parse(value);
        // Strapi 5 before rc.7 stored json stringified twice; Strapi reads those twice too.
        return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
      } catch {
        return value;
      }
    }
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    default:
      return value;
  }
};

// REST's populate and sanitization cost a few hundred ms per 100 articles; here a page is four
// SQL queries and plain mapping. Table and column names come from Strapi's metadata.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = strapi.db.connection;
  const metaOf = (uid: string) => strapi.db.metadata.get(uid as never);
  const attributeOf = (uid: string, name: string) =>
    metaOf(uid).attributes[name] as unknown as Attribute;
  const columnOf = (uid: string, name: string) => attributeOf(uid, name).columnName ?? name;
  const { FIELD_COLUMN, ORDER_COLUMN } = strapi.db.metadata.identifiers;

  /** `{ [prefix + field]: table.column }` for knex's select. */
  const columns = (uid: string, table: string, fields: string[], prefix = '') =>
    Object.fromEntries(
      fields.map((field) => [`${prefix}${field}`, `${table}.${columnOf(uid, field)}`]),
    );
  /** The entry REST would write for these fields of a selected row, keys in the same order. */
  const toEntry = (uid: string, row: Row, fields: string[], prefix = ''): Entry =>
    Object.fromEntries(
      fields.map((field) => [
        field,
        fromDb(attributeOf(uid, field).type, row[`${prefix}${field}`]),
      ]),
    );

  /** The body column as bytes: a Buffer from better-sqlite3 and from pg alike. */
  const bodyBytes = (table: string) => {
    const column = `${table}.${columnOf(ARTICLE_UID, 'body')}`;
    return isPostgres(strapi)
      ? knex.raw(`convert_to(??, 'UTF8') as body`, [column])
      : knex.raw('CAST(?? AS BLOB) as body', [column]);
  };

  /** Published rows with a category link, after the cursor, in id order. */
  const articleRows = (after: number, limit: number): Promise<Row[]> => {
    const table = metaOf(ARTICLE_UID).tableName;
    const link = attributeOf(ARTICLE_UID, 'category').joinTable!;
    const id = `${table}.${columnOf(ARTICLE_UID, 'id')}`;
    return knex(table)
      .select(columns(ARTICLE_UID, table, ARTICLE_FIELDS))
      .select(bodyBytes(table))
      .whereNotNull(`${table}.${columnOf(ARTICLE_UID, 'publishedAt')}`)
      .where(id, '>', after)
      .whereExists(
        knex(link.name)
          .select(knex.raw('1'))
          .where(
            `${link.name}.${link.joinColumn.name}`,
            knex.ref(`${table}.${link.joinColumn.referencedColumn}`),
          ),
      )
      .orderBy(id, 'asc')
      .limit(limit);
  };

  /** Article row id → its category (categories have no drafts: one row each). */
  const categoriesOf = async (ids: number[]): Promise<Map<number, Entry>> => {
    const link = attributeOf(ARTICLE_UID, 'category').joinTable!;
    const table = metaOf(CATEGORY_UID).tableName;
    const rows = await knex(link.name)
      .join(
        table,
        `${table}.${link.inverseJoinColumn.referencedColumn}`,
        `${link.name}.${link.inverseJoinColumn.name}`,
      )
      .select({ owner: `${link.name}.${link.joinColumn.name}` })
      .select(columns(CATEGORY_UID, table, CATEGORY_FIELDS))
      .whereIn(`${link.name}.${link.joinColumn.name}`, ids);
    const found = new Map<number, Entry>();
    for (const row of rows) {
      const owner = Number(row.owner);
      if (!found.has(owner)) found.set(owner, toEntry(CATEGORY_UID, row, CATEGORY_FIELDS));
    }
    return found;
  };

  /** Article row id → its cover: the file's morph link (files_related_mph) for the `cover` field. */
  const coversOf = async (ids: number[]): Promise<Map<number, Entry>> => {
    const link = attributeOf(FILE_UID, 'related').joinTable!;
    const { typeColumn, idColumn } = link.morphColumn;
    const table = metaOf(FILE_UID).tableName;
    const rows = await knex(link.name)
      .join(
        table,
        `${table}.${link.joinColumn.referencedColumn}`,
        `${link.name}.${link.joinColumn.name}`,
      )
      .select({ owner: `${link.name}.${idColumn.name}` })
      .select(columns(FILE_UID, table, COVER_FIELDS))
      .where(`${link.name}.${typeColumn.name}`, ARTICLE_UID)
      .where(`${link.name}.${FIELD_COLUMN}`, 'cover')
      .whereIn(`${link.name}.${idColumn.name}`, ids)
      .orderBy([`${link.name}.${ORDER_COLUMN}`, `${link.name}.id`]);
    const found = new Map<number, Entry>();
    for (const row of rows) {
      const owner = Number(row.owner);
      if (!found.has(owner)) found.set(owner, toEntry(FILE_UID, row, COVER_FIELDS));
    }
    return found;
  };

  /** Article row id → its credits in order, each with its author (null once it is deleted). */
  const creditsOf = async (ids: number[]): Promise<Map<number, Entry[]>> => {
    const components = attributeOf(ARTICLE_UID, 'credits').joinTable!;
    const credits = metaOf(CREDIT_UID).tableName;
    const authorLink = attributeOf(CREDIT_UID, 'author').joinTable!;
    const authors = metaOf(AUTHOR_UID).tableName;
    const owner = `${components.name}.${components.joinColumn.name}`;
    const rows = await knex(components.name)
      .join(
        credits,
        `${credits}.${components.inverseJoinColumn.referencedColumn}`,
        `${components.name}.${components.inverseJoinColumn.name}`,
      )
      .leftJoin(
        authorLink.name,
        `${authorLink.name}.${authorLink.joinColumn.name}`,
        `${credits}.${authorLink.joinColumn.referencedColumn}`,
      )
      .leftJoin(
        authors,
        `${authors}.${authorLink.inverseJoinColumn.referencedColumn}`,
        `${authorLink.name}.${authorLink.inverseJoinColumn.name}`,
      )
      .select({ owner })
      .select(columns(CREDIT_UID, credits, CREDIT_FIELDS))
      .select(columns(AUTHOR_UID, authors, AUTHOR_FIELDS, 'author_'))
      .where(`${components.name}.${FIELD_COLUMN}`, 'credits')
      .whereIn(owner, ids)
      .orderBy([
        owner,
        `${components.name}.${components.orderColumnName ?? ORDER_COLUMN}`,
        `${components.name}.id`,
      ]);
    const found = new Map<number, Entry[]>();
    for (const row of rows) {
      const credit = toEntry(CREDIT_UID, row, CREDIT_FIELDS);
      credit.author =
        row.author_id === null ? null : toEntry(AUTHOR_UID, row, AUTHOR_FIELDS, 'author_');
      const list = found.get(Number(row.owner)) ?? [];
      list.push(credit);
      found.set(Number(row.owner), list);
    }
    return found;
  };

  return {
    async page({ after, limit }: { after: number; limit: number }): Promise<SiteExportPage> {
      // One row more than asked tells whether another page follows.
      const rows = await articleRows(after, limit + 1);
      const more = rows.length > limit;
      if (more) rows.pop();
      if (rows.length === 0) return { data: [], meta: { next: null }, bodies: [] };
      const ids = rows.map((row) => Number(row.id));
      const [categories, covers, credits] = await Promise.all([
        categoriesOf(ids),
        coversOf(ids),
        creditsOf(ids),
      ]);
      const data = rows.map((row, index) => ({
        ...toEntry(ARTICLE_UID, row, ARTICLE_FIELDS),
        cover: covers.get(ids[index]) ?? null,
        category: categories.get(ids[index]) ?? null,
        credits: credits.get(ids[index]) ?? [],
      }));
      const bodies = rows.map((row) => (row.body as Buffer | null) ?? Buffer.alloc(0));
      return { data, meta: { next: more ? ids[ids.length - 1] : null }, bodies };
    },
  };
};
