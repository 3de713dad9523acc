/**
 * A stand-in for `astro build` that the publisher tests run as PUBLISHER_BUILD_COMMAND: a real
 * child process that writes a small site into $PUBLISH_OUT_DIR, steered by
 * $FAKE_BUILD_DIR/control.json (page count, a marker in every page, failing, waiting for a gate
 * file). It logs `start <pid>` / `end <pid>` lines to $FAKE_BUILD_DIR/builds.log and its pid to
 * $FAKE_BUILD_DIR/build.pid, so a test can count builds and kill one.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FakeBuildControl {
  /** Article pages to write (`tin-tuc/bai-<n>-<n>.html`). */
  articles: number;
  /** Written into every page, to tell releases apart. */
  marker: string;
  /** Exit 1 after writing part of the site. */
  fail?: boolean;
  /** Leave out 404.html (and still exit 0). */
  no404?: boolean;
  /** Wait, after the first page, until this file exists. */
  gate?: string;
  /**
   * Write `.release/build.json` as the site's build does, saying its data held this many
   * articles (the publisher then validates against it, not against the CMS).
   */
  dataArticles?: number;
}

const page = (title: string, marker: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p class="marker">${marker}</p></body></html>\n`;

async function main(): Promise<void> {
  const workDir = process.env.FAKE_BUILD_DIR!;
  const outDir = process.env.PUBLISH_OUT_DIR!;
  const control = JSON.parse(
    await readFile(path.join(workDir, 'control.json'), 'utf8'),
  ) as FakeBuildControl;
  const { marker } = control;
  await writeFile(path.join(workDir, 'build.pid'), String(process.pid));
  // The release it was asked to build from (SITE_BASE_RELEASE), `-` for a full build.
  const base = process.env.SITE_BASE_RELEASE ? path.basename(process.env.SITE_BASE_RELEASE) : '-';
  await appendFile(path.join(workDir, 'builds.log'), `start ${process.pid} ${marker} ${base}\n`);

  // A partial site first: what a killed build leaves behind.
  await writeFile(path.join(outDir, 'index.html'), page('Trang chủ', marker));
  if (control.gate) {
    while (!existsSync(control.gate)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (control.fail) {
    console.error('fake build: failing on purpose');
    process.exit(1);
  }

  if (!control.no404)
    await writeFile(path.join(outDir, '404.html'), page('Không tìm thấy trang', marker));
  await mkdir(path.join(outDir, 'tin-tuc'), { recursive: true });
  await writeFile(path.join(outDir, 'tin-tuc', 'index.html'), page('Tin tức', marker));
  for (let n = 1; n <= control.articles; n++) {
    await writeFile(path.join(outDir, 'tin-tuc', `bai-${n}-${n}.html`), page(`Bài ${n}`, marker));
  }
  await mkdir(path.join(outDir, '_astro'), { recursive: true });
  await writeFile(path.join(outDir, '_astro', 'site.css'), `body{color:#222} /* ${marker} */\n`);
  await writeFile(path.join(outDir, 'app.js'), `console.log(${JSON.stringify(marker)});\n`);
  await writeFile(
    path.join(outDir, 'feed.xml'),
    `<?xml version="1.0"?><rss><channel><title>${marker}</title></channel></rss>\n`,
  );
  await mkdir(path.join(outDir, 'img'), { recursive: true });
  await writeFile(
    path.join(outDir, 'img', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  );
  await writeFile(path.join(outDir, 'img', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  await writeFile(path.join(outDir, 'img', 'photo.webp'), Buffer.from('RIFF\0\0\0\0WEBP'));
  // The shape of a converted CMS picture (src/lib/images): named after its upload, never rewritten.
  await mkdir(path.join(outDir, '_images'), { recursive: true });
  await writeFile(
    path.join(outDir, '_images', 'anh_a1b2c3-640.webp'),
    Buffer.from('RIFF\0\0\0\0WEBP'),
  );
  if (control.dataArticles !== undefined) {
    await mkdir(path.join(outDir, '.release'), { recursive: true });
    const mode = base === '-' ? 'full' : 'incremental';
    const pages = { rendered: control.articles + 2, reused: 0, removed: 0 };
    const stats = { mode, fetchMs: 0, renderMs: 0, pages, articles: control.dataArticles };
    await writeFile(path.join(outDir, '.release', 'build.json'), JSON.stringify(stats));
  }
  await appendFile(path.join(workDir, 'builds.log'), `end ${process.pid} ${marker}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
