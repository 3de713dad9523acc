/** `::ffff:203.0.113.7` (IPv4 on a dual-stack socket) → `203.0.113.7`. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** Whether the connection's peer is one of the proxies whose forwarded headers are believed. */
export const isTrustedProxy = (peerAddress: string, trustedProxies: readonly string[]): boolean =>
  trustedProxies.includes(plain(peerAddress));

/**
 * The reader's address: the connection's peer, or — only when that peer is one of
 * `trustedProxies` — the nearest address in X-Forwarded-For that is not a trusted proxy itself.
 * Anyone can write X-Forwarded-For; believing it from anyone would let one client pose as
 * thousands and walk around the rate limit.
 *
 * @example
 * clientIp('10.0.0.2', '1.2.3.4, 10.0.0.2', ['10.0.0.2'])
 * //=> '1.2.3.4'
 */
export function clientIp(
  peerAddress: string,
  forwardedFor: string | null,
  trustedProxies: readonly string[],
): string {
  const peer = plain(peerAddress);
  if (!isTrustedProxy(peer, trustedProxies)) return peer;
  const hops = (forwardedFor ?? '').split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  }
  return peer;
}
