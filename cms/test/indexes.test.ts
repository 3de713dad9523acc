import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

// The tables the document middlewares and the site-sync route query. Their link tables are
// indexed by Strapi itself (both foreign keys of every *_lnk table).
const TABLES = ['articles', 'authors', 'categories', 'comments'];
const onPostgres = Boolean(process.env.DATABASE_URL);

let cms: TestCms;

beforeAll(async () => {
  cms = await startCms();
});

afterAll(async () => {
  await cms?.stop();
});

interface Index {
  name: string;
  columns: string[];
  type?: string | null;
}

async function indexesOf(table: string): Promise<Index[]> {
  const inspector = (
    cms.strapi.db as unknown as {
      dialect: { schemaInspector: { getIndexes(table: string): Promise<Index[]> } };
    }
  ).dialect.schemaInspector;
  return inspector.getIndexes(table);
}

/** Every SQL statement knex runs while `work` runs. */
async function capture(
  work: () => Promise<unknown>,
): Promise<{ sql: string; bindings: unknown[] }[]> {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  cms.strapi.db.connection.on('query', listener);
  try {
    await work();
  } finally {
    cms.strapi.db.connection.off('query', listener);
  }
  return statements;
}

/** The tables of ours a SQLite query plan reads in full ("SCAN t0" with no index), by name. */
async function fullScans(statement: { sql: string; bindings: unknown[] }): Promise<string[]> {
  // Knex writes `articles` as `t0`; the plan names the alias.
  const tableOf = new Map<string, string>();
  for (const [, table, alias] of statement.sql.matchAll(
    /(?:from|join|update) `(\w+)`(?: as `(\w+)`)?/gi,
  )) {
    tableOf.set(alias ?? table, table);
  }
  const plan: { detail: string }[] = await cms.strapi.db.connection.raw(
    `EXPLAIN QUERY PLAN ${statement.sql}`,
    statement.bindings as never,
  );
  return plan
    .map(({ detail }) => /^SCAN (\w+)$/.exec(detail)?.[1])
    .map((alias) => (alias ? tableOf.get(alias) : undefined))
    .filter((table): table is string => table !== undefined && TABLES.includes(table));
}

describe('database indexes', () => {
  it('exist for slugs, article numbers, moderation and document ids', async () => {
    const names = async (table: string) => (await indexesOf(table)).map((index) => index.name);
    // Strapi's own: every document lookup (draft/published rows of a documentId).
    for (const table of TABLES) expect(await names(table)).toContain(`${table}_documents_idx`);
    expect(await names('articles')).toEqual(
      expect.arrayContaining(['articles_slug_idx', 'articles_number_idx']),
    );
    expect(await names('authors')).toContain('authors_slug_idx');
    expect(await names('categories')).toContain('categories_slug_idx');
    expect(await names('comments')).toContain('comments_moderation_idx');
  });

  it.skipIf(onPostgres)(
    'let GET /api/site-sync read indexes only, not the article rows',
    async () => {
      const statements = await capture(() => cms.strapi.service('api::site-sync.site-sync').list());
      expect(statements).toHaveLength(2);
      for (const statement of statements) expect(await fullScans(statement)).toEqual([]);
    },
  );

  it('are created once: a restart changes nothing', async () => {
    const before = await Promise.all(TABLES.map(indexesOf));
    cms = await cms.restart();
    expect(await Promise.all(TABLES.map(indexesOf))).toEqual(before);
  });

  // EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's planner prefers a sequential scan of a tiny table.
  it.skipIf(onPostgres)('let every write read by index, never by a full table scan', async () => {
    const make = fixtures(cms.strapi);
    const articles = cms.strapi.documents('api::article.article');
    // Enough rows that SQLite's planner has a table worth avoiding.
    const category = await make.category({ name: 'Kinh tế' });
    const author = await make.author({ name: 'Minh Châu' });
    for (let n = 0; n < 30; n++) {
      await make.article(
        { title: `Giá lúa tăng ${n}`, category: category.documentId },
        'published',
      );
    }

    const statements = await capture(async () => {
      const renamed = await make.category({ name: 'Nông nghiệp' });
      await cms.strapi.documents('api::category.category').update({
        documentId: renamed.documentId,
        data: { name: 'Nông nghiệp', slug: 'nong-nghiep-nong-thon' },
      });
      await make.author({ name: 'Minh Châu' });
      const article = await make.article(
        {
          title: 'Giá lúa tăng 7',
          category: category.documentId,
          credits: [{ role: 'Bài', author: author.documentId }],
        },
        'published',
      );
      const { documentId } = article;
      await articles.update({
        documentId,
        data: { slug: 'gia-lua-tang', category: renamed.documentId },
      });
      await articles.publish({ documentId });
      await articles.unpublish({ documentId });
      await articles.publish({ documentId });
      const comment = await cms.strapi.documents('api::comment.comment').create({
        data: { name: 'Bạn đọc', email: 'ban-doc@example.vn', body: 'Hay', article: documentId },
      } as never);
      await cms.strapi.documents('api::comment.comment').update({
        documentId: comment.documentId,
        data: { moderation: 'approved' },
      });
      await articles.delete({ documentId });
    });

    const reads = statements.filter(({ sql }) => /^\s*(select|update|delete)\b/i.test(sql));
    expect(reads.length).toBeGreaterThan(20);
    const scans: string[] = [];
    for (const statement of reads) {
      for (const table of await fullScans(statement)) scans.push(`${table}: ${statement.sql}`);
    }
    expect(scans).toEqual([]);
  });
});
