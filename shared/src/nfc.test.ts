import { describe, expect, it } from 'vitest';
import { normalizeDeep, toNfc } from './nfc';

const nfd = (s: string) => s.normalize('NFD');

describe('toNfc', () => {
  it('composes decomposed Vietnamese', () => {
    expect(toNfc(nfd('Việt Nam'))).toBe('Việt Nam');
    expect(toNfc(nfd('Việt Nam')).length).toBe(8);
    expect(toNfc('Đà Nẵng')).toBe('Đà Nẵng');
    expect(toNfc('')).toBe('');
  });
});

describe('normalizeDeep', () => {
  it('normalizes every string in objects and arrays', () => {
    expect(
      normalizeDeep({
        title: nfd('Trường Sơn'),
        tags: [nfd('Hà Nội'), nfd('Huế')],
        credits: [{ role: nfd('Bài, ảnh'), author: { name: nfd('Ý Nhi') } }],
      }),
    ).toEqual({
      title: 'Trường Sơn',
      tags: ['Hà Nội', 'Huế'],
      credits: [{ role: 'Bài, ảnh', author: { name: 'Ý Nhi' } }],
    });
    expect(normalizeDeep(nfd('Đắk Lắk'))).toBe('Đắk Lắk');
  });

  it('leaves numbers, booleans, null, Dates and Buffers alone', () => {
    const date = new Date('2023-10-12T01:29:00Z');
    const buffer = Buffer.from(nfd('ả'));
    const result = normalizeDeep({ n: 1, ok: true, none: null, nothing: undefined, date, buffer });
    expect(result).toEqual({ n: 1, ok: true, none: null, nothing: undefined, date, buffer });
    expect(result.date).toBe(date);
    expect(result.buffer).toBe(buffer);
  });

  it('returns a copy and leaves the input untouched', () => {
    const input = { title: nfd('Sơn'), list: [nfd('ả')] };
    const output = normalizeDeep(input);
    expect(output).not.toBe(input);
    expect(output.list).not.toBe(input.list);
    expect(input.title).toBe(nfd('Sơn'));
  });

  it('keeps keys as written and a "__proto__" key as plain data', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "có"}, "tên": "x"}') as object;
    const output = normalizeDeep(parsed) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['__proto__', 'tên']);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
