import { execFile } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPublisherConfig, type PublisherConfig } from '../publisher/config';
import type { RunningPublisher } from '../publisher/server';
import { FULL_BUILD } from '../publisher/publisher';
import { siteRoot } from './helpers/paths';
import {
  FakeSite,
  getPage,
  getStatus,
  postHook,
  startFakePublisher,
  TEST_SECRET,
  waitFor,
} from './helpers/publisher';
import { startFakeGitHub, type FakeGitHub } from './helpers/publisher-github';

// The real publisher (HTTP server, queue, release store, validation, process handling) with a
// small real build script in place of `astro build`, and a JSON file in place of the CMS's
// counts. The end-to-end test with Strapi and Astro is publisher-e2e.test.ts.

type TestPublisher = RunningPublisher & { logs: string[] };
const running: { publisher?: RunningPublisher; site?: FakeSite }[] = [];

async function setUp(
  options: {
    keepReleases?: number;
    firstBuild?: 'wait' | 'held';
    config?: Partial<PublisherConfig>;
  } = {},
) {
  const site = await FakeSite.create();
  if (options.firstBuild === 'held') await site.closeGate();
  const publisher = await startFakePublisher(site, {
    keepReleases: options.keepReleases ?? 5,
    ...options.config,
  });
  running.push({ publisher, site });
  if (options.firstBuild !== 'held') await publisher.publisher.idle();
  return { site, publisher, url: publisher.url };
}

/** Publishes with the build held at its gate, and waits until that build has started. */
async function startHeldBuild(site: FakeSite, url: string) {
  const before = await site.builds();
  await site.closeGate();
  expect((await postHook(url)).status).toBe(202);
  await waitFor(
    'the held build to start',
    async () => (await site.builds()).started > before.started,
  );
  return before;
}

/** Changes what the next build writes, publishes, and waits until it is over. */
async function publishVersion(
  context: { site: FakeSite; publisher: TestPublisher; url: string },
  marker: string,
) {
  await context.site.updateControl({ marker });
  const response = await postHook(context.url);
  expect(response.status).toBe(202);
  await context.publisher.publisher.idle();
}

/**
 * A GET as a browser revalidating its copy sends it: fetch adds `Cache-Control: no-cache` to
 * conditional requests (the Fetch standard), which rightly forbids a 304.
 */
