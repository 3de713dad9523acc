/** One JSON line with `meta.bodyBytes`, then the bodies' bytes, which never become JS strings. */
export const SITE_EXPORT_TYPE = 'application/vnd.toasoan.site-export';

const NEWLINE = 0x0a;

/** `head` is one line: JSON.stringify writes no raw newlines. */
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

/** The head, for the caller's schema to check, and the bodies as views of `bytes`. */
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
