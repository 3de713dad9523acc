// Deltas, zigzagged, in base 32 with the last digit from another alphabet: no separator needed.

const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const LAST = '0123456789ghijklmnopqrstuvwxyz-_';
/** 64 characters that need no escaping in JSON: one character holds 0–63. */
const SMALL = MORE + LAST;

// A table, not a Map: decoding a 20,000-article list is most of a query's and a publish's CPU.
const DIGITS = new Uint8Array(128);
[...MORE].forEach((char, i) => (DIGITS[char.charCodeAt(0)] = i));
[...LAST].forEach((char, i) => (DIGITS[char.charCodeAt(0)] = 64 + i));
const SMALL_VALUES = new Uint8Array(128);
[...SMALL].forEach((char, i) => (SMALL_VALUES[char.charCodeAt(0)] = i));

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
  for (let i = 0; i < text.length; i++) {
    const digit = DIGITS[text.charCodeAt(i)] ?? 0;
    value = value * 32 + (digit & 31);
    if (digit < 64) continue;
    previous += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    numbers.push(previous);
    value = 0;
  }
  return numbers;
}

/** Fields (1 title, 2 sapo, 3 both), three to a character. */
export function encodeFields(fields: readonly number[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i += 3) {
    const value =
      ((fields[i] ?? 1) - 1) * 9 + ((fields[i + 1] ?? 1) - 1) * 3 + (fields[i + 2] ?? 1) - 1;
    out += SMALL[value];
  }
  return out;
}

export function decodeFields(text: string, count: number): number[] {
  const fields = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const value = SMALL_VALUES[text.charCodeAt(Math.floor(i / 3))] ?? 0;
    const place = i % 3;
    fields[i] =
      (place === 0 ? Math.floor(value / 9) : place === 1 ? Math.floor(value / 3) % 3 : value % 3) +
      1;
  }
  return fields;
}

/** `some` is a part of `all` in the same order: one walk, no set. */
export function lacking(all: readonly number[], some: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const number of all) {
    if (number === some[j]) j++;
    else out.push(number);
  }
  return out;
}
