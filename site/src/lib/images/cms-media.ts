import type { SiteData } from '../strapi/site-data';
import { articlePath, authorPath } from '../urls';

/** The local upload provider gives paths relative to the CMS, a cloud one absolute URLs. */
export function mediaFieldUrl(url: string, strapiUrl: string): string {
  return new URL(url, `${strapiUrl}/`).href;
}

/** Undefined for pictures elsewhere on the web, which the page keeps as written. */
export function bodyImageUrl(src: string, strapiUrl: string): string | undefined {
  if (src.startsWith('/') && !src.startsWith('//')) return mediaFieldUrl(src, strapiUrl);
  try {
    const url = new URL(src);
    return url.origin === new URL(strapiUrl).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const IMG_SRC = /<img\b[^>]*?\ssrc="([^"]*)"/g;

/** Undoes the entity escaping of an attribute value in sanitizer output (`&amp;` in a URL). */
export const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function imageSources(html: string): string[] {
  return [...html.matchAll(IMG_SRC)].map((match) => decodeAttribute(match[1]!));
}

/** With where each is used, for the warning when one cannot be loaded. */
export function collectCmsImages(data: SiteData): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const add = (url: string, use: string) => {
    const list = uses.get(url) ?? [];
    list.push(use);
    uses.set(url, list);
  };
  for (const article of data.articles) {
    const where = `article "${article.title}" (${articlePath(article)})`;
    if (article.cover) add(mediaFieldUrl(article.cover.url, data.strapiUrl), `cover of ${where}`);
    for (const url of article.bodyImages) add(url, `body of ${where}`);
  }
  for (const author of data.authors) {
    if (author.avatar) {
      add(
        mediaFieldUrl(author.avatar.url, data.strapiUrl),
        `photo of author "${author.name}" (${authorPath(author)})`,
      );
    }
  }
  return uses;
}
