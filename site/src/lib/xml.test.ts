import { describe, expect, it } from 'vitest';
import { escapeXml, xmlElement } from './xml';

describe('escapeXml', () => {
  it('escapes the markup characters', () => {
    expect(escapeXml(`Lúa & "ngô" <mới> 'hè'`)).toBe(
      'Lúa &amp; &quot;ngô&quot; &lt;mới&gt; &apos;hè&apos;',
    );
  });

  it('drops characters XML cannot carry and keeps tabs, newlines and emoji', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
  });

  it('normalizes to NFC', () => {
    expect(escapeXml('Tho\u0302\u0300i')).toBe('Thồi');
  });

  it('wraps text in an element', () => {
    expect(xmlElement('title', 'A & B')).toBe('<title>A &amp; B</title>');
  });
});
