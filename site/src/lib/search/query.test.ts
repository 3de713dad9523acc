import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchableArticle } from './build-index';
import { ArchiveSearch, highlight } from './query';

const SECTIONS = [
  { slug: 'thoi-su', name: 'Thời sự' },
  { slug: 'xa-hoi', name: 'Xã hội' },
];
const [THOI_SU, XA_HOI] = SECTIONS as [(typeof SECTIONS)[0], (typeof SECTIONS)[0]];

function article(
  number: number,
  title: string,
  publicationTime: string,
  sapo = '',
  category = THOI_SU,
): SearchableArticle {
  return { number, slug: `bai-${number}`, title, sapo, publicationTime, category };
}

// The article, and the ones it must rank above or below.
const ARTICLES = [
  article(1, 'Ngành tổ chức xây dựng Đảng vững mạnh', '2023-10-12T01:29:00.000Z'),
  // The same phrase, folded: "đăng" (to post), not "Đảng" (the Party); newer.
  article(2, 'Hướng dẫn xây dựng đăng ký kinh doanh', '2024-01-05T02:00:00.000Z'),
  // Every syllable, scattered; newest.
  article(3, 'Đảng viên trẻ tham gia dựng nhà, xây cầu', '2024-03-01T03:00:00.000Z'),
  // The exact phrase again, older than article 1, in the sapo and another section.
  article(4, 'Hội nghị tổng kết', '2022-05-01T03:00:00.000Z', 'Bàn về xây dựng Đảng.', XA_HOI),
  article(5, 'Giá lúa tăng', '2024-02-01T03:00:00.000Z', 'Nông dân phấn khởi.'),
];

function searchOver(articles: SearchableArticle[]) {
  const files = buildSearchIndex(articles, SECTIONS);
  const read = async (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`no ${path}`);
    return JSON.parse(text) as unknown;
  };
  return new ArchiveSearch(read);
}

const numbers = async (search: ArchiveSearch, query: string, section?: string) =>
  (await search.search(query, { section })).results.map((result) => result.number);

describe('ArchiveSearch', () => {
  const search = searchOver(ARTICLES);

  it.each([
    'xay dung dang',
    'Xây dựng Đảng',
    'XÂY DỰNG ĐẢNG',
    'Xa\u0302y du\u031b\u0323ng \u0110a\u0309ng',
    'xây dựng đảng',
  ])('finds "Ngành tổ chức xây dựng Đảng …" for %s', async (query) => {
    expect(await numbers(search, query)).toContain(1);
  });

  it('ranks the phrase as typed, then the folded phrase, then scattered syllables', async () => {
    // 1 and 4 hold "xây dựng Đảng" as typed (1 is newer), 2 holds it folded, 3 scattered.
    expect(await numbers(search, 'Xây dựng Đảng')).toEqual([1, 4, 2, 3]);
  });

  it('ranks equally good matches newest first when the query has no tones', async () => {
    // 1, 2 and 4 hold the phrase folded, 3 only scattered syllables.
    expect(await numbers(search, 'xay dung dang')).toEqual([2, 1, 4, 3]);
  });

  it('matches đ with d and keeps a section filter', async () => {
    expect(await numbers(search, 'dang', 'xa-hoi')).toEqual([4]);
  });

  it('needs every syllable, and says so with no result', async () => {
    expect(await search.search('xây dựng sân bay')).toEqual({ total: 0, results: [] });
    expect(await search.search('  ,. ')).toEqual({ total: 0, results: [] });
  });

  it('shows title, section, newspaper time and sapo, a page at a time', async () => {
    const first = await search.search('xay dung', { perPage: 2 });
    const second = await search.search('xay dung', { perPage: 2, page: 2 });
    expect(first.total).toBe(4);
    expect([...first.results, ...second.results].map((result) => result.number)).toEqual([
      2, 1, 4, 3,
    ]);
    expect(second.results[0]).toEqual({
      number: 4,
      url: '/xa-hoi/bai-4-4.html',
      title: 'Hội nghị tổng kết',
      section: 'Xã hội',
      time: '01/05/2022 | 10:00 GMT+7',
      iso: '2022-05-01T10:00:00+07:00',
      sapo: 'Bàn về xây dựng Đảng.',
    });
  });
});

describe('buildSearchIndex', () => {
  it('writes the same bytes whatever order the articles come in', () => {
    const forward = buildSearchIndex(ARTICLES, SECTIONS);
    const backward = buildSearchIndex([...ARTICLES].reverse(), SECTIONS);
    expect([...backward]).toEqual([...forward]);
  });

  it('changes only the files of the syllables of a new article', () => {
    const before = buildSearchIndex(ARTICLES, SECTIONS);
    const after = buildSearchIndex(
      [...ARTICLES, article(6, 'Mưa lớn ở Huế', '2024-04-01T03:00:00.000Z')],
      SECTIONS,
    );
    const changed = [...after].filter(([file, text]) => before.get(file) !== text);
    // meta.json (the count), the result file, 4 syllables folded and as written, 3 pairs.
    expect(changed.length).toBeGreaterThanOrEqual(3);
    expect(changed.length).toBeLessThanOrEqual(2 + 4 + 4 + 3);
  });
});

describe('highlight', () => {
  it('marks the query syllables whatever their tones or normal form', () => {
    expect(highlight('Bàn về xây dựng Đảng.', 'xay DANG')).toEqual([
      { text: 'Bàn về ', mark: false },
      { text: 'xây', mark: true },
      { text: ' dựng ', mark: false },
      { text: 'Đảng', mark: true },
      { text: '.', mark: false },
    ]);
  });
});
