/**
 * The wire format of the CMS's `GET /api/site-export`: one JSON line (the page's entries and
 * meta, with `meta.bodyBytes` the byte length of each entry's body), then the bodies' UTF-8 bytes
 * one after another. Bodies are most of an archive's bytes; as bytes they are read from the
 * database, sent and written to the site's cache without ever becoming JS strings.
 */
export const SITE_EXPORT_TYPE = 'application/vnd.toasoan.site-export';

const NEWLINE = 0x0a;

/** A page of the export as it travels: `head` is JSON without raw newlines, as JSON.stringify writes it. */
export function encodeExportPage(
  head: { data: unknown[]; meta: Record<string, unknown> },
  bodies: readonly Uint8Array[],
): Uint8Array[] {
  const line = JSON.stringify({
    ...head,
    meta: { ...head.meta, bodyBytes: bodies.map((body) => body.byteLength) },
  });
  return [new TextEncoder().encode(`${line}\n`), ...bodies];
}

/**
 * Splits a page into its head (parsed JSON, to be checked by the caller's schema) and its bodies,
 * one per entry, as views of `bytes`; throws when the lengths do not add up.
 *
 * @example
 * decodeExportPage(new TextEncoder().encode('{"data":[{}],"meta":{"bodyBytes":[2]}}\nhi')).bodies.length
 * //=> 1
 */
export function decodeExportPage(bytes: Uint8Array): { head: unknown; bodies: Uint8Array[] } {
  const end = bytes.indexOf(NEWLINE);
  if (end === -1) throw new Error('A site-export page has no JSON line.');
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as {
    data?: unknown;
    meta?: { bodyBytes?: unknown };
  };
  const lengths = head.meta?.bodyBytes;
  if (
    !Array.isArray(lengths) ||
    !Array.isArray(head.data) ||
    lengths.length !== head.data.length ||
    !lengths.every((length) => Number.isSafeInteger(length) && length >= 0)
  ) {
    throw new Error('A site-export page names no byte length for each of its entries.');
  }
  const bodies: Uint8Array[] = [];
  let at = end + 1;
  for (const length of lengths as number[]) {
    bodies.push(bytes.subarray(at, at + length));
    at += length;
  }
  if (at !== bytes.byteLength) {
    throw new Error(
      `A site-export page holds ${bytes.byteLength - end - 1} bytes of bodies, not the ${at - end - 1} it names.`,
    );
  }
  return { head, bodies };
}
