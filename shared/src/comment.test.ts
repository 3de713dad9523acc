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

  it('counts an emoji as one character', () => {
    expect(validateComment({ ...good, body: '👍👍👍👍👍' }).ok).toBe(true);
  });
});
