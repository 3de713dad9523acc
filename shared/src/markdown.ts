import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { toNfc } from './nfc';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

const imgTag = (href: string, alt: string, title?: string | null): string =>
  `<img src="${escapeHtml(href)}" alt="${escapeHtml(alt)}"` +
  (title ? ` title="${escapeHtml(title)}">` : '>');

// Our own instance: configuring the global `marked` would change it for every other caller.
const markdown = new Marked({
  gfm: true,
  renderer: {
    // marked's own image renderer leaves quotes in the alt text unescaped.
    image({ href, title, tokens }) {
      return imgTag(href, this.parser.parseInline(tokens, this.parser.textRenderer), title);
    },
    // `![alt](src "caption")` alone in a paragraph becomes a <figure> that replaces the <p>:
    // browsers repair a <figure> inside a <p> by splitting the paragraph.
    paragraph({ tokens }) {
      const [only, ...rest] = tokens.filter((t) => t.type !== 'text' || t.raw.trim() !== '');
      if (only?.type !== 'image' || rest.length > 0 || !(only as Tokens.Image).title) return false;
      const { href, title, tokens: altTokens } = only as Tokens.Image;
      const alt = this.parser.parseInline(altTokens, this.parser.textRenderer);
      return `<figure>${imgTag(href, alt)}<figcaption>${escapeHtml(title!)}</figcaption></figure>\n`;
    },
  },
});

// Raw HTML in the Markdown passes through marked untouched: this allowlist alone stops it.
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li'],
    ...['strong', 'b', 'em', 'i', 'del', 's', 'sub', 'sup', 'code', 'pre', 'a'],
    ...['img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  transformTags: {
    // The page's only h1 is the article title; a "# heading" in the body becomes a subheading.
    h1: 'h2',
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  // An image whose only source was refused (a data: URL) would show as a broken icon.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

const LEADING_MARK = />\p{M}/u;

/** An article body's Markdown as NFC HTML that is safe to insert into a page. */
export function renderMarkdown(md: string): string {
  const html = sanitizeHtml(markdown.parse(toNfc(md), { async: false }), SANITIZE_OPTIONS);
  // Nearly every body: already NFC, and no text node opens with a combining mark.
  if (!LEADING_MARK.test(html) && html === toNfc(html)) return html;
  // "e&#x301;" decodes to NFD text: compose each text node. A leading mark stays an entity, else
  // NFC of the page would fuse a tag's ">" and a U+0338 into "≯" and leave the tag open.
  return html.replace(/>([^<]+)</g, (_, text: string) => {
    const safe = toNfc(text).replace(/^\p{M}+/u, (marks) =>
      [...marks].map((mark) => `&#x${mark.codePointAt(0)!.toString(16)};`).join(''),
    );
    return `>${safe}<`;
  });
}
