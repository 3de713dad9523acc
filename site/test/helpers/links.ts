import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHtml, referencedUrls } from './html';
import { listHtmlFiles } from './site';

/** The built file a site path is served from: a folder by its index.html. */
export function fileOf(urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/**
 * Every link, image or stylesheet of every page of a build that points into the site (a path,
 * or an absolute URL under `siteUrl`) at a file the build does not have, as `page → url`.
 */
export async function brokenInternalLinks(outDir: string, siteUrl: string): Promise<string[]> {
  const broken: string[] = [];
  for (const file of await listHtmlFiles(outDir)) {
    const { document } = parseHtml(await readFile(path.join(outDir, file), 'utf8'));
    for (const url of referencedUrls(document)) {
      let sitePath: string | undefined;
      if (url.startsWith('/') && !url.startsWith('//')) sitePath = url;
      else if (url.startsWith(`${siteUrl}/`)) sitePath = url.slice(siteUrl.length);
      if (!sitePath || sitePath.startsWith('/#')) continue;
      if (!existsSync(path.join(outDir, fileOf(sitePath)))) broken.push(`${file} → ${url}`);
    }
  }
  return broken;
}
