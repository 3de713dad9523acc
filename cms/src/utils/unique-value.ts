import type { Core, UID } from '@strapi/strapi';

/** How many candidate slugs (base, base-2, …) one query checks. */
const CANDIDATES_PER_QUERY = 10;

// Exact candidates (`slug IN (…)`, an index lookup each), not a LIKE prefix: that is
// case-insensitive on SQLite and cannot use the index, so each write would read the whole table.
export async function findFreeSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  base: string,
  exceptDocumentId?: string,
  field = 'slug',
): Promise<string> {
  for (let first = 1; ; first += CANDIDATES_PER_QUERY) {
    const candidates = Array.from({ length: CANDIDATES_PER_QUERY }, (_, index) =>
      first + index === 1 ? base : `${base}-${first + index}`,
    );
    const rows: Array<Record<string, unknown>> = await strapi.db.query(uid).findMany({
      select: [field],
      where: {
        [field]: { $in: candidates },
        ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}),
      },
    });
    const taken = new Set(rows.map((row) => row[field]));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free !== undefined) return free;
  }
}

/** True when another document (not `exceptDocumentId`) already uses `value` as `field`. */
export async function isValueTaken(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  field: string,
  value: unknown,
  exceptDocumentId?: string,
): Promise<boolean> {
  const count = await strapi.db.query(uid).count({
    where: {
      [field]: value,
      ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}),
    },
  });
  return count > 0;
}

/** The largest value over every row, drafts included, or 0 (one index entry: see `indexes`). */
export async function findMaxValue(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  field: string,
): Promise<number> {
  // $notNull: PostgreSQL sorts NULLs first in descending order.
  const row: Record<string, unknown> | null = await strapi.db.query(uid).findOne({
    select: [field],
    where: { [field]: { $notNull: true } },
    orderBy: { [field]: 'desc' },
  });
  return row ? Number(row[field]) : 0;
}

/** The stored values of `fields` for a document, preferring its draft row when it has one. */
export async function findStoredValues(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  fields: string[],
): Promise<Record<string, unknown> | null> {
  const rows: Array<Record<string, unknown>> = await strapi.db.query(uid).findMany({
    select: [...fields, 'publishedAt'],
    where: { documentId },
  });
  return rows.find((row) => row.publishedAt == null) ?? rows[0] ?? null;
}
