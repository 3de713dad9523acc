import { describe, expect, it } from 'vitest';
import { compareVietnamese, sortVietnamese } from './collate';

describe('compareVietnamese', () => {
  it('puts Đ after D and before E, and Á with A, not after Z', () => {
    expect(['Zơ', 'Đức', 'Em', 'Dũng', 'Ánh', 'An', 'Bình'].sort(compareVietnamese)).toEqual([
      'An',
      'Ánh',
      'Bình',
      'Dũng',
      'Đức',
      'Em',
      'Zơ',
    ]);
  });

  it('orders NFD like NFC', () => {
    expect(compareVietnamese('\u0110u\u031b\u0301c', 'Đức')).toBe(0);
  });
});

describe('sortVietnamese', () => {
  it('sorts a copy by the given name', () => {
    const authors = [{ name: 'Đỗ Hùng' }, { name: 'Dương Lan' }, { name: 'Ế' }];
    expect(sortVietnamese(authors, (a) => a.name).map((a) => a.name)).toEqual([
      'Dương Lan',
      'Đỗ Hùng',
      'Ế',
    ]);
    expect(authors[0]!.name).toBe('Đỗ Hùng');
  });
});
