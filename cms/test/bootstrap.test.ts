import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

const EXPECTED_PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::category.category.find',
  'api::category.category.findOne',
];

let cms: TestCms;

beforeAll(async () => {
  cms = await startCms();
});

afterAll(async () => {
  await cms?.stop();
});

async function publicActions(): Promise<string[]> {
  const permissions = await cms.strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: { type: 'public' } },
  });
  return permissions.map((permission: { action: string }) => permission.action).sort();
}

async function siteBuildTokens() {
  return cms.strapi.db.query('admin::api-token').findMany({ where: { name: 'site-build' } });
}

describe('bootstrap', () => {
  it('gives the public role exactly find/findOne on articles, authors and categories', async () => {
    expect(await publicActions()).toEqual(EXPECTED_PUBLIC_ACTIONS);
  });

  it('creates one read-only "site-build" token whose key is SITE_API_TOKEN', async () => {
    const tokens = await siteBuildTokens();
    expect(tokens).toHaveLength(1);
    expect(tokens[0].type).toBe('read-only');
    expect((await api(cms.url, '/articles', { token: cms.siteToken })).status).toBe(200);
  });

  it('is idempotent across restarts, and undoes permission changes made since', async () => {
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await cms.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::comment.comment.create', role: role.id } });
    await cms.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::article.article.find', role: role.id } });

    cms = await cms.restart();
    expect(await publicActions()).toEqual(EXPECTED_PUBLIC_ACTIONS);
    expect(await siteBuildTokens()).toHaveLength(1);
    expect((await api(cms.url, '/articles', { token: cms.siteToken })).status).toBe(200);
  });

  it('moves the token to a new key when SITE_API_TOKEN changes', async () => {
    const oldKey = cms.siteToken;
    cms = await cms.restart({ SITE_API_TOKEN: 'a-new-site-build-key-for-this-test' });
    expect(cms.siteToken).toBe('a-new-site-build-key-for-this-test');
    expect(await siteBuildTokens()).toHaveLength(1);
    expect((await api(cms.url, '/articles', { token: cms.siteToken })).status).toBe(200);
    expect((await api(cms.url, '/articles', { token: oldKey })).status).toBe(401);
  });

  it('restores a token widened in the admin to read-only', async () => {
    const [token] = await siteBuildTokens();
    await cms.strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { type: 'full-access' } });
    cms = await cms.restart();
    expect((await siteBuildTokens())[0].type).toBe('read-only');
    const write = await api(cms.url, '/categories', {
      method: 'POST',
      token: cms.siteToken,
      body: { data: { name: 'x' } },
    });
    expect(write.status).toBe(403);
  });
});
