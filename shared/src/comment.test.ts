import { describe, expect, it } from 'vitest';
import { validateComment } from './comment';

const good = { name: 'Nguyễn Văn An', email: 'an@example.vn', body: 'Bài viết rất bổ ích.' };

describe('validateComment', () => {
  it('accepts a comment, NFC and trimmed', () => {
    const result = validateComment({
      ...good,
      name: '  Nguye\u0302\u0303n An ',
      body: ' Hay quá! ',
    });
    expect(result).toEqual({
      ok: true,
      value: { name: 'Nguyễn An', email: 'an@example.vn', body: 'Hay quá!' },
    });
  });

  it.each([
    [{ name: 'A' }, 'name', 'Họ tên cần từ 2 đến 60 ký tự.'],
    [{ name: 'x'.repeat(61) }, 'name', 'Họ tên cần từ 2 đến 60 ký tự.'],
    [{ name: 'An\u202Egnol' }, 'name', 'Họ tên chứa ký tự không được phép.'],
    [{ name: 'An\nBình' }, 'name', 'Họ tên chứa ký tự không được phép.'],
    [{ email: '' }, 'email', 'Xin nhập địa chỉ email (không hiển thị công khai).'],
    [{ email: 'an@' }, 'email', 'Địa chỉ email không hợp lệ.'],
    [{ email: `${'a'.repeat(250)}@b.vn` }, 'email', 'Địa chỉ email quá dài.'],
    [{ body: '  Hay ' }, 'body', 'Bình luận cần từ 5 đến 2.000 ký tự.'],
    [{ body: 'x'.repeat(2001) }, 'body', 'Bình luận cần từ 5 đến 2.000 ký tự.'],
    [{ body: 'Xem \u2066đây\u2069 nhé' }, 'body', 'Bình luận chứa ký tự không được phép.'],
    [{ body: 'Chuông\u0007 kêu' }, 'body', 'Bình luận chứa ký tự không được phép.'],
    [
      { body: 'http://a.vn https://b.vn www.c.vn' },
      'body',
      'Bình luận chỉ được chứa tối đa 2 đường link.',
    ],
    [{ name: 42 }, 'name', 'Họ tên cần từ 2 đến 60 ký tự.'],
  ])('refuses %o', (change, field, message) => {
    expect(validateComment({ ...good, ...change })).toEqual({
      ok: false,
      errors: { [field]: message },
    });
  });

  it('keeps line breaks and two links in the text', () => {
    expect(validateComment({ ...good, body: 'Dòng 1\nDòng 2 http://a.vn www.b.vn' }).ok).toBe(true);
  });

  it('removes zero-width characters (the text keeps the joiners of emoji sequences)', () => {
    const result = validateComment({
      ...good,
      name: 'Lan\u200B\u200D Anh\uFEFF',
      body: '\u2060 http\u200B://a.vn 👨\u200D👩\u200D👧 hay\u200B ',
    });
    expect(result).toEqual({
      ok: true,
      value: { ...good, name: 'Lan Anh', body: 'http://a.vn 👨\u200D👩\u200D👧 hay' },
    });
  });

  it('refuses a text of zero-width characters and spaces alone', () => {
    expect(validateComment({ ...good, body: ' \u200B\u200B \uFEFF\u2060\u200B \n\t ' })).toEqual({
      ok: false,
      errors: { body: 'Bình luận cần từ 5 đến 2.000 ký tự.' },
    });
  });

  it('counts an emoji as one character', () => {
    expect(validateComment({ ...good, body: '👍👍👍👍👍' }).ok).toBe(true);
  });
});
