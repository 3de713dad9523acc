import { bodyImageUrl, decodeAttribute, imageSources } from './cms-media';
import { IMAGE_SIZES, responsiveImage, type ResponsiveImage } from './responsive-image';

// A captioned photo as renderMarkdown writes it, or any other <img> of the body.
const FIGURE_OR_IMG =
  /<figure>(<img\b[^>]*>)(<figcaption>[\s\S]*?<\/figcaption>)<\/figure>\n?|<img\b[^>]*>/g;
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/g;

/** The <img> of an optimized body image; alt and title are kept as the sanitizer escaped them. */
function optimizedTag(tag: string, image: ResponsiveImage): string {
  const kept = [...tag.matchAll(ATTRIBUTE)]
    .filter(([, name]) => name === 'alt' || name === 'title')
    .map(([attribute]) => attribute)
    .join('');
  return (
    `<img src="${image.src}" srcset="${image.srcset}" sizes="${IMAGE_SIZES.articleColumn}"` +
    ` width="${image.width}" height="${image.height}"${kept} loading="lazy" decoding="async">`
  );
}

/** Points CMS pictures at the site's copies; one the build could not load goes, caption and all. */
export async function optimizeBodyImages(html: string, strapiUrl: string): Promise<string> {
  const images = new Map<string, ResponsiveImage | undefined>();
  for (const src of imageSources(html)) {
    const url = bodyImageUrl(src, strapiUrl);
    if (url && !images.has(src)) images.set(src, await responsiveImage(url));
  }
  if (images.size === 0) return html;
  const rewritten = html.replace(FIGURE_OR_IMG, (whole, figureImg?: string, caption?: string) => {
    const tag = figureImg ?? whole;
    const src = decodeAttribute(/\ssrc="([^"]*)"/.exec(tag)?.[1] ?? '');
    if (!images.has(src)) return whole;
    const image = images.get(src);
    if (!image) return '';
    const optimized = optimizedTag(tag, image);
    return figureImg
      ? `<figure>${optimized}${caption}</figure>${whole.endsWith('\n') ? '\n' : ''}`
      : optimized;
  });
  // A paragraph that held nothing but a left-out picture.
  return rewritten.replace(/<p>\s*<\/p>\n?/g, '');
}
