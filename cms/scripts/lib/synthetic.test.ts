import { toVietnameseSlug } from '@toasoan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as newsroom from '../../data/newsroom';
import { api } from '../../test/helpers/http';
import { startCms, type TestCms } from '../../test/helpers/strapi';
import { insertPublishedArticles } from './bulk-articles';
import { ensureImage } from './media';
import { seedAuthors, seedCategories, type IdsBySlug } from './newsroom';
import { waitForQuietDatabase } from './strapi';
import { coverPoolSize, seedSyntheticArticles, syntheticDocumentId } from './synthetic';

const ARTICLE = 'api::article.article';
const SYNTHETIC = 300;

// What the site asks for (explicit fields and populate, never populate=*).
const SITE_QUERY: Array<[string, string]> = [
  ['fields[0]', 'title'],
  ['fields[1]', 'slug'],
  ['fields[2]', 'number'],
  ['fields[3]', 'body'],
  ['fields[4]', 'publicationTime'],
  ['fields[5]', 'coverCaption'],
  ['fields[6]', 'tags'],
  ['populate[category][fields][0]', 'slug'],
  ['populate[cover][fields][0]', 'url'],
  ['populate[credits][populate][author][fields][0]', 'name'],
  ['populate[credits][populate][author][fields][1]', 'slug'],
];

interface RestArticle {
  documentId: string;
  title: string;
  slug: string;
  number: number;
  body: string;
  publicationTime: string;
  coverCaption: string;
  tags: string[];
  category: { slug: string } | null;
  cover: { id: number; url: string } | null;
  credits: { role: string; author: { name: string; slug: string } | null }[];
}

let cms: TestCms;
let ids: { categories: IdsBySlug; authors: IdsBySlug };
const lines: string[] = [];

const documents = () => cms.strapi.documents(ARTICLE);
const knex = () => cms.strapi.db.connection;

/** Every published article through the REST API, as the site reads them. */
async function restArticles(): Promise<RestArticle[]> {
  const found: RestArticle[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await api(cms.url, '/articles', {
      token: cms.siteToken,
      query: [...SITE_QUERY, ['pagination[page]', String(page)], ['pagination[pageSize]', '100']],
    });
    expect(status).toBe(200);
    found.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return found;
  }
}

/** Rows in every table, to see which tables a write touches. */
async function tableCounts(): Promise<Map<string, number>> {
  const inspector = (
    cms.strapi.db as unknown as {
      dialect: { schemaInspector: { getTables(): Promise<string[]> } };
    }
  ).dialect.schemaInspector;
  const counts = new Map<string, number>();
  for (const table of await inspector.getTables()) {
    const [{ count }] = await knex()(table).count({ count: '*' });
    counts.set(table, Number(count));
  }
  return counts;
}

const countChanges = (before: Map<string, number>, after: Map<string, number>) =>
  Object.fromEntries(
    [...after]
      .filter(([table, count]) => count !== before.get(table))
      .map(([table, count]) => [table, count - (before.get(table) ?? 0)]),
  );

const time = (value: unknown) => (value === null ? null : new Date(value as never).getTime());

/**
 * Every row Strapi keeps for an article document, with the values that differ between two
 * documents by nature (row ids, documentId, slug, number, timestamps) replaced by what must hold
 * of them.
 */
async function rowsOfDocument(documentId: string) {
  const rows = await knex()('articles').where({ document_id: documentId }).orderBy('id');
  const [draft] = rows;
  return Promise.all(
    rows.map(async (row) => {
      const components = await knex()('articles_cmps')
        .where({ entity_id: row.id })
        .orderBy('order');
      const credits = await Promise.all(
        components.map(async (link) => ({
          componentType: link.component_type,
          field: link.field,
          order: Number(link.order),
          role: (await knex()('components_article_credits').where({ id: link.cmp_id }).first())
            .role,
          authors: (
            await knex()('components_article_credits_author_lnk').where({ credit_id: link.cmp_id })
          ).map((author) => author.author_id),
        })),
      );
      const categories = (await knex()('articles_category_lnk').where({ article_id: row.id })).map(
        (link) => ({ category: link.category_id }),
      );
      const media = (
        await knex()('files_related_mph').where({ related_id: row.id, related_type: ARTICLE })
      ).map((link) => ({ file: link.file_id, field: link.field, order: Number(link.order) }));
      const {
        id: _id,
        document_id: _documentId,
        slug: _slug,
        number: _number,
        created_at,
        updated_at,
        published_at,
        publication_time,
        tags,
        former_paths,
        ...values
      } = row;
      return {
        ...values,
        tags: typeof tags === 'string' ? JSON.parse(tags) : tags,
        formerPaths: former_paths,
        publicationTime: time(publication_time),
        published: published_at !== null,
        // A document's rows are created (and last updated) together; published after.
        sameTimesAsDraft:
          time(created_at) === time(draft.created_at) &&
          time(updated_at) === time(draft.updated_at),
        publishedNotBeforeUpdate: published_at === null || time(published_at)! >= time(updated_at)!,
        credits,
        categories,
        media,
      };
    }),
  );
}

