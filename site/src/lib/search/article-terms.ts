import { searchTokens } from '@toasoan/shared';
import { IN_SAPO, IN_TITLE, pairKey } from './index-format';

/** What the index holds of one article: its folded syllables (fields, forms as written), its pairs. */
export interface ArticleTerms {
  syllables: Map<string, { fields: number; forms: Set<string> }>;
  pairs: Set<string>;
}

export function articleTerms(article: { title: string; sapo: string }): ArticleTerms {
  const terms: ArticleTerms = { syllables: new Map(), pairs: new Set() };
  for (const [field, text] of [
    [IN_TITLE, article.title],
    [IN_SAPO, article.sapo],
  ] as const) {
    // Pairs stay inside a field: the title's last syllable and the sapo's first are not a phrase.
    const tokens = searchTokens(text);
    tokens.forEach((token, i) => {
      const syllable = terms.syllables.get(token.folded);
      if (!syllable)
        terms.syllables.set(token.folded, { fields: field, forms: new Set([token.exact]) });
      else {
        syllable.fields |= field;
        syllable.forms.add(token.exact);
      }
      const next = tokens[i + 1];
      if (next) terms.pairs.add(pairKey(token.folded, next.folded));
    });
  }
  return terms;
}

/** cyrb53 (public domain): a tenth of a crypto hash's time; 1 in 2^53 that a change goes unseen. */
export function articleFingerprint(article: {
  slug: string;
  title: string;
  sapo: string;
  publicationTime: string;
  category: { slug: string };
}): string {
  const text = [
    article.slug,
    article.title,
    article.sapo,
    article.publicationTime,
    article.category.slug,
  ].join('\0');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