function revalidate(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const liveMarker = async (url: string) =>
  /class="marker">([^<]*)</.exec((await getPage(url, '/')).body)?.[1];

afterEach(async () => {
  for (const { publisher, site } of running.splice(0)) {
    await site?.openGate();
    await publisher?.close();
    await site?.remove();
  }
});

describe('publisher serving releases', () => {
  it('answers 503 until the first release is live, then serves it', async () => {
    const { site, publisher, url } = await setUp({ firstBuild: 'held' });
    const early = await getPage(url, '/');
    expect(early.status).toBe(503);
    await site.openGate();
    await publisher.publisher.idle();

    const home = await getPage(url, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('class="marker">v1<');
    const status = await getStatus(url);
    expect(status.live).toMatchObject({ pages: 6, articlePages: 3 });
    expect(status.live?.id).toMatch(/^\d{8}-\d{6}-\d{3}/);
    expect(status.lastError).toBeNull();
  });

  it('lets browsers keep files whose names change with their content, and revalidate the rest', async () => {
    const { url } = await setUp();
    const cacheControl = async (urlPath: string) =>
      (await fetch(`${url}${urlPath}`)).headers.get('cache-control');
    for (const kept of ['/_astro/site.css', '/_images/anh_a1b2c3-640.webp']) {
      expect(await cacheControl(kept), kept).toBe('public, max-age=31536000, immutable');
    }
    for (const revalidated of ['/', '/tin-tuc/bai-2-2.html', '/img/photo.webp', '/feed.xml']) {
      expect(await cacheControl(revalidated), revalidated).toBe(
        'public, max-age=0, must-revalidate',
      );
    }
  });

  it('sends each kind of file with its content type, directory indexes and the 404 page', async () => {
    const { url } = await setUp();
    const expected: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/tin-tuc/bai-2-2.html': 'text/html; charset=utf-8',
      '/_astro/site.css': 'text/css; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/feed.xml': 'application/xml; charset=utf-8',
      '/img/photo.jpg': 'image/jpeg',
      '/img/photo.webp': 'image/webp',
      '/img/logo.svg': 'image/svg+xml',
    };
    for (const [urlPath, type] of Object.entries(expected)) {
      const page = await getPage(url, urlPath);
      expect({ urlPath, status: page.status, type: page.type }).toEqual({
        urlPath,
        status: 200,
        type,
      });
    }
    for (const directory of ['/tin-tuc/', '/tin-tuc', '/tin-tuc/?page=2']) {
      const page = await getPage(url, directory);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<h1>Tin tức</h1>');
    }
    const missing = await getPage(url, '/tin-tuc/khong-co-bai-nay-99.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Không tìm thấy trang');

    const head = await fetch(`${url}/tin-tuc/bai-1-1.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers Range requests with the bytes asked for, and an impossible range with 416', async () => {
    const { url } = await setUp();
    const whole = await (await fetch(`${url}/_astro/site.css`)).text();
    const part = await fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=5-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 5-9/${Buffer.byteLength(whole)}`);
    expect(part.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await part.text()).toBe(whole.slice(5, 10));
    const tail = await fetch(`${url}/tin-tuc/bai-1-1.html`, { headers: { Range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await tail.text()).toHaveLength(10);
    const beyond = await fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=99999-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(whole)}`);
    // The 404 page is not a resource to resume: its whole body, whatever the Range.
    const missing = await fetch(`${url}/khong-co.html`, { headers: { Range: 'bytes=0-3' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
  });

  it('answers 304 to a browser whose copy is current (ETag or Last-Modified), 200 after a publish', async () => {
    const context = await setUp();
    const { url } = context;
    const first = await fetch(`${url}/`);
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    const byTag = await revalidate(`${url}/`, { 'If-None-Match': etag! });
    expect(byTag.status).toBe(304);
    expect(byTag.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(byTag.body).toBe('');
    expect((await revalidate(`${url}/`, { 'If-Modified-Since': lastModified! })).status).toBe(304);
    // A stale tag gets the page; so does a range whose If-Range names another version.
    expect((await revalidate(`${url}/`, { 'If-None-Match': '"old"' })).status).toBe(200);
    const staleRange = await revalidate(`${url}/`, { Range: 'bytes=0-3', 'If-Range': '"old"' });
    expect(staleRange.status).toBe(200);
    expect(staleRange.body).toBe(await first.text());
    // After a publish the page is another file: the browser's tag no longer matches.
    await publishVersion(context, 'v2');
    const after = await revalidate(`${url}/`, { 'If-None-Match': etag! });
    expect(after.status).toBe(200);
    expect(after.body).toContain('class="marker">v2<');
    // A missing page never answers 304, whatever the browser holds.
    expect((await revalidate(`${url}/khong-co.html`, { 'If-None-Match': '*' })).status).toBe(404);
  });

  it('answers a download in flight during a switch from the release it started in', async () => {
    const context = await setUp();
    const { site, url } = context;
    const liveId = (await getStatus(url)).live!.id;
    // Large enough that the answer cannot be in the socket's buffers before the switch.
    const big = 'a'.repeat(16 * 1024 * 1024);
    await writeFile(path.join(site.releasesDir, liveId, 'big.txt'), big);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}/big.txt`, (response) => {
        let text = '';
        let switched = false;
        response.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          if (switched) return;
          switched = true;
          response.pause();
          publishVersion(context, 'v2').then(() => response.resume(), reject);
        });
        response.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(await liveMarker(url)).toBe('v2');
    expect(body.length).toBe(big.length);
    expect(body).toBe(big);
    // The new release has no such file: the next request is answered from it.
    expect((await getPage(url, '/big.txt')).status).toBe(404);
  });

  it('refuses paths that try to leave the release', async () => {
    const { site, url } = await setUp();
    // Something worth stealing right beside the releases: the metadata and a secret file.
    await writeFile(path.join(site.releasesDir, 'secret.txt'), 'TOP SECRET');
    const liveId = (await getStatus(url)).live!.id;
    const attempts = [
      '/../secret.txt',
      '/../../../../../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/tin-tuc/..%2f..%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      `/..%2f${liveId}.json`,
      '/..%2fcurrent%2findex.html',
      '/index.html%00.jpg',
      '/.%2e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '//etc/passwd',
    ];
    for (const attempt of attempts) {
      // node:http sends the path exactly as written (fetch would normalize the dots away).
      const { status, body } = await new Promise<{ status: number; body: string }>(
        (resolve, reject) => {
          const req = request(`${url}${attempt}`, { method: 'GET', path: attempt }, (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          });
          req.on('error', reject);
          req.end();
        },
      );
      expect({ attempt, status }).toEqual({ attempt, status: 404 });
      expect(body).not.toContain('TOP SECRET');
      expect(body).not.toContain('root:');
      expect(body).not.toContain('startedAt');
    }
  });
});

describe('publisher hooks', () => {
  it('refuses a missing or wrong secret with 401 and builds nothing', async () => {
    const { site, publisher, url } = await setUp();
    const before = await site.builds();
    const wrong = [
      null,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${TEST_SECRET}x`,
      `Bearer ${TEST_SECRET.slice(0, -1)}`,
      `Basic ${TEST_SECRET}`,
      TEST_SECRET,
      'Bearer wrong',
    ];
    for (const authorization of wrong) {
      const response = await postHook(url, { authorization });
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect((await getStatus(url)).queue).toMatchObject({
        building: null,
        pending: false,
        pendingReasons: {},
      });
    }
    const rollback = await fetch(`${url}/_publisher/rollback`, {
      method: 'POST',
      headers: { Authorization: 'Bearer wrong' },
    });
    expect(rollback.status).toBe(401);
    await publisher.publisher.idle();
    expect(await site.builds()).toEqual(before);
    expect((await getStatus(url)).hooks).toMatchObject({ refused: wrong.length, accepted: 0 });

    // The right secret, after all those: exactly one build, so none was queued by the refusals.
    expect((await postHook(url)).status).toBe(202);
    await publisher.publisher.idle();
    expect(await site.builds()).toEqual({ started: before.started + 1, ended: before.ended + 1 });
  });

  it('answers 202 before the build it starts has finished', async () => {
    const { site, publisher, url } = await setUp();
    await site.closeGate();
    const before = await site.builds();
    const response = await postHook(url);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: true, build: 'started' });
    // The build is held at the gate: the answer cannot have waited for it.
    const during = await getStatus(url);
    expect(during.queue.building).not.toBeNull();
    expect((await site.builds()).ended).toBe(before.ended);
    await site.openGate();
    await publisher.publisher.idle();
    expect((await site.builds()).ended).toBe(before.ended + 1);
  });

  it('ignores draft saves and new pending comments, but builds on publish and moderation', async () => {
    const { site, publisher, url } = await setUp();
    const before = await site.builds();
    const ignored = [
      { event: 'entry.update', uid: 'api::article.article' },
      { event: 'entry.create', uid: 'api::article.article' },
      { event: 'entry.create', uid: 'api::comment.comment' },
      { event: 'entry.update', uid: 'plugin::users-permissions.user' },
      { event: 'media.create', uid: undefined },
    ];
    for (const body of ignored) {
      const response = await postHook(url, { body });
      expect(await response.json()).toMatchObject({ accepted: true, build: 'not needed' });
    }
    await publisher.publisher.idle();
    expect(await site.builds()).toEqual(before);
    const moderation = await postHook(url, {
      body: { event: 'entry.update', uid: 'api::comment.comment' },
    });
    expect(await moderation.json()).toMatchObject({ build: 'started' });
    await publisher.publisher.idle();
    expect((await site.builds()).started).toBe(before.started + 1);
  });

  it('folds 30 hooks that arrive during a build into one follow-up build', async () => {
    const { site, publisher, url } = await setUp();
    const before = await startHeldBuild(site, url);
    await site.updateControl({ marker: 'after-storm' });

    const answers = await Promise.all(Array.from({ length: 30 }, () => postHook(url)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(202));
    const outcomes = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as { build: string }).build),
    );
    expect(outcomes.filter((outcome) => outcome === 'queued')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'coalesced')).toHaveLength(29);
    expect((await getStatus(url)).queue).toMatchObject({
      pending: true,
      pendingReasons: { 'hook entry.publish': 30 },
    });

    await site.openGate();
    await publisher.publisher.idle();
    const after = await site.builds();
    expect(after.started - before.started).toBeLessThanOrEqual(2);
    expect(after.started - before.started).toBe(2);
    // The follow-up saw what the storm published.
    expect(await liveMarker(url)).toBe('after-storm');
  });
});

describe('publisher failures', () => {
  it('keeps the live release serving when a build fails, and removes the failed one', async () => {
    const context = await setUp();
    const { site, url } = context;
    const live = (await getStatus(url)).live!.id;
    await site.updateControl({ marker: 'broken', fail: true });
    expect((await postHook(url)).status).toBe(202);
    await context.publisher.publisher.idle();

    const status = await getStatus(url);
    expect(status.live?.id).toBe(live);
    expect(status.lastBuild).toMatchObject({ ok: false });
    expect(status.lastError?.message).toContain('exited with code 1');
    expect(await liveMarker(url)).toBe('v1');
    expect(await readdir(site.releasesDir)).not.toContain(status.lastError!.releaseId);

    await site.updateControl({ fail: false });
    await publishVersion(context, 'v2');
    expect(await liveMarker(url)).toBe('v2');
  });

  it('refuses a release whose article pages do not match the CMS, or that lacks a sentinel page', async () => {
    const context = await setUp();
    const { site, url } = context;
    const live = (await getStatus(url)).live!.id;
    await site.setCms({ articles: 5, signature: 'cms-2' });
    await publishVersion(context, 'too-few-pages');
    const status = await getStatus(url);
    expect(status.live?.id).toBe(live);
    expect(status.lastError?.message).toContain('3 article pages but the CMS has 5');
    expect(await liveMarker(url)).toBe('v1');

    await site.updateControl({ articles: 5, no404: true });
    await publishVersion(context, 'no-404');
    expect((await getStatus(url)).lastError?.message).toContain('the build wrote no 404.html');
    expect(await liveMarker(url)).toBe('v1');

    await site.updateControl({ no404: false });
    await publishVersion(context, 'five');
    expect((await getStatus(url)).live).toMatchObject({ articlePages: 5 });
    expect(await liveMarker(url)).toBe('five');
  });

  it('validates a release against the data it was built from, not the CMS at another moment', async () => {
    const context = await setUp();
    const { site, url } = context;
    // Publishes during the build: the CMS counts 9 by now, the build rendered the 3 it read.
    await site.setCms({ articles: 9, signature: 'cms-busy' });
    await site.updateControl({ dataArticles: 3 });
    await publishVersion(context, 'from-its-data');
    expect(await liveMarker(url)).toBe('from-its-data');

    const live = (await getStatus(url)).live!.id;
    await site.updateControl({ dataArticles: 4 });
    await publishVersion(context, 'a-page-missing');
    const status = await getStatus(url);
    expect(status.live?.id).toBe(live);
    expect(status.lastError?.message).toContain(
      '3 article pages but the data it was built from has 4',
    );
  });

  it('builds from the live release, and in full when asked or when the last full build is old', async () => {
    const context = await setUp();
    const { site, publisher, url } = context;
    await site.updateControl({ dataArticles: 3 });
    const first = (await getStatus(url)).live!.id;
    await publishVersion(context, 'incremental');
    const second = (await getStatus(url)).live!.id;
    publisher.publisher.request(`${FULL_BUILD} (test)`);
    await publisher.publisher.idle();
    expect(await site.bases()).toEqual(['-', first, '-']);
    expect((await publisher.store.info(second))?.lastFullAt).toBe(
      (await publisher.store.info(first))?.startedAt,
    );

    const old = await setUp({ config: { fullBuildIntervalMs: 1 } });
    await old.site.updateControl({ dataArticles: 3 });
    await publishVersion(old, 'due');
    expect(await old.site.bases()).toEqual(['-', '-']);
  });

  it('serves no part of a build killed with SIGKILL, removes it, and builds fine afterwards', async () => {
    const context = await setUp();
    const { site, publisher, url } = context;
    const live = (await getStatus(url)).live!.id;
    await site.updateControl({ marker: 'killed' });
    await startHeldBuild(site, url);
    const building = (await getStatus(url)).queue.building!;
    expect(building.id).toBeTruthy();
    // Its index.html is already written (the fake build writes it before the gate).
    process.kill(await site.buildPid(), 'SIGKILL');
    await publisher.publisher.idle();

    const status = await getStatus(url);
    expect(status.live?.id).toBe(live);
    expect(status.lastError?.releaseId).toBe(building.id);
    expect(await liveMarker(url)).toBe('v1');
    expect(await readdir(site.releasesDir)).not.toContain(building.id);

    await site.openGate();
    await publishVersion(context, 'after-kill');
    expect(await liveMarker(url)).toBe('after-kill');
    expect((await getStatus(url)).lastBuild).toMatchObject({ ok: true });
  });

  it('answers every request while releases switch underneath', async () => {
    const context = await setUp();
    const { url } = context;
    let stop = false;
    const failures: string[] = [];
    let requests = 0;
    const markers = new Set<string>();
    const loop = async (urlPath: string) => {
      while (!stop) {
        try {
          const page = await getPage(url, urlPath);
          requests++;
          const marker = /class="marker">([^<]*)</.exec(page.body)?.[1];
          if (page.status !== 200 || !marker)
            failures.push(`${urlPath}: ${page.status} ${page.body.slice(0, 80)}`);
          else markers.add(marker);
        } catch (error) {
          failures.push(`${urlPath}: ${error instanceof Error ? error.message : error}`);
        }
      }
    };
    const loops = ['/', '/tin-tuc/bai-1-1.html', '/tin-tuc/', '/tin-tuc/bai-3-3.html'].map(loop);
    for (let version = 2; version <= 6; version++) await publishVersion(context, `v${version}`);
    stop = true;
    await Promise.all(loops);

    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(0);
    expect(markers.size).toBeGreaterThan(1);
    expect(await liveMarker(url)).toBe('v6');
  });
});

describe('publisher releases', () => {
  it('rolls back to the previous release by endpoint and by command, until the next publish', async () => {
    const context = await setUp();
    const { url } = context;
    await publishVersion(context, 'v2');
    await publishVersion(context, 'v3');
    const ids = (await getStatus(url)).releases;
    expect(ids).toHaveLength(3);

    const byEndpoint = await fetch(`${url}/_publisher/rollback`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_SECRET}` },
    });
    expect(byEndpoint.status).toBe(200);
    expect(await byEndpoint.json()).toMatchObject({ from: ids[2], to: ids[1] });
    expect(await liveMarker(url)).toBe('v2');
    expect((await getStatus(url)).rolledBack).toMatchObject({ to: ids[1] });

    // The command works on the folder directly; the running server serves its choice at once.
    const env = { ...process.env, RELEASES_DIR: context.site.releasesDir };
    const run = promisify(execFile);
    const command = await run(process.execPath, ['--import', 'tsx', 'publisher/rollback.ts'], {
      cwd: siteRoot,
      env,
    });
    expect(command.stdout).toContain(`Release ${ids[0]} is live again`);
    expect(await liveMarker(url)).toBe('v1');

    const oldest = await run(process.execPath, ['--import', 'tsx', 'publisher/rollback.ts'], {
      cwd: siteRoot,
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(oldest).toMatchObject({ code: 1 });
    expect((oldest as { stderr: string }).stderr).toContain('nothing earlier to roll back to');
    expect(await liveMarker(url)).toBe('v1');

    await publishVersion(context, 'v4');
    expect(await liveMarker(url)).toBe('v4');
    expect((await getStatus(url)).rolledBack).toBeNull();
  });

  it('keeps only the last K releases, removing the others once no build runs', async () => {
    const context = await setUp({ keepReleases: 2 });
    for (const version of ['v2', 'v3', 'v4']) await publishVersion(context, version);
    await vi.waitFor(
      async () => {
        const status = await getStatus(context.url);
        expect(status.releases).toHaveLength(2);
        const folders = (await readdir(context.site.releasesDir)).filter((name) =>
          /^\d{8}-/.test(name),
        );
        expect(folders.sort()).toEqual(
          [...status.releases, ...status.releases.map((id) => `${id}.json`)].sort(),
        );
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('after a restart, serves the same release without building and clears leftovers of a crash', async () => {
    const first = await setUp();
    const live = (await getStatus(first.url)).live!.id;
    const { started } = await first.site.builds();
    await first.publisher.close();
    running.length = 0;

    // What a crash mid-build leaves: a release folder without metadata, and a temp symlink.
    const halfWritten = path.join(first.site.releasesDir, '20000101-000000-000');
    await mkdir(path.join(halfWritten, 'tin-tuc'), { recursive: true });
    await writeFile(path.join(halfWritten, 'index.html'), '<html><body>half');
    await symlink('20000101-000000-000', path.join(first.site.releasesDir, '.tmp-deadbeef'));

    const second = await startFakePublisher(first.site);
    running.push({ publisher: second, site: first.site });
    await second.publisher.idle();
    const status = await getStatus(second.url);
    expect(status.live?.id).toBe(live);
    expect((await first.site.builds()).started).toBe(started);
    expect(await liveMarker(second.url)).toBe('v1');
    const names = await readdir(first.site.releasesDir);
    expect(names).not.toContain('20000101-000000-000');
    expect(names).not.toContain('.tmp-deadbeef');
  });
});

describe('publisher logs', () => {
  it('logs each build with its reason, duration and outcome', async () => {
    const context = await setUp();
    const { site, publisher } = context;
    await site.updateControl({ marker: 'broken', fail: true });
    await publishVersion(context, 'broken');
    const live = (await getStatus(context.url)).live!.id;
    const text = publisher.logs.join('\n');
    expect(text).toMatch(/build \d{8}-\d{6}-\d{3} started \(start-up: no release yet\)/);
    expect(text).toMatch(
      /build \d{8}-\d{6}-\d{3} is live after \d+(\.\d)? m?s: 6 pages, 3 articles/,
    );
    expect(text).toMatch(/hook entry\.publish api::article\.article: build started/);
    expect(text).toMatch(
      new RegExp(
        `ERROR build \\d{8}-\\d{6}-\\d{3}\\S* failed after \\d+(\\.\\d)? m?s: the build exited with code 1; release ${live} stays live`,
      ),
    );
    // The tail of the failed build's output, where its error is.
    expect(text).toContain('fake build: failing on purpose');
  });
});

describe('publisher and the Astro version', () => {
  it('builds with the plain astro build, and says so, when Astro is not the tested version', async () => {
    // A site whose Astro is a version the pre-started builds were never tested with: its CLI
    // here is the fake build, so the test sees which way the publisher ran it.
    const site = await FakeSite.create();
    const root = path.join(site.workDir, 'site');
    const astroDir = path.join(root, 'node_modules', 'astro');
    await mkdir(astroDir, { recursive: true });
    await writeFile(path.join(root, 'package.json'), '{"name":"site","type":"module"}');
    await writeFile(path.join(astroDir, 'package.json'), '{"name":"astro","version":"99.0.0"}');
    await writeFile(
      path.join(astroDir, 'astro.js'),
      `process.env.FAKE_BUILD_DIR = ${JSON.stringify(site.workDir)};\n` +
        `if (process.argv.slice(2).join(' ') !== 'build --outDir ' + process.env.PUBLISH_OUT_DIR) process.exit(3);\n` +
        `await import(${JSON.stringify(path.join(site.workDir, 'fake-build.mjs'))});\n`,
    );
    const publisher = await startFakePublisher(site, { buildCommand: undefined, siteRoot: root });
    running.push({ publisher, site });
    await publisher.publisher.idle();
    const text = publisher.logs.join('\n');
    expect(text).toContain('warning: Astro 99.0.0 is not the tested 5.18.x');
    expect(text).toMatch(/builds with ".*astro\.js" build --outDir "\$PUBLISH_OUT_DIR"/);
    expect((await getStatus(publisher.url)).lastBuild?.ok).toBe(true);
    expect(await liveMarker(publisher.url)).toBe('v1');
  });

  it('knows the installed Astro as the tested one', async () => {
    const { installedAstro, isTestedAstro } = await import('../publisher/astro-version');
    expect(isTestedAstro(installedAstro(siteRoot).version)).toBe(true);
    expect(isTestedAstro('5.180.0')).toBe(false);
    expect(isTestedAstro('6.0.0')).toBe(false);
  });
});

describe('publisher forwarding publishes to CI', () => {
  const githubs: FakeGitHub[] = [];
  afterEach(async () => {
    for (const github of githubs.splice(0)) await github.close();
  });

  async function fakeGitHub(status?: number): Promise<FakeGitHub> {
    const github = await startFakeGitHub(status);
    githubs.push(github);
    return github;
  }
  const forwardingTo = (github: FakeGitHub): Partial<PublisherConfig> => ({
    githubDispatch: {
      apiUrl: github.url,
      repo: 'toa-soan/bao-tinh',
      token: 'github_pat_test',
      retryDelayMs: 10,
    },
  });

  it('sends one repository_dispatch per build it starts, so 30 hooks during a build make 2', async () => {
    const github = await fakeGitHub();
    const { site, publisher, url } = await setUp({ config: forwardingTo(github) });
    // The first build of an empty releases folder publishes nothing new: CI is not told.
    expect(github.received).toEqual([]);

    const before = await startHeldBuild(site, url);
    const answers = await Promise.all(Array.from({ length: 30 }, () => postHook(url)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(202));
    await site.openGate();
    await publisher.publisher.idle();

    expect((await site.builds()).started - before.started).toBe(2);
    expect(github.received).toHaveLength(2);
    for (const dispatch of github.received) {
      expect(dispatch).toMatchObject({
        method: 'POST',
        path: '/repos/toa-soan/bao-tinh/dispatches',
        headers: {
          accept: 'application/vnd.github+json',
          authorization: 'Bearer github_pat_test',
          'x-github-api-version': '2022-11-28',
          'content-type': 'application/json',
        },
        body: { event_type: 'strapi-publish' },
      });
    }
    expect(github.received.map((dispatch) => dispatch.body)).toMatchObject([
      { client_payload: { reasons: 'hook entry.publish', requests: 1 } },
      { client_payload: { reasons: 'hook entry.publish ×30', requests: 30 } },
    ]);
    expect((await getStatus(url)).dispatch).toMatchObject({
      repo: 'toa-soan/bao-tinh',
      eventType: 'strapi-publish',
      sent: 2,
      failed: 0,
      lastError: null,
    });
  });

  it('logs a dispatch GitHub refuses, shows it in the status, and builds and serves regardless', async () => {
    const github = await fakeGitHub(500);
    const context = await setUp({ config: forwardingTo(github) });
    const { publisher, url } = context;
    await publishVersion(context, 'v2');

    // A 5xx is retried (three attempts), then given up on.
    expect(github.received).toHaveLength(3);
    const status = await getStatus(url);
    expect(status.dispatch).toMatchObject({ sent: 0, failed: 1 });
    expect(status.dispatch?.lastError?.message).toContain('answered HTTP 500');
    // The local build is not the dispatch's business.
    expect(status.lastError).toBeNull();
    expect(status.lastBuild).toMatchObject({ ok: true });
    expect(await liveMarker(url)).toBe('v2');
    expect(publisher.logs.join('\n')).toMatch(
      /ERROR could not dispatch strapi-publish to toa-soan\/bao-tinh \(hook entry\.publish\) after 3 attempts: POST \S+ answered HTTP 500/,
    );

    // GitHub is back: the next publish goes through.
    github.status = 204;
    await publishVersion(context, 'v3');
    expect((await getStatus(url)).dispatch).toMatchObject({ sent: 1, failed: 1 });
    expect(await liveMarker(url)).toBe('v3');
  });

  it('says what to fix when GitHub refuses the token, without retrying', async () => {
    const github = await fakeGitHub(401);
    const context = await setUp({ config: forwardingTo(github) });
    await publishVersion(context, 'v2');
    expect(github.received).toHaveLength(1);
    expect((await getStatus(context.url)).dispatch?.lastError?.message).toContain(
      'GITHUB_DISPATCH_TOKEN is refused',
    );
  });

  it('in dispatch mode forwards publishes and builds nothing itself', async () => {
    const github = await fakeGitHub();
    const { site, publisher, url } = await setUp({
      config: { ...forwardingTo(github), mode: 'dispatch' },
    });
    expect((await postHook(url)).status).toBe(202);
    await publisher.publisher.idle();

    expect(github.received).toHaveLength(1);
    expect(await site.builds()).toEqual({ started: 0, ended: 0 });
    const status = await getStatus(url);
    expect(status).toMatchObject({ mode: 'dispatch', live: null, dispatch: { sent: 1 } });
    expect((await getPage(url, '/')).status).toBe(503);
  });

  it('reads the forwarding settings from the environment, and refuses half of them', () => {
    const saved = { ...process.env };
    const read = (env: Record<string, string>) => {
      for (const name of [
        'GITHUB_DISPATCH_REPO',
        'GITHUB_DISPATCH_TOKEN',
        'GITHUB_API_URL',
        'PUBLISHER_MODE',
      ])
        delete process.env[name];
      Object.assign(process.env, env);
      return readPublisherConfig(siteRoot);
    };
    try {
      expect(read({})).toMatchObject({ mode: 'build', githubDispatch: undefined });
      expect(
        read({ GITHUB_DISPATCH_REPO: 'toa-soan/bao-tinh', GITHUB_DISPATCH_TOKEN: 't' }),
      ).toMatchObject({
        githubDispatch: { apiUrl: 'https://api.github.com', repo: 'toa-soan/bao-tinh', token: 't' },
      });
      expect(() => read({ GITHUB_DISPATCH_REPO: 'toa-soan/bao-tinh' })).toThrow(
        'GITHUB_DISPATCH_TOKEN is not',
      );
      expect(() => read({ GITHUB_DISPATCH_REPO: 'bao-tinh', GITHUB_DISPATCH_TOKEN: 't' })).toThrow(
        'owner/name',
      );
      expect(() => read({ PUBLISHER_MODE: 'dispatch' })).toThrow('set GITHUB_DISPATCH_REPO');
      expect(() => read({ PUBLISHER_MODE: 'ci' })).toThrow('"build" or "dispatch"');
    } finally {
      process.env = saved;
    }
  });
});
