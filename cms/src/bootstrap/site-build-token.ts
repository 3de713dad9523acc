import type { Core } from '@strapi/strapi';

export const SITE_BUILD_TOKEN_NAME = 'site-build';

const TOKEN_UID = 'admin::api-token';

/** The parts of Strapi's admin services this step uses (they are untyped in @strapi/types). */
interface ContentApiTokenService {
  hash(accessKey: string): string;
  getByName(name: string): Promise<{ id: number; type: string } | null>;
  create(attributes: {
    name: string;
    description: string;
    type: 'read-only';
    lifespan: null;
  }): Promise<{ id: number }>;
  update(id: number, attributes: { type: 'read-only' }): Promise<unknown>;
}
interface EncryptionService {
  encrypt(value: string): string | null;
}

/**
 * Ensures the read-only API token "site-build" exists and that its access key is exactly
 * SITE_API_TOKEN, so the site build and the CMS are configured from the same .env value instead
 * of someone copying a generated key out of the admin. Strapi stores only an HMAC of the key
 * (salted with admin.apiToken.salt) plus an encrypted copy the admin can reveal; both are written
 * the way Strapi's own `regenerate` does. Idempotent: one token, updated only when the key changed.
 */
export async function ensureSiteBuildToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = process.env.SITE_API_TOKEN?.trim();
  if (!accessKey) {
    strapi.log.info('SITE_API_TOKEN is not set: skipping the "site-build" API token.');
    return;
  }

  const tokens = strapi.service(
    'admin::api-token-content-api',
  ) as unknown as ContentApiTokenService;
  const encryption = strapi.service('admin::encryption') as unknown as EncryptionService;

  const existing = await tokens.getByName(SITE_BUILD_TOKEN_NAME);
  let tokenId: number;
  if (!existing) {
    const created = await tokens.create({
      name: SITE_BUILD_TOKEN_NAME,
      description: 'Đọc nội dung đã đăng để dựng trang tĩnh (khóa = SITE_API_TOKEN)',
      type: 'read-only',
      lifespan: null,
    });
    tokenId = created.id;
    strapi.log.info('Created the read-only API token "site-build".');
  } else {
    tokenId = existing.id;
    if (existing.type !== 'read-only') {
      // Someone widened it in the admin; the site only ever needs to read.
      await tokens.update(tokenId, { type: 'read-only' });
    }
  }

  const stored = await strapi.db
    .query(TOKEN_UID)
    .findOne({ select: ['id', 'accessKey'], where: { id: tokenId } });
  const wantedHash = tokens.hash(accessKey);
  if (stored?.accessKey !== wantedHash) {
    await strapi.db.query(TOKEN_UID).update({
      where: { id: tokenId },
      data: { accessKey: wantedHash, encryptedKey: encryption.encrypt(accessKey) },
    });
  }
}
