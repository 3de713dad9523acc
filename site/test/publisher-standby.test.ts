import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { isAlive } from '../publisher/process-groups';
import { assertPrerequisitesBuilt, siteRoot } from './helpers/paths';
import { getPage, getStatus, postHook, TEST_SECRET, waitFor } from './helpers/publisher';
import { startPublisherProcess, type PublisherProcess } from './helpers/publisher-process';

// The publisher keeps the next `astro build` started, with the site's code bundled, while it
// waits for a publish (publisher/astro-build.ts). A bundle made before the code changed is stale:
// the publish must throw that process away and bundle again. Real Strapi, the publisher as
// `npm start -w site` runs it, real builds.
const LIVE_WITHIN_MS = 120_000;
const DISCARDED = /the site's code changed \(.*\) since the next build bundled it: bundling again/g;

// The change to the code: a page of its own, so the release shows which bundle built it. A
// `.txt` endpoint, not an `.html` page: no other test counts those. Named after this process,
// so a file left by a run that was killed can be told from one a run still uses.
const PROBE_PREFIX = 'publisher-standby-probe-';
const pagesDir = path.join(siteRoot, 'src', 'pages');
const probeToken = randomBytes(8).toString('hex');
const probeName = `${PROBE_PREFIX}${process.pid}-${probeToken}`;
const probeFile = path.join(pagesDir, `${probeName}.txt.ts`);
const probeUrl = `/${probeName}.txt`;
const PROBE_SOURCE = `// Written by test/publisher-standby.test.ts, which removes it.
export const GET = () => new Response('${probeToken}');
`;

/** Probe pages of runs that were killed before their own clean-up. */
async function removeLeftProbes(): Promise<void> {
  for (const name of await readdir(pagesDir)) {
    const pid = Number(name.slice(PROBE_PREFIX.length).split('-', 1)[0]);
    if (name.startsWith(PROBE_PREFIX) && !isAlive(pid)) {
      await rm(path.join(pagesDir, name), { force: true });
    }
  }
}

describe('publisher: the next build bundled ahead of time', () => {
  let cms: TestCms | undefined;
  let publisher: PublisherProcess | undefined;
  let workDir: string;

  const log = () => {
    const { stdout, stderr } = publisher!.process.output();
    return `${stdout}${stderr}`;
  };
  const discards = () => log().match(DISCARDED)?.length ?? 0;
  const finished = async () => {
    const { builds } = await getStatus(publisher!.url);
    return builds.succeeded + builds.failed;
  };
  /** Idle, with the next build's process bundled and waiting: the moment a publish is fastest. */
  const standbyReady = () =>
    waitFor(
      'the next build to be bundled and waiting',
      async () => {
        const { queue } = await getStatus(publisher!.url);
        return !queue.building && !queue.pending && queue.standby === 'ready';
      },
      LIVE_WITHIN_MS,
    );
  /** One publish, to its end: returns the status after it. */
  const publish = async () => {
    const before = await finished();
    expect((await postHook(publisher!.url)).status).toBe(202);
    await waitFor(
      'the build to end',
      async () => {
        const status = await getStatus(publisher!.url);
        const ended = status.builds.succeeded + status.builds.failed > before;
        return ended && !status.queue.building && !status.queue.pending && status;
      },
      LIVE_WITHIN_MS,
    );
    return getStatus(publisher!.url);
  };

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    await removeLeftProbes();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-publisher-standby-'));
    cms = await startTestCms([]);
    publisher = startPublisherProcess({
      cms,
      port: await findFreePort(),
      secret: TEST_SECRET,
      workDir,
    });
    await waitFor(
      'the publisher to serve a release',
      async () => (await getStatus(publisher!.url).catch(() => undefined))?.live ?? undefined,
      LIVE_WITHIN_MS,
    );
  });

  // A failure here is hard to read without the publisher's own log: print it.
  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && publisher) console.error(`publisher output:\n${log()}`);
  });

  afterAll(async () => {
    // First, whatever happened: the site's source must be as it was.
    await rm(probeFile, { force: true });
    await publisher?.stop();
    await cms?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it(
    'keeps two builds bundled between publishes, and hands a publish to one',
    async () => {
      await standbyReady();
      await waitFor(
        'two bundled processes',
        async () => (await getStatus(publisher!.url)).queue.spares === 2,
        // One bundle after the other, each as long as a build's start.
        2 * LIVE_WITHIN_MS,
      );
      const before = discards();
      const after = await publish();
      expect(after.lastBuild).toMatchObject({ ok: true });
      expect(discards()).toBe(before);
    },
    4 * LIVE_WITHIN_MS,
  );

  it('bundles again when a file was added after the waiting build bundled the site', async () => {
    await standbyReady();
    const before = discards();
    await writeFile(probeFile, PROBE_SOURCE);
    const after = await publish();
    expect(after.lastBuild).toMatchObject({ ok: true });
    expect(after.live?.articlePages).toBeGreaterThanOrEqual(12);
    // Built by a bundle that has the new page, so not by the one that was waiting.
    const probe = await getPage(publisher!.url, probeUrl);
    expect(probe.status).toBe(200);
    expect(probe.body).toBe(probeToken);
    expect(discards()).toBe(before + 1);
  });

  it('bundles again when a file was removed after the waiting build bundled the site', async () => {
    // The process waiting now started after the last build, with the probe page in its bundle.
    await standbyReady();
    const before = discards();
    await rm(probeFile);
    const after = await publish();
    expect(after.lastBuild).toMatchObject({ ok: true });
    expect((await getPage(publisher!.url, probeUrl)).status).toBe(404);
    expect((await getPage(publisher!.url, '/')).status).toBe(200);
    expect(discards()).toBe(before + 1);
  });
});
