// HMAC-SHA256 through Web Crypto (Node and browsers alike, no import): `subtle.verify` compares
// in constant time.

/** A link is `<route><documentId>?het-han=…&chu-ky=…`. */
export const PREVIEW_ROUTE = '/xem-truoc/';

export const PREVIEW_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** Expiry in Unix seconds, signature in base64url. */
export const PREVIEW_LINK_PARAMS = { expires: 'het-han', signature: 'chu-ky' } as const;

export interface PreviewLinkParts {
  documentId: string;
  expires: string | null;
  signature: string | null;
}

export type PreviewLinkVerdict = 'valid' | 'expired' | 'invalid';

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const encoder = new TextEncoder();

// Purpose and version are signed too: nothing else the secret signs can be replayed here.
const signedText = (documentId: string, expires: number) =>
  `toasoan-preview:v1:${documentId}:${expires}`;

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The site path and query of a preview of `documentId` that works until `expiresAtMs`. */
export async function signPreviewLink(
  secret: string,
  documentId: string,
  expiresAtMs: number,
): Promise<string> {
  if (!secret) throw new Error('A preview link needs a secret (PREVIEW_SECRET).');
  if (!DOCUMENT_ID.test(documentId)) throw new Error(`Not a documentId: "${documentId}".`);
  const expires = Math.floor(expiresAtMs / 1000);
  const signature = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(secret, 'sign'),
    encoder.encode(signedText(documentId, expires)),
  );
  const query = new URLSearchParams({
    [PREVIEW_LINK_PARAMS.expires]: String(expires),
    [PREVIEW_LINK_PARAMS.signature]: toBase64Url(signature),
  });
  return `${PREVIEW_ROUTE}${documentId}?${query}`;
}

/** 'expired' is a genuine link past its time; an empty secret makes every link 'invalid'. */
export async function verifyPreviewLink(
  secret: string,
  link: PreviewLinkParts,
  nowMs: number,
): Promise<PreviewLinkVerdict> {
  if (!secret || !DOCUMENT_ID.test(link.documentId)) return 'invalid';
  if (!link.expires || !/^\d{1,12}$/.test(link.expires)) return 'invalid';
  const signature = link.signature ? fromBase64Url(link.signature) : null;
  if (!signature) return 'invalid';
  const expires = Number(link.expires);
  const genuine = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret, 'verify'),
    signature,
    encoder.encode(signedText(link.documentId, expires)),
  );
  if (!genuine) return 'invalid';
  return expires * 1000 > nowMs ? 'valid' : 'expired';
}

export function previewLinkParts(url: URL): PreviewLinkParts {
  // A documentId is plain ASCII: a path that needs decoding is not one of ours.
  const documentId = url.pathname.startsWith(PREVIEW_ROUTE)
    ? url.pathname.slice(PREVIEW_ROUTE.length).replace(/\/$/, '')
    : '';
  return {
    documentId,
    expires: url.searchParams.get(PREVIEW_LINK_PARAMS.expires),
    signature: url.searchParams.get(PREVIEW_LINK_PARAMS.signature),
  };
}
