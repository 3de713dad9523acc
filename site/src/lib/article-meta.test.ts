import { formatByline } from '@toasoan/shared';
import { describe, expect, it } from 'vitest';
import { bylineGroups, creditedPeople, modifiedTime, updatedTime } from './article-meta';

describe('updatedTime', () => {
  const published = '2026-11-20T01:00:00.000Z';

  it('is null for an article published once', () => {
    const article = { publicationTime: published, createdAt: published, publishedAt: published };
    expect(updatedTime(article)).toBeNull();
    expect(modifiedTime(article)).toBe(published);
  });

  it('is null for a draft written days before its first publish', () => {
    expect(
      updatedTime({
        createdAt: '2026-11-10T01:00:00.000Z',
        publicationTime: published,
        publishedAt: '2026-11-20T01:00:01.000Z',
      }),
    ).toBeNull();
  });

  it('is null for a back-dated import published when it was created', () => {
    expect(
      updatedTime({
        publicationTime: '2023-10-12T01:29:00.000Z',
        createdAt: '2026-11-20T10:00:00.000Z',
        publishedAt: '2026-11-20T10:00:00.150Z',
      }),
    ).toBeNull();
  });

  it('ignores a republish within ten minutes (a typo fixed at once)', () => {
    expect(
      updatedTime({
        publicationTime: published,
        createdAt: published,
        publishedAt: '2026-11-20T01:10:00.000Z',
      }),
    ).toBeNull();
  });

  it('is the new publish time when the article was published again later', () => {
    const article = {
      publicationTime: published,
      createdAt: '2026-11-19T23:00:00.000Z',
      publishedAt: '2026-11-20T03:30:00.000Z',
    };
    expect(updatedTime(article)).toBe('2026-11-20T03:30:00.000Z');
    expect(modifiedTime(article)).toBe('2026-11-20T03:30:00.000Z');
  });

  it('is the new publish time for an imported article edited days later', () => {
    expect(
      updatedTime({
        publicationTime: '2023-10-12T01:29:00.000Z',
        createdAt: '2026-11-01T10:00:00.000Z',
        publishedAt: '2026-11-20T10:00:00.000Z',
      }),
    ).toBe('2026-11-20T10:00:00.000Z');
  });
});

const person = (name: string, slug: string) => ({ name, slug });

describe('bylineGroups', () => {
  const examples = [
    [{ role: 'Bài, ảnh', author: person('Trường Sơn', 'truong-son') }],
    [
      { role: 'Bài', author: person('Nguyễn Văn A', 'a') },
      { role: 'Ảnh', author: person('Trần B', 'b') },
      { role: 'Bài', author: person('Lê C', 'c') },
    ],
    [
      { role: 'Bài', author: person('Thu Hà', 'thu-ha') },
      { role: 'Bài', author: person('thu hà', 'thu-ha') },
      { role: 'Ảnh', author: null },
      { role: ' Theo ', author: person('Cổng TTĐT tỉnh', 'cong') },
    ],
    [{ role: '', author: person('đặng đức', 'dang-duc') }],
    [],
  ];

  it.each(examples)('reads exactly like formatByline (%#)', (...credits) => {
    const text = bylineGroups(credits)
      .map(({ role, people }) => {
        const names = people.map((p) => p.name).join(', ');
        return role ? `${role}: ${names}` : names;
      })
      .join(' - ');
    const expected = formatByline(
      credits.flatMap((credit) =>
        credit.author ? [{ role: credit.role, name: credit.author.name }] : [],
      ),
    );
    expect(text).toBe(expected);
  });

  it('keeps each person’s slug for the link', () => {
    expect(bylineGroups(examples[1]!)).toEqual([
      { role: 'Bài', people: [person('NGUYỄN VĂN A', 'a'), person('LÊ C', 'c')] },
      { role: 'Ảnh', people: [person('TRẦN B', 'b')] },
    ]);
  });
});

describe('creditedPeople', () => {
  it('lists everyone once, as written, in credit order', () => {
    expect(
      creditedPeople([
        { role: 'Bài', author: person('Thu Hà', 'thu-ha') },
        { role: 'Ảnh', author: person('Quốc Việt', 'quoc-viet') },
        { role: 'Video', author: person('Thu Hà', 'thu-ha') },
        { role: 'Ảnh', author: null },
      ]),
    ).toEqual([person('Thu Hà', 'thu-ha'), person('Quốc Việt', 'quoc-viet')]);
  });
});
