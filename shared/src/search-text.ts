// Search matches Vietnamese as readers type it: with or without tones, NFD or NFC, "đ" or "d".

/** The combining marks NFD splits off Vietnamese letters (tones, circumflex, breve, horn). */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lowercases and strips every Vietnamese diacritic. `đ` is a letter of its own, not `d` plus a
 * mark, so NFD leaves it whole: it is mapped to `d` by hand.
 *
 * @example
 * foldVietnamese('XÂY DỰNG Đảng')
 * //=> 'xay dung dang'
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** A syllable as written (NFC, lowercase) and folded. */
export interface SearchToken {
  exact: string;
  folded: string;
}

/** Letters and digits; anything else (spaces, punctuation, dashes) separates syllables. */
export const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Splits text into syllables, the unit of Vietnamese words, each as written and folded.
 *
 * @example
 * searchTokens('Xây dựng Đảng!').map((t) => t.folded)
 * //=> ['xay', 'dung', 'dang']
 */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.normalize('NFC').matchAll(SYLLABLE)) {
    const exact = match[0].toLocaleLowerCase('vi');
    tokens.push({ exact, folded: foldVietnamese(exact) });
  }
  return tokens;
}
