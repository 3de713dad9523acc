import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { buildSite, listHtmlFiles, type SiteBuild } from './helpers/site';

// More articles than Strapi returns in one page (100): the build must follow every page.
const ARTICLE_COUNT = 130;

describe(`site built from a CMS with ${ARTICLE_COUNT} articles`, () => {
  let cms: TestCms | undefined;
  let build: SiteBuild;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms(['--synthetic', String(ARTICLE_COUNT), '--no-sample']);
    build = await buildSite(cms.url, cms.token);
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it(`writes exactly ${ARTICLE_COUNT} article pages`, async () => {
    expect(build.code, build.stderr).toBe(0);
    // Article pages are one folder deep; category and author pages are folders' index.html.
    const articlePages = (await listHtmlFiles(build.outDir)).filter(
      (file) => file.split('/').length === 2 && !file.endsWith('/index.html'),
    );
    expect(articlePages).toHaveLength(ARTICLE_COUNT);
    expect(new Set(articlePages).size).toBe(ARTICLE_COUNT);
  });
});
