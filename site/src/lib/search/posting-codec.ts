// Posting lists as short strings: what makes a query on a phone fetch tens of KB, not hundreds.
// Every list is in the archive's order (newest first), so an article's place in a list also
// says how new it is. Numbers are written as the difference from the previous one (small: the
// CMS numbers articles as they are written), zigzagged to be positive, in base 32 with the last
// digit from another alphabet, so no separator is needed. About 1–2 characters an article.

const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const LAST = '0123456789ghijklmnopqrstuvwxyz-_';
/** 64 characters that need no escaping in JSON: one character holds 0–63. */
const SMALL = MORE + LAST;

const valueOf = new Map<string, number>([
  ...[...MORE].map((char, i) => [char, i] as const),
  ...[...LAST].map((char, i) => [char, i] as const),
]);
const isLast = new Set(LAST);

/**
 * @example
 * encodeNumbers([120, 119, 121]) // +120, −1, +2
 * //=> 'Hm14'
 */
export function encodeNumbers(numbers: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const number of numbers) {
    const delta = number - previous;
    previous = number;
    let value = delta >= 0 ? delta * 2 : -delta * 2 - 1;
    let digits = LAST[value % 32]!;
    value = Math.floor(value / 32);
    while (value > 0) {
      digits = MORE[value % 32]! + digits;
      value = Math.floor(value / 32);
    }
    out += digits;
  }
  return out;
}

export function decodeNumbers(text: string): number[] {
  const numbers: number[] = [];
  let previous = 0;
  let value = 0;
  for (const char of text) {
    const digit = valueOf.get(char) ?? 0;
    value = value * 32 + digit;
    if (!isLast.has(char)) continue;
    previous += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    numbers.push(previous);
    value = 0;
  }
  return numbers;
}

/** Small values (0 … 64^width − 1) in `width` characters each. */
export function encodeSmall(values: readonly number[], width: number): string {
  let out = '';
  for (const value of values) {
    let chars = '';
    let rest = value;
    for (let i = 0; i < width; i++) {
      chars = SMALL[rest % 64]! + chars;
      rest = Math.floor(rest / 64);
    }
    out += chars;
  }
  return out;
}

export function decodeSmall(text: string, width: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < text.length; i += width) {
    let value = 0;
    for (let j = 0; j < width; j++) value = value * 64 + SMALL.indexOf(text[i + j]!);
    values.push(value);
  }
  return values;
}

/**
 * The numbers of `all` that `some` lacks, for `some` a part of `all` in the same order (a
 * syllable's list and one of its written forms'): one walk, no set.
 *
 * @example
 * lacking([9, 4, 7, 2], [9, 7])
 * //=> [4, 2]
 */
export function lacking(all: readonly number[], some: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const number of all) {
    if (number === some[j]) j++;
    else out.push(number);
  }
  return out;
}
