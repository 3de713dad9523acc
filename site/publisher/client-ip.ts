/** `::ffff:203.0.113.7` (IPv4 on a dual-stack socket) → `203.0.113.7`. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** Whether the connection's peer is one of the proxies whose forwarded headers are believed. */
export const isTrustedProxy = (peerAddress: string, trustedProxies: readonly string[]): boolean =>
  trustedProxies.includes(plain(peerAddress));

/**
 * The peer, or when it is a trusted proxy the nearest untrusted X-Forwarded-For address: believed
 * from anyone, that header would let one client pose as thousands past the rate limit.
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
