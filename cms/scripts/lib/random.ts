/**
 * Small deterministic random numbers for generated content: the same seed always gives the same
 * sequence, so a fresh database seeded twice holds the same pictures and articles.
 */

/** A number in [0, 1), like Math.random(). */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for made-up text and pictures (not for secrets). */
export function randomFromSeed(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded from a string (FNV-1a hash of its code points). */
export function randomFrom(key: string): Random {
  let seed = 0x811c9dc5;
  for (const char of key) {
    seed ^= char.codePointAt(0) ?? 0;
    seed = Math.imul(seed, 0x01000193);
  }
  return randomFromSeed(seed);
}

/** An integer in [min, max]. */
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** One item of a non-empty list, each as likely. */
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

/** One key of `weights`, in proportion to its weight. */
export function pickWeighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let point = random() * total;
  for (const [key, weight] of entries) {
    point -= weight;
    if (point < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** `count` different items of `items` (all of them when it has fewer), in random order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  return chosen;
}
