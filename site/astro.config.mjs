// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { readSiteConfig } from './src/lib/config.ts';
import { strapiData } from './src/lib/strapi/integration.ts';

const config = readSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  output: 'static',
  // 'preserve' writes src/pages/[category]/[article].astro as <category>/<article>.html, the
  // Vietnamese press's URL shape (/thoi-su/tieu-de-123.html), while an index.astro still
  // becomes a folder's index.html (/thoi-su/ later).
  build: { format: 'preserve' },
  cacheDir: path.join(config.cacheDir, 'astro'),
  integrations: [strapiData()],
});
