import { describe, expect, it } from 'vitest';
import {
  createRelatedFinder,
  groupByAuthor,
  groupByCategory,
  latestExcept,
  latestOutside,
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

describe('latestExcept', () => {
  it('takes the latest and leaves the current article out', () => {
    expect(ids(latestExcept(archive, { documentId: 'a1' }, 2))).toEqual(['a2', 'a3']);
    expect(ids(latestExcept(archive, { documentId: 'a9' }, 2))).toEqual(['a1', 'a2']);
    expect(latestExcept([archive[0]!], archive[0]!, 6)).toEqual([]);
  });
});

describe('latestOutside', () => {
  it('takes the latest of the other categories', () => {
    expect(ids(latestOutside(archive, 'thoi-su', 3))).toEqual(['a2', 'a5', 'a6']);
    expect(ids(latestOutside(archive, 'kinh-te', 10))).toEqual(['a1', 'a3', 'a4', 'a5']);
  });
});

describe('createRelatedFinder', () => {
  it('gives each article its category latest (not itself) and the other categories latest', () => {
    const related = createRelatedFinder(archive, { sameCount: 6, otherCount: 2 });
    const forA3 = related(archive[2]!);
    expect(ids(forA3.sameCategory)).toEqual(['a1', 'a4']);
    expect(ids(forA3.otherCategories)).toEqual(['a2', 'a5']);
    expect(ids(related(archive[4]!).sameCategory)).toEqual([]);
    expect(ids(related(archive[4]!).otherCategories)).toEqual(['a1', 'a2']);
  });

  it('stops at sameCount', () => {
    const related = createRelatedFinder(archive, { sameCount: 1, otherCount: 0 });
    expect(ids(related(archive[3]!).sameCategory)).toEqual(['a1']);
    expect(related(archive[3]!).otherCategories).toEqual([]);
  });
});
