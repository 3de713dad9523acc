import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AstroLauncher } from '../publisher/astro-build';
import { validateRelease } from '../publisher/validate-release';
import {
  readBuildStats,
  RELEASE_FILES,
  type BuildStats,
} from '../src/lib/incremental/release-files';
import { ArchiveSearch } from '../src/lib/search/query';
import { SEARCH_STATS, type SearchBuildStats } from '../src/lib/search/write-index';
import { startTestCms, type TestCms } from './helpers/cms';
import { CmsAdmin, type PublishedArticle } from './helpers/cms-admin';
import { assertPrerequisitesBuilt, siteRoot } from './helpers/paths';
import { buildEnvironment, buildSite, type SiteBuild } from './helpers/site';

// "Identical output": after each kind of change an editor makes, a build that starts from the
// previous release (fetching and rendering only what changed, linking the rest) must write the
// very files a full build of the same content writes.

/** Every file of a build but its `.release/` notes: relative path → hash of its bytes. */
async function filesOf(build: SiteBuild): Promise<Map<string, string>> {
  const entries = await readdir(build.outDir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(build.outDir, file).split(path.sep).join('/');
    if (relative.startsWith(`${RELEASE_FILES}/`)) continue;
    files.set(
      relative,
      createHash('sha1')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return files;
}

/** The files that differ between two builds, with how: empty when they are the same site. */
async function differences(a: SiteBuild, b: SiteBuild): Promise<string[]> {
  const [left, right] = await Promise.all([filesOf(a), filesOf(b)]);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names]
    .filter((name) => left.get(name) !== right.get(name))
    .map((name) =>
      !left.has(name)
        ? `only in full: ${name}`
        : !right.has(name)
          ? `only in incremental: ${name}`
          : `differs: ${name}`,
    )
    .sort();
}

/** The numbers of the articles a release's search index finds for `query`. */
async function found(build: SiteBuild, query: string): Promise<number[]> {
  const search = new ArchiveSearch(async (file) =>
    JSON.parse(await readFile(path.join(build.outDir, file), 'utf8')),
  );
  return (await search.search(query, { perPage: 1000 })).results.map((result) => result.number);
}

const numberOf = (article: PublishedArticle) => Number(/-(\d+)\.html$/.exec(article.urlPath)![1]);

const searchStats = async (build: SiteBuild) =>
  JSON.parse(
    await readFile(path.join(build.outDir, RELEASE_FILES, SEARCH_STATS), 'utf8'),
  ) as SearchBuildStats;

const inode = async (build: SiteBuild, file: string) =>
  (await stat(path.join(build.outDir, file))).ino;

// Each test builds twice or more; a loaded CI machine needs more than the default 120 s.
describe('incremental builds', { timeout: 400_000 }, () => {
  let cms: TestCms | undefined;
  let editor: CmsAdmin;
  let cacheDir: string;
  let latest: SiteBuild;
  /** The one-process full build of the content `latest` was built from. */
  let latestFull: SiteBuild;

  /** The build cache as it is now, for a build beside another one that uses it. */
  async function copyOfCache(): Promise<string> {
    const copy = await mkdtemp(path.join(inject('scratchDir'), 'cache-'));
    await cp(cacheDir, copy, { recursive: true });
    return copy;
  }

  /** Builds from the latest release and in full, and returns both with the first's figures. */
  async function rebuild(): Promise<{
    incremental: SiteBuild;
    full: SiteBuild;
    stats: BuildStats;
  }> {
    // Side by side (they do not depend on each other); the full one on a copy of the cache.
    const fullCacheDir = await copyOfCache();
    const [incremental, full] = await Promise.all([
      buildSite(cms!.url, cms!.token, { cacheDir, base: latest.outDir }),
      buildSite(cms!.url, cms!.token, { cacheDir: fullCacheDir }),
    ]);
    expect(incremental.stderr).toBe('');
    expect(incremental.code, incremental.stdout).toBe(0);
    expect(full.code, full.stdout + full.stderr).toBe(0);
    const stats = (await readBuildStats(incremental.outDir))!;
    await validateRelease(incremental.outDir, [stats.articles]);
    expect(await differences(incremental, full)).toEqual([]);
    latest = incremental;
    latestFull = full;
    return { incremental, full, stats };
  }

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms([]);
    editor = await CmsAdmin.open(cms);
    const first = await buildSite(cms.url, cms.token);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    cacheDir = first.cacheDir;
    latest = first;
    expect((await readBuildStats(first.outDir))?.mode).toBe('full');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  let published: PublishedArticle;

  it('renders a new article and the pages that list it, and links every other page', async () => {
    const before = latest;
    const category = await editor.firstCategory();
    published = await editor.publishNewArticle('Khánh thành cầu mới qua sông Lô', category);
    const { incremental, stats } = await rebuild();
    expect(stats.mode).toBe('incremental');
    expect(stats.articlesFetched).toBe(1);
    expect(stats.pages.rendered).toBeGreaterThan(0);
    expect(stats.pages.reused).toBeGreaterThan(stats.pages.rendered);
    expect(stats.pages.removed).toBe(0);
    const file = published.urlPath.slice(1);
    await expect(readFile(path.join(incremental.outDir, file), 'utf8')).resolves.toContain(
      'Khánh thành cầu mới qua sông Lô',
    );
    // An author page of someone else is the very file of the release before: a hard link.
    const authorPages = [...(await filesOf(before)).keys()].filter((name) =>
      name.startsWith('tac-gia/'),
    );
    const reused = [];
    for (const name of authorPages) {
      if ((await inode(before, name)) === (await inode(incremental, name))) reused.push(name);
    }
    expect(reused.length).toBeGreaterThan(0);
    // The search index: only the new article's files are computed (update-index.ts), their
    // bytes equal a full build's (checked above), every other file is linked.
    expect(await searchStats(incremental)).toMatchObject({ mode: 'incremental', changed: 1 });
    expect(await found(incremental, 'khanh thanh cau moi')).toEqual([numberOf(published)]);
    const termFiles = [...(await filesOf(incremental)).keys()].filter((name) =>
      name.startsWith('_search/terms/'),
    );
    let linked = 0;
    for (const name of termFiles) {
      if ((await inode(before, name)) === (await inode(incremental, name))) linked++;
    }
    expect(linked).toBeGreaterThan(termFiles.length / 2);
    expect(linked).toBeLessThan(termFiles.length);
  });

  it('renders an edited article again', async () => {
    await editor.publishArticle(published.documentId, { title: 'Khánh thành cầu Lô mới' });
    const { incremental, stats } = await rebuild();
    expect(stats.mode).toBe('incremental');
    expect(stats.articlesFetched).toBe(1);
    await expect(
      readFile(path.join(incremental.outDir, published.urlPath.slice(1)), 'utf8'),
    ).resolves.toContain('Khánh thành cầu Lô mới');
    expect(await found(incremental, 'cầu Lô mới')).toEqual([numberOf(published)]);
  });

  // The card's count as the section's first page prints it. An approval leaves the article's
  // updatedAt as it was: only the count in the page's props makes the page render again.
  const sectionPage = () => `${published.urlPath.split('/')[1]}/index.html`;
  const cardCount = (count: number) =>
    new RegExp(`href="${published.urlPath}#binh-luan"[^>]*>\\s*Bình luận \\(${count}\\)`);
  const read = (build: SiteBuild, file: string) => readFile(path.join(build.outDir, file), 'utf8');

  it('shows an approved comment, and its count on the article and the lists', async () => {
    expect(await read(latest, sectionPage())).not.toMatch(/comment-count/);
    await editor.approveNewComment(published.documentId, {
      name: 'Nguyễn Văn Bình',
      body: 'Cây cầu mới giúp bà con đi lại thuận tiện hơn nhiều.',
    });
    const { incremental, stats } = await rebuild();
    expect(stats.articlesFetched).toBe(0);
    const articlePage = await read(incremental, published.urlPath.slice(1));
    expect(articlePage).toContain('Cây cầu mới giúp bà con');
    expect(articlePage).toMatch(/href="#binh-luan"[^>]*>\s*Bình luận \(1\)/);
    expect(await read(incremental, sectionPage())).toMatch(cardCount(1));
    expect(await read(incremental, 'index.html')).toMatch(cardCount(1));
  });

  it('updates a count that changes on a list page (1 → 2)', async () => {
    await editor.approveNewComment(published.documentId, {
      name: 'Trần Thị Lan',
      body: 'Mong có thêm đèn chiếu sáng trên cầu.',
    });
    const { incremental, stats } = await rebuild();
    expect(stats.articlesFetched).toBe(0);
    const listPage = await read(incremental, sectionPage());
    expect(listPage).toMatch(cardCount(2));
    expect(listPage).not.toMatch(cardCount(1));
  });

  it('removes an unpublished article and a deleted one', async () => {
    // One build for an article that comes and one that goes; the one that came is deleted next.
    const gone = await editor.publishNewArticle('Tin sẽ bị xóa', await editor.firstCategory());
    await editor.unpublishArticle(published.documentId);
    const unpublished = await rebuild();
    expect(await found(unpublished.incremental, 'Tin sẽ bị xóa')).toEqual([numberOf(gone)]);
    expect(unpublished.stats.pages.removed).toBeGreaterThan(0);
    await expect(
      stat(path.join(unpublished.incremental.outDir, published.urlPath.slice(1))),
    ).rejects.toThrow();
    expect(await searchStats(unpublished.incremental)).toMatchObject({ mode: 'incremental' });
    expect(await found(unpublished.incremental, 'Khánh thành cầu Lô mới')).toEqual([]);

    await editor.deleteArticle(gone.documentId);
    const deleted = await rebuild();
    expect(deleted.stats.pages.removed).toBeGreaterThan(0);
    await expect(
      stat(path.join(deleted.incremental.outDir, gone.urlPath.slice(1))),
    ).rejects.toThrow();
    expect(await found(deleted.incremental, 'Tin sẽ bị xóa')).toEqual([]);
  });

  it('renders every page again when a section is renamed (the menu is on every page)', async () => {
    const category = await editor.firstCategory();
    await editor.saveCategory(category.documentId, { name: 'Thời sự – Chính trị' });
    const { stats } = await rebuild();
    expect(stats.mode).toBe('full');
    expect(stats.pages.reused).toBe(0);
  });

  it('writes the same release when a second process renders half the pages of a full build', async () => {
    // The publisher's way (publisher/astro-build.ts): two bundled processes wait; the full build
    // takes one, and asks for the other as its partner once it holds the data.
    const releasesDir = await mkdtemp(path.join(inject('scratchDir'), 'releases-'));
    const launcher = new AstroLauncher({
      siteRoot,
      releasesDir,
      env: buildEnvironment(cms!.url, cms!.token, cacheDir),
      standby: true,
      logger: { info: () => undefined, error: () => undefined },
    });
    // The reference: the last rebuild's full build, on one process, of the same content.
    const alone = latestFull;
    try {
      launcher.refill();
      await vi.waitFor(() => expect(launcher.readySpares()).toBe(2), {
        timeout: 180_000,
        interval: 200,
      });
      const outDir = path.join(releasesDir, 'shared-full');
      await mkdir(outDir);
      const build = await launcher.start(outDir, 300_000);
      const exit = await build.exited;
      expect(exit.code, exit.outputTail).toBe(0);
      expect(exit.outputTail).toContain('(on two processes)');
      const stats = (await readBuildStats(outDir))!;
      expect(stats).toMatchObject({ mode: 'full', processes: 2, pages: { reused: 0 } });
      await validateRelease(outDir, [stats.articles]);
      expect(alone.code, alone.stdout + alone.stderr).toBe(0);
      expect((await readBuildStats(alone.outDir))!.processes).toBe(1);
      expect(await differences({ ...alone, outDir }, alone)).toEqual([]);
      // The partner's folder went with the build: only the release is left.
      await vi.waitFor(async () => expect(await readdir(releasesDir)).toEqual(['shared-full']));
    } finally {
      await launcher.close();
    }
  });
});
