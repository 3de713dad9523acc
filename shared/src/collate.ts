// Vietnamese alphabetical order: a ă â b c d đ e ê … with tones after the bare letter. Byte order
// (a database's, or `sort()`'s) puts "Đ…" and "Á…" after "Z".
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

export function sortVietnamese<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVietnamese(name(a), name(b)));
}
