import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeSiteData,
  encodeSiteData,
  readSiteDataFile,
  writeSiteDataFile,
} from './site-data-file';
import type { SiteData } from './site-data';

const article = (n: number, title: string) => ({
  documentId: `doc-${n}`,
  title,
  sapo: 'Dòng một\nDòng hai',
  updatedAt: `2026-11-27T0${n}:00:00.000Z`,
  bodyAt: { pack: 'p.bodies', offset: n * 10, length: 10 },
});

const data = (articles: ReturnType<typeof article>[]) =>
  ({
    fetchedAt: '2026-11-27T08:29:00.000Z',
    strapiUrl: 'http://cms.test',
    articles,
    categories: [{ name: 'Thời sự', slug: 'thoi-su' }],
    authors: [{ name: 'Trường Sơn' }],
    comments: [],
  }) as unknown as SiteData;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the site data file', () => {
  it('gives back what it was given, line breaks and Vietnamese included', () => {
    const original = data([article(1, 'Xây dựng Đảng'), article(2, 'Bài "hai"\u2028')]);
    expect(decodeSiteData(encodeSiteData(original))).toEqual(original);
  });

  it('holds one line for the rest and one per article', () => {
    const text = encodeSiteData(data([article(1, 'Một'), article(2, 'Hai')])).toString('utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[1]!).title).toBe('Một');
  });

  it('writes the articles it read back as the same bytes, beside new and reordered ones', () => {
    const first = decodeSiteData(encodeSiteData(data([article(1, 'Một'), article(2, 'Hai')])));
    const next = data([article(3, 'Ba'), first.articles[1]!, first.articles[0]!]);
    const fresh = data(JSON.parse(JSON.stringify(next.articles)));
    expect(encodeSiteData(next).equals(encodeSiteData(fresh))).toBe(true);
  });

  it('reads the older file, one JSON document', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'site-data-'));
    dirs.push(dir);
    const original = data([article(1, 'Một')]);
    await writeFile(path.join(dir, 'old.json'), JSON.stringify(original));
    expect(await readSiteDataFile(path.join(dir, 'old.json'))).toEqual(original);
  });

  it('writes atomically and reads nothing where there is no file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'site-data-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'site-data.json');
    expect(await readSiteDataFile(file)).toBeUndefined();
    const original = data([article(1, 'Một')]);
    await writeSiteDataFile(file, original);
    expect(await readSiteDataFile(file)).toEqual(original);
    expect((await readFile(file)).equals(encodeSiteData(original))).toBe(true);
  });

  it('writes a large file read back, with an article changed, as a full write would', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'site-data-'));
    dirs.push(dir);
    const file = path.join(dir, 'site-data.json');
    // Several megabytes: lines kept as slices of the file read, and new lines joined in pieces.
    const many = Array.from({ length: 12_000 }, (_, n) => article(n, `Bài số ${n} `.repeat(40)));
    await writeSiteDataFile(file, data(many));
    const read = (await readSiteDataFile(file))!;
    const articles = read.articles as unknown as ReturnType<typeof article>[];
    articles[6_000] = article(6_000, 'Bài đã sửa');
    articles.push(article(12_000, 'Bài mới'));
    await writeSiteDataFile(file, read);
    const fresh = data(JSON.parse(JSON.stringify(read.articles)));
    expect((await readFile(file)).equals(encodeSiteData(fresh))).toBe(true);
    expect(await readSiteDataFile(file)).toEqual(fresh);
  });
});
