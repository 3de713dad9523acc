// Search matches Vietnamese as readers type it: with or without tones, NFD or NFC, "đ" or "d".

/** The combining marks NFD splits off Vietnamese letters (tones, circumflex, breve, horn). */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercase, no diacritics. `đ` is a letter of its own that NFD leaves whole: mapped by hand. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export interface SearchToken {
  exact: string;
  folded: string;
}

export const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

// Folding is the costly part of indexing an archive, which has only a few thousand distinct
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

/** Syllables, the unit of Vietnamese words, each as written (NFC, lowercase) and folded. */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  // Vietnamese has no locale-specific case rules (unlike Turkish İ): plain toLowerCase is right.
  for (const match of text.normalize('NFC').toLowerCase().matchAll(SYLLABLE)) {
    tokens.push({ exact: match[0], folded: foldSyllable(match[0]) });
  }
  return tokens;
}
