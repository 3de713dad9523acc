import { describe, expect, it } from 'vitest';
import { decodeFields, decodeNumbers, encodeFields, encodeNumbers, lacking } from './posting-codec';

describe('posting codec', () => {
  it.each([[[]], [[1]], [[120, 119, 121]], [[20000, 19999, 19998, 5, 19997, 1_000_000]]])(
    'round-trips %j',
    (numbers) => {
      expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
    },
  );

  it('writes neighbours in one character each', () => {
    expect(encodeNumbers([120, 119, 121])).toBe('Hm14');
    expect(encodeNumbers([5000, 4999, 4998, 4997]).length).toBe(3 + 3);
  });

  it.each([[[]], [[1]], [[1, 3, 2, 1]], [[3, 3, 3, 2, 2, 2, 1]]])(
    'round-trips the fields %j, three to a character',
    (fields) => {
      const text = encodeFields(fields);
      expect(text.length).toBe(Math.ceil(fields.length / 3));
      expect(decodeFields(text, fields.length)).toEqual(fields);
    },
  );

  it('lists what a part of a list lacks', () => {
    expect(lacking([9, 4, 7, 2], [9, 7])).toEqual([4, 2]);
    expect(lacking([9, 4], [])).toEqual([9, 4]);
    expect(lacking([9, 4], [9, 4])).toEqual([]);
  });
});
