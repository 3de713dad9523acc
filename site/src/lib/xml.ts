// The feeds and sitemaps are written by hand rather than with a library: they are a few fixed
// shapes, and every value that goes into them passes through escapeXml.

// Characters XML 1.0 forbids anywhere, even escaped (C0 controls other than tab and newlines,
// lone surrogates, U+FFFE/U+FFFF). A stray one pasted into a title would make a feed unreadable.
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Makes text safe as XML character data or an attribute value: escapes the markup characters,
 * drops the characters XML cannot carry, and normalizes to NFC.
 *
 * @example
 * escapeXml('Lúa & "ngô" <mới>')
 * //=> 'Lúa &amp; &quot;ngô&quot; &lt;mới&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** An element with escaped text content: `<name>text</name>`. */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** A Response for an XML document of the static build. */
export function xmlResponse(body: string, contentType = 'application/xml'): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, {
    headers: { 'Content-Type': `${contentType}; charset=utf-8` },
  });
}
