import { describe, expect, it } from 'vitest';
import { decodeExportPage, encodeExportPage } from './export-frame';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (view: Uint8Array) => new TextDecoder().decode(view);
const joined = (parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) all.set(part, (at += part.byteLength) - part.byteLength);
  return all;
};

describe('the site-export wire format', () => {
  it('carries Vietnamese bodies, empty ones and newlines through unchanged', () => {
    const bodies = ['## Xây dựng Đảng\n\nNgười dân', '', 'một\ndòng\n'].map(bytes);
    const page = joined(
      encodeExportPage({ data: [{ id: 1 }, { id: 2 }, { id: 3 }], meta: { next: 3 } }, bodies),
    );
    const { head, bodies: back } = decodeExportPage(page);
    expect(head).toEqual({
      data: [{ id: 1 }, { id: 2 }, { id: 3 }],
      meta: { next: 3, bodyBytes: [37, 0, 12] }, // ạ ư Đ ờ… take 2–3 bytes each
    });
    expect(back.map(text)).toEqual(['## Xây dựng Đảng\n\nNgười dân', '', 'một\ndòng\n']);
  });

  it('refuses a page whose lengths do not add up or are missing', () => {
    const page = joined(encodeExportPage({ data: [{}], meta: { next: null } }, [bytes('abc')]));
    expect(() => decodeExportPage(page.subarray(0, page.byteLength - 1))).toThrow(
      /holds 2 bytes of bodies, not the 3/,
    );
    expect(() => decodeExportPage(bytes('{"data":[{}],"meta":{}}\n'))).toThrow(/no byte length/);
    expect(() => decodeExportPage(bytes('{"data":[]'))).toThrow(/no JSON line/);
  });
});
