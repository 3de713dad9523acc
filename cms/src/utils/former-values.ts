// `current` leaves the list: an article moved back to an old address is live there, not
// redirected. Anything but non-empty strings is dropped: a hand-edited list cannot break a build.
export function rememberFormer(
  list: unknown,
  former: string | null,
  current: string | null,
): string[] {
  const known = Array.isArray(list)
    ? list.filter((value): value is string => typeof value === 'string' && value !== '')
    : [];
  const values = former === null ? known : [...known, former];
  return [...new Set(values)].filter((value) => value !== current);
}

/** True when a stored list (null when never written) holds `b`'s values in the same order. */
export function sameList(stored: unknown, b: readonly string[]): boolean {
  const a = Array.isArray(stored) ? stored : [];
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
