import { describe, expect, it } from 'vitest';
import {
  around,
  createRelatedFinder,
  groupByAuthor,
  groupByCategory,
  type Listable,
} from './related';

const article = (documentId: string, category: string, authors: string[] = []): Listable => ({
  documentId,
  category: { slug: category },
  credits: authors.map((slug) => ({ author: { slug } })),
});

// Newest first, as the site data keeps them.
const archive = [
  article('a1', 'thoi-su', ['truong-son']),
  article('a2', 'kinh-te', ['minh-chau']),
  article('a3', 'thoi-su', ['truong-son', 'minh-chau']),
  article('a4', 'thoi-su', ['truong-son', 'truong-son']),
  article('a5', 'van-hoa'),
  article('a6', 'kinh-te', ['minh-chau']),
];
const ids = (list: Listable[]) => list.map((item) => item.documentId);

describe('grouping', () => {
  it('groups by category, newest first', () => {
    const groups = groupByCategory(archive);
    expect(ids(groups.get('thoi-su')!)).toEqual(['a1', 'a3', 'a4']);
    expect(ids(groups.get('van-hoa')!)).toEqual(['a5']);
  });

  it('groups by every credited author, once per article', () => {
    const groups = groupByAuthor([
      ...archive,
      { ...article('a7', 'x'), credits: [{ author: null }] },
    ]);
    expect(ids(groups.get('truong-son')!)).toEqual(['a1', 'a3', 'a4']);
    expect(ids(groups.get('minh-chau')!)).toEqual(['a2', 'a3', 'a6']);
    expect([...groups.keys()].sort()).toEqual(['minh-chau', 'truong-son']);
  });
});

describe('around', () => {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('takes the nearest published before, then fills in with the nearest after', () => {
    expect(around(letters, 1, 2, () => true)).toEqual(['c', 'd']);
    expect(around(letters, 4, 3, () => true)).toEqual(['c', 'd', 'f']);
    expect(around(letters, 5, 2, () => true)).toEqual(['d', 'e']);
    expect(around(letters, 0, 10, () => true)).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(around(letters, 2, 2, (item) => item !== 'd')).toEqual(['e', 'f']);
    expect(around(['a'], 0, 6, () => true)).toEqual([]);
  });
});

describe('createRelatedFinder', () => {
  it('gives each article the neighbourhood of its category and of the others, never itself', () => {
    const related = createRelatedFinder(archive, { sameCount: 6, otherCount: 2 });
    const forA3 = related(archive[2]!);
    expect(ids(forA3.sameCategory)).toEqual(['a1', 'a4']);
    expect(ids(forA3.otherCategories)).toEqual(['a5', 'a6']);
    expect(ids(related(archive[4]!).sameCategory)).toEqual([]);
    expect(ids(related(archive[4]!).otherCategories)).toEqual(['a4', 'a6']);
    expect(ids(related(archive[0]!).otherCategories)).toEqual(['a2', 'a5']);
  });

  it('stops at sameCount, taking the older neighbours first', () => {
    const related = createRelatedFinder(archive, { sameCount: 1, otherCount: 0 });
    expect(ids(related(archive[2]!).sameCategory)).toEqual(['a4']);
    expect(ids(related(archive[3]!).sameCategory)).toEqual(['a3']);
    expect(related(archive[3]!).otherCategories).toEqual([]);
  });

  it('does not change older articles when a newer one is published', () => {
    const before = createRelatedFinder(archive, { sameCount: 1, otherCount: 2 });
    const after = createRelatedFinder([article('a0', 'thoi-su'), ...archive], {
      sameCount: 1,
      otherCount: 2,
    });
    for (const old of archive.slice(1)) expect(after(old)).toEqual(before(old));
  });
});
