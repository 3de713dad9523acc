import { describe, expect, it } from 'vitest';
import { CREDIT_ROLES, formatByline } from './byline';

describe('formatByline', () => {
  it('prints one credit with the name in capitals', () => {
    expect(formatByline([{ role: 'Bài, ảnh', name: 'Trường Sơn' }])).toBe('Bài, ảnh: TRƯỜNG SƠN');
    expect(formatByline([{ role: 'Tin', name: 'Lê Thị Hồng Nhung' }])).toBe(
      'Tin: LÊ THỊ HỒNG NHUNG',
    );
  });

  it('joins roles with " - " in the order given', () => {
    expect(
      formatByline([
        { role: 'Bài', name: 'Nguyễn Văn A' },
        { role: 'Ảnh', name: 'Trần B' },
      ]),
    ).toBe('Bài: NGUYỄN VĂN A - Ảnh: TRẦN B');
    expect(
      formatByline([
        { role: 'Đồ họa', name: 'Phạm Đức' },
        { role: 'Bài', name: 'Ý Nhi' },
      ]),
    ).toBe('Đồ họa: PHẠM ĐỨC - Bài: Ý NHI');
  });

  it('groups people of the same role, in first-seen order', () => {
    expect(
      formatByline([
        { role: 'Bài', name: 'A' },
        { role: 'Bài', name: 'B' },
      ]),
    ).toBe('Bài: A, B');
    expect(
      formatByline([
        { role: 'Bài', name: 'Nguyễn Văn A' },
        { role: 'Ảnh', name: 'Trần B' },
        { role: 'Bài', name: 'Lê C' },
      ]),
    ).toBe('Bài: NGUYỄN VĂN A, LÊ C - Ảnh: TRẦN B');
  });

  it('uppercases NFD names into NFC capitals', () => {
    const byline = formatByline([
      { role: 'Bài'.normalize('NFD'), name: 'Trường Sơn'.normalize('NFD') },
    ]);
    expect(byline).toBe('Bài: TRƯỜNG SƠN');
    expect(byline).toBe(byline.normalize('NFC'));
    expect(formatByline([{ role: 'Ảnh', name: 'đặng ư'.normalize('NFD') }])).toBe('Ảnh: ĐẶNG Ư');
  });

  it('tidies spaces, skips blank names and repeats', () => {
    expect(formatByline([{ role: ' Bài ', name: '  Trường   Sơn ' }])).toBe('Bài: TRƯỜNG SƠN');
    expect(
      formatByline([
        { role: 'Bài', name: ' ' },
        { role: 'Ảnh', name: 'Minh' },
        { role: 'Ảnh', name: 'minh' },
      ]),
    ).toBe('Ảnh: MINH');
  });

  it('prints names alone when the role is empty', () => {
    expect(formatByline([{ role: '', name: 'Hà An' }])).toBe('HÀ AN');
  });

  it('gives an empty string for no credits', () => {
    expect(formatByline([])).toBe('');
    expect(formatByline([{ role: 'Bài', name: '' }])).toBe('');
  });
});

describe('CREDIT_ROLES', () => {
  it('lists the role labels in NFC', () => {
    expect(CREDIT_ROLES).toEqual(['Bài', 'Ảnh', 'Bài, ảnh', 'Tin', 'Video', 'Đồ họa', 'Theo']);
    for (const role of CREDIT_ROLES) expect(role).toBe(role.normalize('NFC'));
  });
});
