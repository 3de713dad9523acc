import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const request = (peer: string, forwardedFor: string | null = null) => [peer, forwardedFor] as const;

describe('clientIp', () => {
  it.each([
    [request('203.0.113.7'), [], '203.0.113.7'],
    [request('::ffff:203.0.113.7'), [], '203.0.113.7'],
    [request('203.0.113.7', '1.2.3.4'), [], '203.0.113.7'],
    [request('10.0.0.2', '1.2.3.4'), ['10.0.0.2'], '1.2.3.4'],
    [request('10.0.0.2', '9.9.9.9, 1.2.3.4, 10.0.0.1'), ['10.0.0.2', '10.0.0.1'], '1.2.3.4'],
    [request('10.0.0.2'), ['10.0.0.2'], '10.0.0.2'],
  ])('%o behind %o is %s', (incoming, trusted, expected) => {
    expect(clientIp(...incoming, trusted)).toBe(expected);
  });
});
