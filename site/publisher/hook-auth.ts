import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether an `Authorization` header carries `Bearer <secret>`. The comparison takes the same
 * time whatever the header holds: both sides are hashed first, because timingSafeEqual needs
 * equal lengths and comparing the raw strings' lengths would leak the secret's length.
 * An empty secret authorizes nothing.
 *
 * @example
 * isAuthorizedHook('Bearer s3cret', 's3cret') //=> true
 * isAuthorizedHook('Bearer wrong', 's3cret') //=> false
 */
export function isAuthorizedHook(header: string | undefined, secret: string): boolean {
  if (!secret || !header) return false;
  const match = /^Bearer[ \t]+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = match[1]!;
  return timingSafeEqual(digest(given), digest(secret));
}
