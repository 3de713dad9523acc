// Vietnamese alphabetical order: a ă â b c d đ e ê … with tones after the bare letter. Byte order
// (a database's, or `sort()`'s) puts "Đ…" and "Á…" after "Z".
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/**
 * Compares two names or titles in Vietnamese order, for `sort()`.
 *
 * @example
 * ['Đức', 'Dũng', 'Em'].sort(compareVietnamese)
 * //=> ['Dũng', 'Đức', 'Em']
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

/**
 * A copy of `items` in Vietnamese order of `name(item)`.
 *
 * @example
 * sortVietnamese([{ name: 'Đức' }, { name: 'Dũng' }], (a) => a.name).map((a) => a.name)
 * //=> ['Dũng', 'Đức']
 */
export function sortVietnamese<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVietnamese(name(a), name(b)));
}