beforeAll(async () => {
  cms = await startCms();
  const log = (line: string) => lines.push(line);
  ids = {
    categories: await seedCategories(cms.strapi, newsroom.categories, log),
    authors: await seedAuthors(cms.strapi, newsroom.authors, log),
  };
});

afterAll(async () => {
  if (cms) await waitForQuietDatabase(cms.strapi);
  await cms?.stop();
});

describe('bulk-written articles', () => {
  it('are stored exactly as the document service stores a published article', async () => {
    const rowId = async (uid: string, documentId: string) =>
      (await cms.strapi.db.query(uid as never).findOne({ where: { documentId } })).id as number;
    const category = ids.categories.get('kinh-te')!;
    const writer = ids.authors.get('minh-chau')!;
    const photographer = ids.authors.get('truong-son')!;
    const cover = await ensureImage(cms.strapi, {
      name: 'anh-thu-nghiem.jpg',
      artKey: 'thu-nghiem',
      alternativeText: 'Ảnh thử nghiệm',
    });
    const text = {
      title: 'Nông dân Hòa Phú thu hoạch bưởi da xanh',
      sapo: 'Sáng 12/10, nông dân xã Hòa Phú bước vào vụ thu hoạch bưởi.',
      body: '## Được mùa, được giá\n\nGiá bưởi tăng so với năm trước.\n\n## Hướng đi bền vững\n\nHợp tác xã mở rộng diện tích.',
      coverCaption: 'Nông dân thu hoạch bưởi. (Ảnh minh họa)',
      tags: ['nông nghiệp', 'OCOP'],
      publicationTime: new Date('2026-10-12T01:29:00.000Z'),
    };

    let before = await tableCounts();
    const viaService = await documents().create({
      status: 'published',
      data: {
        ...text,
        cover: cover.id,
        category,
        credits: [
          { role: 'Bài', author: writer },
          { role: 'Ảnh', author: photographer },
        ],
      } as never,
    });
    await waitForQuietDatabase(cms.strapi);
    const serviceChanges = countChanges(before, await tableCounts());

    before = await tableCounts();
    const bulkDocumentId = syntheticDocumentId(999_999);
    const [written] = await insertPublishedArticles(cms.strapi, [
      {
        ...text,
        // Decomposed input, as from a macOS keyboard: it must be stored in NFC all the same.
        title: text.title.normalize('NFD'),
        documentId: bulkDocumentId,
        slug: text.title.normalize('NFD'),
        coverId: cover.id,
        categoryId: await rowId('api::category.category', category),
        credits: [
          { role: 'Bài', authorId: await rowId('api::author.author', writer) },
          { role: 'Ảnh', authorId: await rowId('api::author.author', photographer) },
        ],
      },
    ]);
    const bulkChanges = countChanges(before, await tableCounts());

    expect(bulkChanges).toEqual(serviceChanges);
    expect(await rowsOfDocument(bulkDocumentId)).toEqual(
      await rowsOfDocument(viaService.documentId),
    );
    expect(written.slug).toBe(`${viaService.slug}-2`);
    expect(written.number).toBe(Number(viaService.number) + 1);
    expect(bulkDocumentId).toMatch(/^[a-z][a-z0-9]{23}$/);
  });
});

