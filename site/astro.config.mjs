// @ts-check
import path from 'node:path';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { readSiteConfig } from './src/lib/config.ts';
import { siteImages } from './src/lib/images/integration.ts';
import { siteSearch } from './src/lib/search/integration.ts';
import { serverBundleModules } from './src/lib/server-bundle.ts';
import { strapiData } from './src/lib/strapi/integration.ts';

const config = readSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  output: 'static',
  // 'preserve' writes src/pages/[category]/[article].astro as <category>/<article>.html, the
  // Vietnamese press's URL shape (/thoi-su/tieu-de-123.html), while an index.astro still
  // becomes a folder's index.html (/thoi-su/ later).
  // concurrency: pages render in turns on one thread either way, but with a few in flight one
  // page's file is written while the next renders (measured: 0.7–2.4 s off a 1,000-article build).
  // The comment routes (src/pages/binh-luan/) are on demand: @astrojs/node, whose `handler` the
  // site's server (publisher/on-demand.ts) loads. Standalone mode, not middleware: its handler
  // also serves the static files, so `astro preview` keeps working; the server hands it only the
  // on-demand paths. `client: './'` keeps the
  // pages at the release's root, where the server, validation and incremental builds expect
  // them; the server bundle goes to `.release/server/` (a dot folder: never served, and left
  // out of the byte-for-byte comparison of incremental and full builds).
  // inlineStylesheets 'never' and no inlined scripts (Astro inlines those under Vite's
  // assetsInlineLimit): pages then need no 'unsafe-inline' nor hashes in their Content-Security-
  // Policy (publisher/security-headers.ts); other small assets keep Vite's default.
  build: {
    format: 'preserve',
    concurrency: 4,
    client: './',
    server: './.release/server/',
    inlineStylesheets: 'never',
  },
  vite: { build: { assetsInlineLimit: (file) => (/\.(js|css)$/.test(file) ? false : undefined) } },
  adapter: node({ mode: 'standalone' }),
  // Astro's origin check refuses a form POST whose Origin differs from the URL it sees, which
  // behind a TLS proxy (https outside, http here) is every POST. The comment form carries no
  // session or cookie to forge; abuse is the rate limit's business (publisher/comment-desk.ts).
  security: { checkOrigin: false },
  cacheDir: path.join(config.cacheDir, 'astro'),
  // siteImages reads what strapiData fetched: it must come second.
  integrations: [serverBundleModules(), strapiData(), siteImages(), siteSearch()],
});
