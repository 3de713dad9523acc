import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR } from '../../../scripts/lib/paths';
import { connectPostgres } from '../../../scripts/lib/throwaway-cms';

interface SqliteDatabase {
  prepare(sql: string): { all(): Record<string, unknown>[] };
  close(): void;
}

// better-sqlite3 is the CMS's dependency.
const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'));

/** A SQLite value as Strapi's PostgreSQL dialect stores it in a column of this type. */
function toPostgres(value: unknown, dataType: string): unknown {
  if (value === null || value === undefined) return null;
  if (dataType === 'boolean') return Boolean(value);
  // Strapi writes Dates on both; SQLite keeps them as milliseconds since the epoch.
  if (dataType.startsWith('timestamp') && typeof value === 'number') return new Date(value);
  return value;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every row of a CMS's SQLite database into a PostgreSQL database on which the same CMS
 * has created its schema (it started on it once): the same content on both, ids included.
 */
export async function copySqliteCmsToPostgres(sqliteFile: string, postgresUrl: string) {
  const Database = requireFromCms('better-sqlite3') as new (
    file: string,
    options: { readonly: boolean },
  ) => SqliteDatabase;
  const sqlite = new Database(sqliteFile, { readonly: true });
  const postgres = await connectPostgres(postgresUrl);
  try {
    const columnRows = await postgres.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema()`,
    );
    const columnTypes = new Map<string, Map<string, string>>();
    for (const { table_name, column_name, data_type } of columnRows.rows as Record<
      string,
      string
    >[]) {
      if (!columnTypes.has(table_name)) columnTypes.set(table_name, new Map());
      columnTypes.get(table_name)!.set(column_name, data_type);
    }
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence'")
      .all()
      .map((row) => row.name as string);
    const missing = tables.filter((table) => !columnTypes.has(table));
    if (missing.length > 0) {
      throw new Error(
        `PostgreSQL lacks the tables ${missing.join(', ')}: did the CMS start on it?`,
      );
    }

    await postgres.query('BEGIN');
    await postgres.query(
      `TRUNCATE ${[...columnTypes.keys()].map(quote).join(', ')} RESTART IDENTITY CASCADE`,
    );
    // Rows go in table by table, not in the order of their references: the foreign keys are
    // dropped meanwhile and made again (and so checked) at the end.
    const foreignKeys = (
      await postgres.query(
        `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
      )
    ).rows as Record<string, string>[];
    for (const { table_name, conname } of foreignKeys) {
      await postgres.query(`ALTER TABLE ${table_name} DROP CONSTRAINT ${quote(conname)}`);
    }
    for (const table of tables) {
      const types = columnTypes.get(table)!;
      const rows = sqlite.prepare(`SELECT * FROM ${quote(table)}`).all();
      // A few hundred rows a statement: PostgreSQL takes at most 65,535 parameters.
      for (let start = 0; start < rows.length; start += 200) {
        const batch = rows.slice(start, start + 200);
        const columns = Object.keys(batch[0]!);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const placeholders = columns.map((column) => {
            values.push(toPostgres(row[column], types.get(column) ?? ''));
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        await postgres.query(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
      // The next row PostgreSQL numbers continues after the copied ones, as SQLite's would.
      if (types.has('id') && rows.length > 0) {
        await postgres.query(
          `SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${quote(table)}))`,
          [quote(table)],
        );
      }
    }
    for (const { table_name, conname, definition } of foreignKeys) {
      await postgres.query(
        `ALTER TABLE ${table_name} ADD CONSTRAINT ${quote(conname)} ${definition}`,
      );
    }
    await postgres.query('COMMIT');
  } catch (error) {
    await postgres.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await postgres.end();
    sqlite.close();
  }
}
