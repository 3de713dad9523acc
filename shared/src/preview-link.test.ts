import { describe, expect, it } from 'vitest';
import { previewLinkParts, signPreviewLink, verifyPreviewLink } from './preview-link';

const SECRET = 'bí mật của tòa soạn';
const NOW = Date.UTC(2026, 10, 27, 5, 0, 0);
const HOUR = 3_600_000;

const partsOf = async (documentId: string, expiresAtMs: number, secret = SECRET) =>
  previewLinkParts(
    new URL(await signPreviewLink(secret, documentId, expiresAtMs), 'https://bao.vn'),
  );

describe('signPreviewLink', () => {
  it('writes the route, the documentId, the expiry in seconds and a signature', async () => {
    expect(await signPreviewLink(SECRET, 'abc123', NOW + HOUR)).toMatch(
      /^\/xem-truoc\/abc123\?het-han=1795759200&chu-ky=[A-Za-z0-9_-]{43}$/,
    );
  });

  it('refuses an empty secret and a documentId that is not one', async () => {
    await expect(signPreviewLink('', 'abc123', NOW)).rejects.toThrow('PREVIEW_SECRET');
    await expect(signPreviewLink(SECRET, '../admin', NOW)).rejects.toThrow('Not a documentId');
  });
});

describe('verifyPreviewLink', () => {
  it('accepts a link it signed, before its time', async () => {
    expect(await verifyPreviewLink(SECRET, await partsOf('abc123', NOW + HOUR), NOW)).toBe('valid');
  });

  it('calls a genuine link past its time expired', async () => {
    expect(await verifyPreviewLink(SECRET, await partsOf('abc123', NOW - 1000), NOW)).toBe(
      'expired',
    );
  });

  it.each([
    ['another document', (p: ReturnType<typeof previewLinkParts>) => ({ ...p, documentId: 'xyz' })],
    [
      'a later expiry',
      (p: ReturnType<typeof previewLinkParts>) => ({ ...p, expires: '9999999999' }),
    ],
    [
      'a changed signature',
      (p: ReturnType<typeof previewLinkParts>) => ({
        ...p,
        signature: `A${p.signature!.slice(1)}`,
      }),
    ],
    ['no signature', (p: ReturnType<typeof previewLinkParts>) => ({ ...p, signature: null })],
    ['no expiry', (p: ReturnType<typeof previewLinkParts>) => ({ ...p, expires: null })],
    [
      'a signature that is not base64url',
      (p: ReturnType<typeof previewLinkParts>) => ({ ...p, signature: '%%%' }),
    ],
  ])('refuses a link with %s', async (_, tamper) => {
    const parts = await partsOf('abc123', NOW + HOUR);
    expect(await verifyPreviewLink(SECRET, tamper(parts), NOW)).toBe('invalid');
  });

  it('refuses a link signed with another secret, and every link when the secret is empty', async () => {
    expect(await verifyPreviewLink(SECRET, await partsOf('abc123', NOW + HOUR, 'khác'), NOW)).toBe(
      'invalid',
    );
    expect(await verifyPreviewLink('', await partsOf('abc123', NOW + HOUR), NOW)).toBe('invalid');
  });
});

describe('previewLinkParts', () => {
  it('reads the documentId from the path and the rest from the query', () => {
    expect(
      previewLinkParts(new URL('https://bao.vn/xem-truoc/abc123?het-han=12&chu-ky=sig')),
    ).toEqual({ documentId: 'abc123', expires: '12', signature: 'sig' });
    expect(previewLinkParts(new URL('https://bao.vn/thoi-su/')).documentId).toBe('');
  });
});
