import { describe, expect, it } from 'vitest';
import { hashProps } from './render-plan';
import { inShare, LEAD_SHARE, PARTNER_SHARE } from './render-share';

describe('render shares', () => {
  const hashes = Array.from({ length: 2000 }, (_, i) =>
    hashProps('/[category]/[article]', { article: i }),
  );

  it('gives every page to exactly one process', () => {
    for (const hash of hashes) {
      expect(inShare(hash, LEAD_SHARE)).not.toBe(inShare(hash, PARTNER_SHARE));
    }
  });

  it('splits the pages of a full build about evenly between the lead and its partner', () => {
    const lead = hashes.filter((hash) => inShare(hash, LEAD_SHARE)).length;
    // 2,000 fair coin flips land within 45–55 % with certainty for any practical purpose.
    expect(lead / hashes.length).toBeGreaterThan(0.45);
    expect(lead / hashes.length).toBeLessThan(0.55);
  });
});
