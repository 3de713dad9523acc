/** macOS and some keyboards send NFD: it looks alike but compares and slugifies differently. */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Walks plain objects and arrays only (a Date or Buffer comes back as it is); keys stay. */
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
