import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchableArticle } from './build-index';
import { ArchiveSearch } from './query';
import { articleFingerprints, updateSearchIndex } from './update-index';

const SECTIONS = [
  { slug: 'thoi-su', name: 'Thời sự' },
  { slug: 'xa-hoi', name: 'Xã hội' },
  { slug: 'kinh-te', name: 'Kinh tế' },
];

// A small vocabulary, with the same syllables under several tones, so lists overlap and a
// written form's list flips between its two encodings as articles come and go.
const WORDS = [
  'Xây',
  'xây',
  'dựng',
  'Đảng',
  'đăng',
  'dang',
  'ký',
  'kỳ',
  'huyện',
  'Huyện',
  'mới',
  'lúa',
  'giá',
  'tăng',
  'cầu',
  'sông',
  'Lô',
  '2024',
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function article(number: number, next: () => number): SearchableArticle {
  const words = (count: number) =>
    Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return {
    number,
    slug: `bai-${number}`,
    title: words(2 + Math.floor(next() * 5)),
    sapo: next() < 0.3 ? '' : `${words(3)}, ${words(4)}.`,
    // Mostly in number order, some back-dated, some at the same minute.
    publicationTime: new Date(
      Date.UTC(2024, 0, 1) + (number + Math.floor(next() * 8) - 4) * 3_600_000,
    ).toISOString(),
    category: SECTIONS[Math.floor(next() * SECTIONS.length)]!,
  };
}

/** The update from the index of `before` to the one of `after`, as the files of a whole index. */
async function updated(before: SearchableArticle[], after: SearchableArticle[]) {
  const baseFiles = buildSearchIndex(before, SECTIONS);
  const update = await updateSearchIndex(
    {
      fingerprints: articleFingerprints(before),
      files: [...baseFiles.keys()],
      read: async (file) => {
        const text = baseFiles.get(file);
        if (text === undefined) throw new Error(`no ${file}`);
        return text;
      },
    },
    after,
    SECTIONS,
  );
  if (!update) return undefined;
  const files = new Map(update.kept.map((file) => [file, baseFiles.get(file)!]));
  for (const [file, text] of update.files) files.set(file, text);
  return { files, written: update.files.size, changed: update.changed };
}

const sorted = (files: Map<string, string>) => [...files].sort(([a], [b]) => (a < b ? -1 : 1));

describe('updateSearchIndex', () => {
  const next = random(7);
  const archive = Array.from({ length: 120 }, (_, i) => article(i + 1, next));

  it.each([
    ['a new article', (list: SearchableArticle[]) => [...list, article(121, next)]],
    [
      'a back-dated article',
      (list: SearchableArticle[]) => [
        ...list,
        { ...article(122, next), publicationTime: '2023-06-01T00:00:00.000Z' },
      ],
    ],
    [
      'an edited title and sapo',
      (list: SearchableArticle[]) =>
        list.map((a) =>
          a.number === 40 ? { ...a, title: 'Xây dựng Đảng mới', sapo: 'Giá lúa tăng.' } : a,
        ),
    ],
    [
      'an article moved to another section',
      (list: SearchableArticle[]) =>
        list.map((a) =>
          a.number === 7
            ? { ...a, category: SECTIONS[(SECTIONS.indexOf(a.category) + 1) % 3]! }
            : a,
        ),
    ],
    [
      'an unpublished article and a deleted one',
      (list: SearchableArticle[]) => list.filter((a) => a.number !== 3 && a.number !== 118),
    ],
    [
      'a republished article, newer now',
      (list: SearchableArticle[]) =>
        list.map((a) =>
          a.number === 1 ? { ...a, publicationTime: '2025-01-01T00:00:00.000Z' } : a,
        ),
    ],
    [
      'several changes at once',
      (list: SearchableArticle[]) => [
        ...list
          .filter((a) => a.number % 17 !== 0)
          .map((a) => (a.number % 13 === 0 ? article(a.number, next) : a)),
        article(130, next),
        article(131, next),
      ],
    ],
  ])('writes what a full build writes after %s', async (_, change) => {
    const after = change(archive);
    const result = await updated(archive, after);
    expect(result).toBeDefined();
    expect(sorted(result!.files)).toEqual(sorted(buildSearchIndex(after, SECTIONS)));
    // A change of one or two articles touches far fewer files than the index holds.
    if (result!.changed <= 2) expect(result!.written).toBeLessThan(result!.files.size / 2);
  });

  it('stays equal to a full build over a series of publishes', async () => {
    let current = archive;
    let files = buildSearchIndex(current, SECTIONS);
    for (let round = 0; round < 30; round++) {
      const number = 1 + Math.floor(next() * 140);
      const next_ =
        next() < 0.25
          ? current.filter((a) => a.number !== number)
          : [...current.filter((a) => a.number !== number), article(number, next)];
      const result = await updated(current, next_);
      expect(result).toBeDefined();
      files = buildSearchIndex(next_, SECTIONS);
      expect(sorted(result!.files)).toEqual(sorted(files));
      current = next_;
    }
  });

  it('finds no more an article taken out, and finds the new one', async () => {
    const after = [
      ...archive.filter((a) => a.number !== 5),
      { ...article(200, next), title: 'Khánh thành cầu mới qua sông Lô' },
    ];
    const result = (await updated(archive, after))!;
    const search = new ArchiveSearch(async (file) => JSON.parse(result.files.get(file)!));
    const numbers = async (query: string) =>
      (await search.search(query, { perPage: 1000 })).results.map((r) => r.number);
    expect(await numbers('khanh thanh')).toEqual([200]);
    const title = archive.find((a) => a.number === 5)!.title;
    expect(await numbers(title)).not.toContain(5);
  });

  it('changes nothing but the meta file when no article changed', async () => {
    const result = (await updated(archive, archive))!;
    expect(result.changed).toBe(0);
    expect(result.written).toBe(1);
  });

  it('asks for a full build when the sections change or much of the archive does', async () => {
    const baseFiles = buildSearchIndex(archive, SECTIONS);
    const base = {
      fingerprints: articleFingerprints(archive),
      files: [...baseFiles.keys()],
      read: async (file: string) => baseFiles.get(file)!,
    };
    await expect(
      updateSearchIndex(base, archive, [...SECTIONS].reverse()),
    ).resolves.toBeUndefined();
    const many = archive.map((a) => ({ ...a, title: `${a.title} mới` }));
    await expect(updateSearchIndex(base, many, SECTIONS)).resolves.toBeUndefined();
  });
});
