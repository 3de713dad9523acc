import slugify from 'slugify';

/** The slug of a title with no letter or digit at all (emoji, punctuation). */
export const DEFAULT_SLUG = 'bai-viet';

// Said in Vietnamese rather than slugify's English charmap ("percent", "and"). Replaced here,
// before slugify, so its global charmap (shared with every other caller) is never extended.
const SPOKEN_SYMBOLS: Record<string, string> = { '%': ' phan tram ', '&': ' va ' };

/** Lowercase ASCII words joined by hyphens; `fallback` when there is no letter or digit. */
export function toVietnameseSlug(text: string, fallback: string = DEFAULT_SLUG): string {
  // NFKC is NFC (so NFD input gives the same slug) plus compatibility folding: "H₂O" → "H2O",
  // full-width "ＡＢＣ" → "ABC", where slugify alone would drop those characters.
  const words = text
    .normalize('NFKC')
    // An apostrophe joins a word ("Xuân's" → "xuans") instead of splitting it.
    .replace(/['\u2018\u2019\u02bc]/g, '')
    .replace(/[%&]/g, (symbol) => SPOKEN_SYMBOLS[symbol]!)
    // Other punctuation separates words: `strict` alone would glue "COVID-19" into "covid19".
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  // locale 'vi' maps Đ/đ to "d"; slugify's default charmap says "dj" (Serbo-Croatian).
  const slug = slugify(words, { locale: 'vi', lower: true, strict: true, trim: true });
  return slug || fallback;
}
