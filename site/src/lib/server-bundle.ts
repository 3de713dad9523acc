import { mkdir, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The node_modules folder that holds astro (hoisted to the repository's root by npm workspaces). */
function packagesDir(): string {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return path.dirname(path.dirname(astro));
}

// A release outside site/ has no node_modules above its server bundle (ERR_MODULE_NOT_FOUND): a
// link `<server>/node_modules` → the site's packages, in the never-served `.release/`, fixes it.
export function serverBundleModules(): AstroIntegration {
  let serverDir = '';
  // Inside the repository (site/releases, the default) Node finds the packages by walking up,
  // and a link would make a loop: node_modules/@toasoan/site leads back to site/.
  const needed = () => path.relative(path.dirname(packagesDir()), serverDir).startsWith('..');
  const link = async () => {
    await mkdir(serverDir, { recursive: true });
    await symlink(packagesDir(), path.join(serverDir, 'node_modules'), 'dir').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
  };
  return {
    name: 'toasoan:server-bundle-modules',
    hooks: {
      'astro:config:done': ({ config }) => {
        serverDir = fileURLToPath(config.build.server);
      },
      // After the server bundle is written, before Astro imports it to prerender the pages.
      'astro:build:ssr': async () => {
        if (needed()) await link();
      },
      // Astro then walks the server folder to tidy it, following links: through this one, the
      // whole of node_modules (seconds per build). Away while it walks, back for the server.
      'astro:build:generated': async () => {
        if (needed()) await rm(path.join(serverDir, 'node_modules'), { force: true });
      },
      'astro:build:done': async () => {
        if (needed()) await link();
      },
    },
  };
}
