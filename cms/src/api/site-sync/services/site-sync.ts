import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID } from '../../../utils/content-types';

/** A document and the time it last changed, as the REST API writes it (ISO 8601, UTC). */
export type SyncEntry = [documentId: string, updatedAt: string];

export interface SiteSync {
  /** Every published article that has a category (the site shows no others). */
  articles: SyncEntry[];
  /** Every approved comment. */
  comments: SyncEntry[];
}

interface ColumnAttribute {
  columnName?: string;
}
interface JoinTable {
  name: string;
  joinColumn: { name: string; referencedColumn: string };
}

// Strapi's DatetimeField.fromDB (SQLite: milliseconds, PostgreSQL: a Date), so the string equals
// REST's. Were updatedAt missing, '' matches no time and the site reads the document again.
const toIsoString = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};

// No document service or populate, which would load and sanitize every article with its body.
// Table and column names come from Strapi's metadata, whatever identifiers the database needed.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const columnOf = (uid: string, attribute: string): string => {
    const meta = strapi.db.metadata.get(uid as never);
    return (meta.attributes[attribute] as ColumnAttribute).columnName ?? attribute;
  };
  const tableOf = (uid: string): string => strapi.db.metadata.get(uid as never).tableName;
  const toEntries = (rows: Array<{ documentId: string; updatedAt: unknown }>): SyncEntry[] =>
    rows.map((row) => [row.documentId, toIsoString(row.updatedAt)]);

  /** Published rows (Strapi 5 keeps the draft beside them) with a row in the category link table. */
  const publishedArticles = async (): Promise<SyncEntry[]> => {
    const table = tableOf(ARTICLE_UID);
    const link = (
      strapi.db.metadata.get(ARTICLE_UID).attributes.category as unknown as {
        joinTable: JoinTable;
      }
    ).joinTable;
    const rows = await strapi.db
      .getConnection(table)
      .select({
        documentId: `${table}.${columnOf(ARTICLE_UID, 'documentId')}`,
        updatedAt: `${table}.${columnOf(ARTICLE_UID, 'updatedAt')}`,
      })
      .whereNotNull(`${table}.${columnOf(ARTICLE_UID, 'publishedAt')}`)
      .whereExists(
        strapi.db
          .getConnection(link.name)
          .select(strapi.db.connection.raw('1'))
          .where(
            `${link.name}.${link.joinColumn.name}`,
            strapi.db.connection.ref(`${table}.${link.joinColumn.referencedColumn}`),
          ),
      );
    return toEntries(rows);
  };

  /** Comments have no draft & publish: approval is what puts them on the site. */
  const approvedComments = async (): Promise<SyncEntry[]> => {
    const table = tableOf(COMMENT_UID);
    const rows = await strapi.db
      .getConnection(table)
      .select({
        documentId: columnOf(COMMENT_UID, 'documentId'),
        updatedAt: columnOf(COMMENT_UID, 'updatedAt'),
      })
      .where(columnOf(COMMENT_UID, 'moderation'), 'approved');
    return toEntries(rows);
  };

  return {
    async list(): Promise<SiteSync> {
      const [articles, comments] = await Promise.all([publishedArticles(), approvedComments()]);
      return { articles, comments };
    },
  };
};
