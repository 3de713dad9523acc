// By hand, not a library: a few fixed shapes, and every value passes through escapeXml.

// Forbidden even escaped (C0 controls, lone surrogates): one pasted in would break a feed.
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** For character data and attribute values; also drops what XML cannot carry, and NFC. */
export function escapeXml(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export function xmlResponse(body: string, contentType = 'application/xml'): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, {
    headers: { 'Content-Type': `${contentType}; charset=utf-8` },
  });
}
