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
    // An image alone in its paragraph with a title, `![alt](src "caption")`, is a captioned
    // photo. It replaces the paragraph, because a <figure> inside a <p> is invalid HTML that
    // browsers repair by splitting the paragraph.
    paragraph({ tokens }) {
      const [only, ...rest] = tokens.filter((t) => t.type !== 'text' || t.raw.trim() !== '');
      if (only?.type !== 'image' || rest.length > 0 || !(only as Tokens.Image).title) return false;
      const { href, title, tokens: altTokens } = only as Tokens.Image;
      const alt = this.parser.parseInline(altTokens, this.parser.textRenderer);
      return `<figure>${imgTag(href, alt)}<figcaption>${escapeHtml(title!)}</figcaption></figure>\n`;
    },
  },
});

// An allowlist, not a blocklist: anything not named here (script, style, iframe, form, on*
// handlers, style attributes, javascript:/data: URLs) is dropped. Raw HTML typed into the
// Markdown passes through marked untouched, so this is the only thing that stops it.
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  // Block structure, then inline text, then media and tables.
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
    // Body photos sit below the fold: let the browser fetch them as the reader scrolls.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  // An image whose only source was refused (e.g. a data: URL) would show as a broken icon.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

// A text node that opens with a combining mark (after a tag's ">").
const LEADING_MARK = />\p{M}/u;

/**
 * Renders an article body written in Markdown to HTML that is safe to insert into a page.
 *
 * The input is NFC-normalized, rendered by marked (GitHub-flavoured), then filtered through
 * an allowlist: headings, paragraphs, lists, quotes, emphasis, links, images, figures,
 * tables and code survive; scripts, styles, frames, event handlers, style attributes and
 * `javascript:`/`data:` URLs do not.
 *
 * @example
 * renderMarkdown('## Tiêu đề\n\n![Cầu Rồng](/uploads/cau.jpg "Cầu Rồng về đêm")')
 * //=> '<h2>Tiêu đề</h2>\n<figure><img src="/uploads/cau.jpg" alt="Cầu Rồng" loading="lazy" /><figcaption>Cầu Rồng về đêm</figcaption></figure>\n'
 */
export function renderMarkdown(md: string): string {
  const html = sanitizeHtml(markdown.parse(toNfc(md), { async: false }), SANITIZE_OPTIONS);
  // Nearly every body: already NFC, no text node opens with a mark. NFC holds for each text node
  // of an NFC page (they begin and end next to a tag's "<" or ">").
  if (!LEADING_MARK.test(html) && html === toNfc(html)) return html;
  // Entities such as "e&#x301;" decode to decomposed text, so compose once more, text node by
  // text node. A mark that opens a text node stays an entity: NFC of the page, here or later,
  // would otherwise fuse the tag's ">" and a U+0338 into "≯" and leave the tag open.
  return html.replace(/>([^<]+)</g, (_, text: string) => {
    const safe = toNfc(text).replace(/^\p{M}+/u, (marks) =>
      [...marks].map((mark) => `&#x${mark.codePointAt(0)!.toString(16)};`).join(''),
    );
    return `>${safe}<`;
  });
}