describe(`seeding ${SYNTHETIC} synthetic articles`, () => {
  let articles: RestArticle[];

  beforeAll(async () => {
    // Only synthetic articles from here on, so the REST API lists nothing else.
    const earlier = await cms.strapi.db.query(ARTICLE).findMany({ select: ['documentId'] });
    for (const documentId of new Set(
      earlier.map((row: { documentId: string }) => row.documentId),
    )) {
      await documents().delete({ documentId });
    }
    await seedSyntheticArticles(cms.strapi, SYNTHETIC, ids, (line) => lines.push(line));
    articles = await restArticles();
  });

  it('publishes them all, each readable through the REST API', () => {
    expect(articles.map((article) => article.documentId).sort()).toEqual(
      Array.from({ length: SYNTHETIC }, (_, i) => syntheticDocumentId(i + 1)).sort(),
    );
    expect(lines).toContain(
      `synthetic articles: ${SYNTHETIC} requested, ${SYNTHETIC} created and published`,
    );
  });

  it('gives unique Vietnamese slugs and numbers', () => {
    expect(new Set(articles.map((article) => article.slug)).size).toBe(SYNTHETIC);
    expect(new Set(articles.map((article) => article.number)).size).toBe(SYNTHETIC);
    for (const article of articles) {
      expect(article.slug.replace(/-\d+$/, '')).toBe(
        toVietnameseSlug(article.title).replace(/-\d+$/, ''),
      );
      expect(article.title).toBe(article.title.normalize('NFC'));
      expect(article.body).toBe(article.body.normalize('NFC'));
    }
  });

  it('writes newspaper-length bodies with subheadings, covers and captions', () => {
    for (const article of articles) {
      expect(Buffer.byteLength(article.body)).toBeGreaterThan(6_000);
      expect(article.body.match(/^## /gm)!.length).toBeGreaterThanOrEqual(3);
      expect(article.cover?.url).toMatch(/^\/uploads\/.+\.jpg$/);
      expect(article.coverCaption).toMatch(/\(Ảnh minh họa\)$/);
      expect(article.tags.length).toBeGreaterThan(0);
    }
    const covers = new Set(articles.map((article) => article.cover!.id));
    expect(covers.size).toBeGreaterThan(coverPoolSize(SYNTHETIC) / 2);
    expect(covers.size).toBeLessThanOrEqual(coverPoolSize(SYNTHETIC));
  });

  it('spreads them over sections and bylines unevenly, as in a real paper', () => {
    const tally = (keys: string[]) => {
      const counts = new Map<string, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      return [...counts.values()].sort((a, b) => b - a);
    };
    const sections = tally(articles.map((article) => article.category!.slug));
    expect(sections).toHaveLength(newsroom.categories.length);
    expect(sections[0]).toBeGreaterThan(3 * sections.at(-1)!);

    const credits = articles.flatMap((article) => article.credits);
    expect(credits.every((credit) => credit.author?.name)).toBe(true);
    const bylines = tally(credits.map((credit) => credit.author!.slug));
    expect(bylines[0]).toBeGreaterThan(2 * bylines.at(-1)!);
    const roles = new Set(credits.map((credit) => credit.role));
    for (const role of ['Bài', 'Tin', 'Bài, ảnh', 'Ảnh', 'Theo']) expect(roles).toContain(role);
  });

  it('steps back in time, about 50 articles a day', () => {
    const byNumber = new Map(articles.map((article) => [article.documentId, article]));
    const times = Array.from({ length: SYNTHETIC }, (_, i) =>
      Date.parse(byNumber.get(syntheticDocumentId(i + 1))!.publicationTime),
    );
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThan(times[i - 1]);
    const days = (times[0] - times.at(-1)!) / 86_400_000;
    expect(SYNTHETIC / Math.ceil(days)).toBeGreaterThan(40);
    expect(SYNTHETIC / Math.ceil(days)).toBeLessThanOrEqual(50);
  });

  it('can be edited and published again through the document service, keeping slug and number', async () => {
    const documentId = syntheticDocumentId(5);
    const imported = articles.find((article) => article.documentId === documentId)!;
    await documents().update({
      documentId,
      data: { title: 'Tiêu đề đã biên tập lại', body: '## Mới\n\nNội dung đã sửa.' } as never,
    });
    await documents().publish({ documentId });

    const { status, body } = await api(cms.url, `/articles/${documentId}`, {
      token: cms.siteToken,
      query: SITE_QUERY,
    });
    expect(status).toBe(200);
    // Publishing copies the credit components: same bylines, new component ids.
    const bylines = (article: RestArticle) =>
      article.credits.map(({ role, author }) => ({ role, author }));
    expect(body.data).toMatchObject({
      title: 'Tiêu đề đã biên tập lại',
      slug: imported.slug,
      number: imported.number,
      category: imported.category,
      cover: imported.cover,
    });
    expect(bylines(body.data)).toEqual(bylines(imported));
    const stored = await cms.strapi.db.query(ARTICLE).findMany({ where: { documentId } });
    expect(stored).toHaveLength(2);
    // Same address, so nothing to redirect from.
    for (const row of stored) expect(row.formerPaths ?? []).toEqual([]);
  });

  it('leaves new articles of the newsroom the next number and a free slug', async () => {
    const taken = articles.find((article) => article.documentId === syntheticDocumentId(9))!;
    const created = await documents().create({ data: { title: taken.title }, status: 'published' });
    expect(created.number).toBe(Math.max(...articles.map((article) => article.number)) + 1);
    expect(created.slug).not.toBe(taken.slug);
    expect(created.slug).toMatch(new RegExp(`^${toVietnameseSlug(taken.title)}-\\d+$`));
  });

  it('tops up only what is missing, also after a delete', async () => {
    await documents().delete({ documentId: syntheticDocumentId(7) });
    for (const table of ['articles_cmps', 'articles_category_lnk', 'files_related_mph']) {
      const orphans = await knex()(table)
        .whereNotIn(
          table === 'articles_cmps'
            ? 'entity_id'
            : table === 'articles_category_lnk'
              ? 'article_id'
              : 'related_id',
          knex()('articles').select('id'),
        )
        .modify((query) => {
          if (table === 'files_related_mph') query.where({ related_type: ARTICLE });
        });
      expect(orphans, table).toEqual([]);
    }

    lines.length = 0;
    await seedSyntheticArticles(cms.strapi, SYNTHETIC + 10, ids, (line) => lines.push(line));
    expect(lines.at(-1)).toBe(
      `synthetic articles: ${SYNTHETIC + 10} requested, 11 created and published`,
    );
    expect(await restArticles()).toHaveLength(SYNTHETIC + 11);

    lines.length = 0;
    await seedSyntheticArticles(cms.strapi, SYNTHETIC + 10, ids, (line) => lines.push(line));
    expect(lines).toEqual([`synthetic articles: ${SYNTHETIC + 10} requested, all there`]);
  });
});
