import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * `Bearer <secret>` in constant time: both sides hashed, as timingSafeEqual needs equal lengths
 * and comparing lengths would leak the secret's. An empty secret authorizes nothing.
 */
export function isAuthorizedHook(header: string | undefined, secret: string): boolean {
  if (!secret || !header) return false;
  const match = /^Bearer[ \t]+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = match[1]!;
  return timingSafeEqual(digest(given), digest(secret));
}
