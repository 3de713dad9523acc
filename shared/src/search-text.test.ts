import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchTokens } from './search-text';

describe('foldVietnamese', () => {
  it.each([
    ['Xây dựng Đảng', 'xay dung dang'],
    ['XÂY DỰNG ĐẢNG', 'xay dung dang'],
    ['xay dung dang', 'xay dung dang'],
    ['Xa\u0302y du\u031b\u0323ng \u0110a\u0309ng', 'xay dung dang'],
    ['đường', 'duong'],
    ['Nghệ An', 'nghe an'],
    ['Ưu tiên', 'uu tien'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});

describe('searchTokens', () => {
  it('splits syllables on spaces and punctuation, keeping the written form in NFC', () => {
    expect(searchTokens('Xa\u0302y dựng Đảng, "tổ-chức" 2024!')).toEqual([
      { exact: 'xây', folded: 'xay' },
      { exact: 'dựng', folded: 'dung' },
      { exact: 'đảng', folded: 'dang' },
      { exact: 'tổ', folded: 'to' },
      { exact: 'chức', folded: 'chuc' },
      { exact: '2024', folded: '2024' },
    ]);
  });
});
