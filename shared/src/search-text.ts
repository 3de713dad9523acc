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

// Folding is the costly part of indexing an archive, and an archive has a few thousand distinct
// syllables: each is folded once. Cleared when it grows past what Vietnamese text needs.
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 100_000;

function foldSyllable(syllable: string): string {
  let fold = folded.get(syllable);
  if (fold === undefined) {
    if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
    folded.set(syllable, (fold = foldVietnamese(syllable)));
  }
  return fold;
}

/**
 * Splits text into syllables, the unit of Vietnamese words, each as written and folded.
 *
 * @example
 * searchTokens('Xây dựng Đảng!').map((t) => t.folded)
 * //=> ['xay', 'dung', 'dang']
 */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  // Vietnamese has no locale-specific case rules (unlike Turkish İ): plain toLowerCase is right.
  for (const match of text.normalize('NFC').toLowerCase().matchAll(SYLLABLE)) {
    tokens.push({ exact: match[0], folded: foldSyllable(match[0]) });
  }
  return tokens;
}
