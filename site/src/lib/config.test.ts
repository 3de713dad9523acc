import { describe, expect, it } from 'vitest';
import { DEFAULT_MASTHEAD, parseMasthead } from './config';

describe('parseMasthead', () => {
  it('splits on | and on newlines, trimming each line', () => {
    expect(parseMasthead('Tổng biên tập: Nguyễn Văn A | Địa chỉ: 1 Lê Lợi')).toEqual([
      'Tổng biên tập: Nguyễn Văn A',
      'Địa chỉ: 1 Lê Lợi',
    ]);
    expect(parseMasthead('Dòng một\nDòng hai\r\n\n')).toEqual(['Dòng một', 'Dòng hai']);
  });

  it('falls back to the placeholder when unset or blank', () => {
    expect(parseMasthead(undefined)).toEqual(DEFAULT_MASTHEAD);
    expect(parseMasthead(' | ')).toEqual(DEFAULT_MASTHEAD);
  });
});
