/**
 * The list of former values (addresses, slugs) after `current` replaced `former`: `former` is
 * appended once, and `current` leaves the list (an article moved back to an old address is live
 * there again, not redirected). Anything that is not a non-empty string is dropped, so a list
 * edited by hand cannot break the site's build.
 *
 * @example
 * rememberFormer(['/thoi-su/a-1.html'], '/thoi-su/b-1.html', '/kinh-te/b-1.html')
 * //=> ['/thoi-su/a-1.html', '/thoi-su/b-1.html']
 */
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
