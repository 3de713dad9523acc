import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../utils/env';

const TOKEN_UID = 'admin::api-token';

type TokenAccess =
  { type: 'read-only'; permissions?: never } | { type: 'custom'; permissions: string[] };

/** The parts of Strapi's admin services this step uses (they are untyped in @strapi/types). */
interface ContentApiTokenService {
  hash(accessKey: string): string;
  getByName(name: string): Promise<{ id: number; type: string; permissions?: string[] } | null>;
  create(
    attributes: { name: string; description: string; lifespan: null } & TokenAccess,
  ): Promise<{ id: number }>;
  update(id: number, attributes: TokenAccess): Promise<unknown>;
}
interface EncryptionService {
  encrypt(value: string): string | null;
}

export interface FixedKeyToken {
  name: string;
  description: string;
  /** The environment variable holding the access key (read here, and only here). */
  envName: 'SITE_API_TOKEN' | 'COMMENT_API_TOKEN' | 'PREVIEW_API_TOKEN';
  access: TokenAccess;
}

const sameAccess = (
  existing: { type: string; permissions?: string[] },
  wanted: TokenAccess,
): boolean =>
  existing.type === wanted.type &&
  (wanted.type !== 'custom' ||
    [...(existing.permissions ?? [])].sort().join() === [...wanted.permissions].sort().join());

// The token `name` with exactly `access` and the key in `envName`, stored as Strapi's own
// `regenerate` stores one: an HMAC salted with admin.apiToken.salt, plus an encrypted copy.
export async function ensureFixedKeyToken(
  strapi: Core.Strapi,
  token: FixedKeyToken,
): Promise<void> {
  const accessKey = readCmsEnv()[token.envName];
  if (!accessKey) {
    strapi.log.info(`${token.envName} is not set: skipping the "${token.name}" API token.`);
    return;
  }

  const tokens = strapi.service(
    'admin::api-token-content-api',
  ) as unknown as ContentApiTokenService;
  const encryption = strapi.service('admin::encryption') as unknown as EncryptionService;

  const existing = await tokens.getByName(token.name);
  let tokenId: number;
  if (!existing) {
    const created = await tokens.create({
      name: token.name,
      description: token.description,
      lifespan: null,
      ...token.access,
    });
    tokenId = created.id;
    strapi.log.info(`Created the ${token.access.type} API token "${token.name}".`);
  } else {
    tokenId = existing.id;
    if (!sameAccess(existing, token.access)) await tokens.update(tokenId, token.access);
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
