import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt, siteRoot } from './helpers/paths';
import { getPage, getStatus, postHook, TEST_SECRET, waitFor } from './helpers/publisher';
import { CmsAdmin, type PublishedArticle } from './helpers/cms-admin';
import { startPublisherProcess, type PublisherProcess } from './helpers/publisher-process';
import { startCmsRelay, type CmsRelay } from './helpers/publisher-relay';
import { ArchiveSearch } from '../src/lib/search/query';

// The whole publish path with real parts: Strapi with the sample newsroom and its webhook,
// the publisher run as `npm start -w site` runs it, and the real `astro build`. Waits are
// bounded but generous: a test machine may run other builds at the same time.
const LIVE_WITHIN_MS = 120_000;
// The first release at start-up bundles the site and builds every page: minutes under a load of 30.
const FIRST_RELEASE_WITHIN_MS = 300_000;
// On PostgreSQL (CI's third lane, scripts/test-postgres.sh) the file proves the database's side
// of publishing; builds started ahead of time are the publisher's own, the same on either
// database and tested on SQLite, so there the builds are plain ones (no spares to bundle).
const plainBuilds = Boolean(process.env.DATABASE_URL?.startsWith('postgres'));

describe('publisher with a real CMS and astro build', () => {
  let cms: TestCms | undefined;
  // The publisher and its builds reach the CMS through it, so a test can stop the CMS at a
  // known moment of a build.
  let relay: CmsRelay | undefined;
  let editor: CmsAdmin;
  let publisher: PublisherProcess | undefined;
  let workDir: string;
  let port: number;
  // postHook sends this one unless told otherwise.
  const secret = TEST_SECRET;
  let published: PublishedArticle;
  let missed: PublishedArticle;

  const start = async () => {
    publisher = startPublisherProcess({
      cms: { ...cms!, url: relay!.url },
      port,
      secret,
      workDir,
      plainBuilds,
    });
    await waitFor(
      'the publisher to serve a release',
      async () => (await getStatus(publisher!.url).catch(() => undefined))?.live ?? undefined,
      FIRST_RELEASE_WITHIN_MS,
    );
  };
  const idle = () =>
    waitFor(
      'the publisher to finish building',
      async () => {
        const { queue } = await getStatus(publisher!.url);
        return !queue.building && !queue.pending;
      },
      LIVE_WITHIN_MS,
    );
  const status = (urlPath: string) => getPage(publisher!.url, urlPath).then((page) => page.status);
  /** The addresses the live release's search index finds, as the search page reads it. */
  const searchLive = async (query: string) => {
    const search = new ArchiveSearch(async (file) => {
      const response = await fetch(`${publisher!.url}/${file}`);
      if (!response.ok) throw new Error(`GET /${file} answered ${response.status}`);
      return response.json();
    });
    return (await search.search(query, { perPage: 100 })).results.map((result) => result.url);
  };

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-publisher-e2e-'));
    port = await findFreePort();
    // startTestCms hands the process environment to Strapi, whose bootstrap declares the webhook.
    process.env.PUBLISH_WEBHOOK_URL = `http://127.0.0.1:${port}/_publisher/hook`;
    process.env.PUBLISH_HOOK_SECRET = secret;
    try {
      cms = await startTestCms([]);
    } finally {
      delete process.env.PUBLISH_WEBHOOK_URL;
      delete process.env.PUBLISH_HOOK_SECRET;
    }
    relay = await startCmsRelay(cms.url);
    editor = await CmsAdmin.open(cms);
    const hookUrl = `http://127.0.0.1:${port}/_publisher/hook`;
    if (!(await editor.publisherWebhookUrls()).includes(hookUrl)) {
      throw new Error(
        `The CMS declared no "publisher" webhook to ${hookUrl}: its bootstrap must create it from ` +
          'PUBLISH_WEBHOOK_URL and PUBLISH_HOOK_SECRET (cms/src/bootstrap/publish-webhook.ts).',
      );
    }
    await start();
  });

  // A failure here is hard to read without the publisher's own log: print it.
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail' || !publisher) return;
    const { stdout, stderr } = publisher.process.output();
    console.error(`publisher output so far:\n${stdout}\n${stderr}`);
  });

  afterAll(async () => {
    await publisher?.stop();
    await relay?.close();
    await cms?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('builds the first release from the CMS at start-up', async () => {
    const { live, lastError } = await getStatus(publisher!.url);
    expect(lastError).toBeNull();
    expect(live?.articlePages).toBeGreaterThanOrEqual(12);
    const home = await getPage(publisher!.url, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<html lang="vi"');
  });

  it('serves a newly published article within a bounded wait, answering every request meanwhile', async () => {
    const failures: string[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        const answer = await getPage(publisher!.url, '/').catch((error: Error) => ({
          status: 0,
          body: error.message,
        }));
        if (answer.status !== 200) failures.push(`${answer.status} ${answer.body.slice(0, 80)}`);
      }
    })();

    const category = await editor.firstCategory();
    published = await editor.publishNewArticle('Khánh thành cầu Sông Lam mới nối hai bờ', category);
    await waitFor(
      `${published.urlPath} to be served`,
      async () => (await status(published.urlPath)) === 200,
      LIVE_WITHIN_MS,
    );
    stop = true;
    await loop;

    const page = await getPage(publisher!.url, published.urlPath);
    expect(page.body).toContain('Khánh thành cầu Sông Lam mới nối hai bờ');
    expect((await getPage(publisher!.url, '/')).body).toContain(`href="${published.urlPath}"`);
    expect(await searchLive('khanh thanh cau song lam')).toContain(published.urlPath);
    expect(failures).toEqual([]);
  });

  it('answers 404 for an unpublished article and drops it from the home page', async () => {
    await editor.unpublishArticle(published.documentId);
    await waitFor(
      `${published.urlPath} to be gone`,
      async () => (await status(published.urlPath)) === 404,
      LIVE_WITHIN_MS,
    );
    const missing = await getPage(publisher!.url, published.urlPath);
    expect(missing.body).toContain('Không tìm thấy trang');
    expect((await getPage(publisher!.url, '/')).body).not.toContain(`href="${published.urlPath}"`);
    expect(await searchLive('Khánh thành cầu Sông Lam')).not.toContain(published.urlPath);
  });

  it('rolls back to the previous release', async () => {
    await idle();
    const before = await getStatus(publisher!.url);
    const response = await fetch(`${publisher!.url}/_publisher/rollback`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const after = await getStatus(publisher!.url);
    expect(after.live?.id).toBe(before.releases.at(-2));
    // The release before the unpublish still has the article.
    expect(await status(published.urlPath)).toBe(200);
  });

  // Two builds one after the other: more than the default 120 s on a loaded machine.
  it(
    'refuses hooks without the secret and folds 30 hooks during a build into one more build',
    async () => {
      const before = (await getStatus(publisher!.url)).builds;
      expect((await postHook(publisher!.url, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await postHook(publisher!.url, { authorization: null })).status).toBe(401);
      expect((await getStatus(publisher!.url)).queue.building).toBeNull();

      expect((await postHook(publisher!.url)).status).toBe(202);
      const answers = await Promise.all(Array.from({ length: 30 }, () => postHook(publisher!.url)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(202));
      await idle();
      const after = await getStatus(publisher!.url);
      const builds =
        after.builds.succeeded + after.builds.failed - before.succeeded - before.failed;
      expect(builds).toBeLessThanOrEqual(2);
      // A new publish ends the rollback: the unpublished article is gone again.
      expect(after.rolledBack).toBeNull();
      expect(await status(published.urlPath)).toBe(404);
    },
    2 * LIVE_WITHIN_MS,
  );

  it('catches up with a publish made while it was down', async () => {
    await publisher!.stop();
    publisher = undefined;
    const category = await editor.firstCategory();
    // Strapi's webhook finds no one listening, and never retries.
    missed = await editor.publishNewArticle(
      'Hội nghị tổng kết năm của Hội Nông dân tỉnh',
      category,
    );
    await start();
    await waitFor(
      `${missed.urlPath} to be served`,
      async () => (await status(missed.urlPath)) === 200,
      LIVE_WITHIN_MS,
    );
  });

  it('catches up with a comment approved while it was down', async () => {
    await idle();
    await publisher!.stop();
    publisher = undefined;
    const comment = { name: 'Nguyễn Văn Bình', body: 'Cây cầu mới giúp bà con đi lại thuận tiện.' };
    // Neither an article nor an author nor a category changes: only the approved comments do.
    await editor.approveNewComment(missed.documentId, comment);
    await start();
    await waitFor(
      `the approved comment on ${missed.urlPath}`,
      async () => (await getPage(publisher!.url, missed.urlPath)).body.includes(comment.body),
      LIVE_WITHIN_MS,
    );
    expect((await getStatus(publisher!.url)).reconcile?.lastOutcome).toBe(
      'build requested: the CMS changed since the newest release',
    );
  });

  it('keeps serving the live release when the CMS goes down in the middle of a build', async () => {
    await idle();
    const { live } = await getStatus(publisher!.url);
    // The build's first request: the sync index, which only builds read (the publisher's own
    // checks ask for one article of each collection).
    const fetching = relay!.holdNext((urlPath) => urlPath.startsWith('/api/site-sync'));
    expect((await postHook(publisher!.url)).status).toBe(202);
    const request = await fetching;
    const { queue } = await getStatus(publisher!.url);
    expect(queue.building?.id).toBeTruthy();
    await cms!.stop();
    cms = undefined;
    request.release();

    await idle();
    const after = await getStatus(publisher!.url);
    expect(after.lastBuild).toMatchObject({ id: queue.building!.id, ok: false });
    expect(after.lastError?.message).toBe('the build exited with code 1');
    const { stdout, stderr } = publisher!.process.output();
    expect(`${stdout}${stderr}`).toContain('Cannot reach the CMS');
    expect(after.live?.id).toBe(live!.id);
    expect(await readdir(path.join(workDir, 'releases'))).not.toContain(queue.building!.id);
    expect(await status('/')).toBe(200);
    expect(await status(missed.urlPath)).toBe(200);
  });

  it('keeps serving the live release when the CMS is already down as a publish arrives', async () => {
    await idle();
    const { live } = await getStatus(publisher!.url);
    expect((await postHook(publisher!.url)).status).toBe(202);
    await idle();
    const after = await getStatus(publisher!.url);
    expect(after.live?.id).toBe(live!.id);
    expect(after.lastBuild).toMatchObject({ ok: false });
    expect(after.lastError?.message).toContain('Cannot reach the CMS');
    expect(await status('/')).toBe(200);
  });

  it("leaves none of its builds' working folders behind", async () => {
    await idle();
    const pid = publisher!.process.child.pid;
    const folders = await readdir(path.join(siteRoot, '.cache', 'publisher-builds')).catch(
      () => [] as string[],
    );
    // At most the one of the next build, prepared while idle (and its output folder).
    expect(folders.filter((name) => name.startsWith(`${pid}-`)).length).toBeLessThanOrEqual(1);
    const releases = await readdir(path.join(workDir, 'releases'));
    expect(releases.filter((name) => name.startsWith('.tmp-build-')).length).toBeLessThanOrEqual(1);
  });
});
