/**
 * Normalizes a string to NFC (composed form).
 *
 * Vietnamese text arrives in both forms: macOS and some keyboards send NFD ("e" + combining
 * accents), most others NFC. They look the same but compare, sort and slugify differently, so
 * everything we store and render is NFC.
 *
 * @example
 * toNfc('Vie\u0323\u0302t Nam') === 'Việt Nam'
 * //=> true
 */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a copy of `value` with every string inside plain objects and arrays NFC-normalized.
 *
 * Only plain objects and arrays are walked: Dates, Buffers, class instances and other values
 * come back as they are (the same reference), and object keys are kept as written because they
 * are field names, not content.
 *
 * @example
 * normalizeDeep({ title: 'Vie\u0323\u0302t', tags: ['Ha\u0300 No\u0323\u0302i'], n: 1 })
 * //=> { title: 'Việt', tags: ['Hà Nội'], n: 1 }
 */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return toNfc(value) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeDeep(item)) as T;
  if (isPlainObject(value)) {
    // fromEntries defines properties, so a JSON key "__proto__" stays data, never a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normalizeDeep(item)]),
    ) as T;
  }
  return value;
}
