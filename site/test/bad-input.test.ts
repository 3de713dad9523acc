import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { buildSite, STACK_TRACE_LINE, type SiteBuild } from './helpers/site';

/** A failed build that says what to fix in one sentence and prints no stack trace. */
function expectClearFailure(expect: ExpectStatic, build: SiteBuild, sentence: RegExp): void {
  expect(build.code).not.toBe(0);
  expect(build.stderr).toMatch(sentence);
  expect(build.stderr).not.toMatch(STACK_TRACE_LINE);
  expect(build.stdout).not.toMatch(STACK_TRACE_LINE);
}

// The builds stop before rendering anything, so they can run side by side.
describe.concurrent('a build that cannot get its content fails with one clear sentence', () => {
  // A CMS with no content at all: the bootstrap still creates the site's token.
  let emptyCms: TestCms | undefined;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    emptyCms = await startTestCms(null);
  });

  afterAll(async () => {
    await emptyCms?.stop();
  });

  it('when STRAPI_TOKEN is not set', async ({ expect }) => {
    const build = await buildSite(emptyCms!.url, '');
    expectClearFailure(
      expect,
      build,
      /STRAPI_TOKEN is not set: put the read-only "site-build" token .* in site\/\.env/,
    );
  });

  it('when the CMS refuses the token', async ({ expect }) => {
    const build = await buildSite(emptyCms!.url, 'not-the-site-build-token');
    expectClearFailure(
      expect,
      build,
      /refused the API token \(HTTP 401\): set STRAPI_TOKEN in site\/\.env/,
    );
  });

  it('when the CMS is down', async ({ expect }) => {
    const closedPort = await findFreePort();
    const build = await buildSite(`http://127.0.0.1:${closedPort}`, emptyCms!.token);
    expectClearFailure(
      expect,
      build,
      /Cannot reach the CMS at http:\/\/127\.0\.0\.1:\d+ .*set STRAPI_URL in site\/\.env/,
    );
  });

  it('when the CMS has no published article', async ({ expect }) => {
    const build = await buildSite(emptyCms!.url, emptyCms!.token);
    expectClearFailure(expect, build, /has no published article with a category: publish one/);
  });
});
