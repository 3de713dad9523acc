import { describe, expect, it } from 'vitest';
import { decodeNumbers, decodeSmall, encodeNumbers, encodeSmall } from './posting-codec';

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

  it('round-trips small values in one or two characters', () => {
    expect(decodeSmall(encodeSmall([0, 5, 63], 1), 1)).toEqual([0, 5, 63]);
    expect(decodeSmall(encodeSmall([0, 64, 4095], 2), 2)).toEqual([0, 64, 4095]);
  });
});
