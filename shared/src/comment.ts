import { z } from 'zod';

/** Limits of a reader's comment; the form's `maxlength` attributes use the same numbers. */
export const COMMENT_LIMITS = {
  nameMin: 2,
  nameMax: 60,
  emailMax: 254,
  bodyMin: 5,
  bodyMax: 2000,
  linksMax: 2,
} as const;

// Line breaks are allowed in the text, not in the name; bidi controls can make a name or a link
// read backwards ("Trojan Source").
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\t\n\r]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const LINK = /\bhttps?:\/\/|\bwww\./giu;
// Zero-width characters are removed, not refused: pasted text carries them unseen, and they
// would let a text dodge the duplicate and link rules. The text keeps the joiners emoji need.
const ZERO_WIDTH_TEXT = /[\u200B\u2060\uFEFF]/gu;
const ZERO_WIDTH_NAME = /[\u200B-\u200D\u2060\uFEFF]/gu;

const clean = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').trim() : '');
const cleanWithout = (zeroWidth: RegExp) => (value: unknown) =>
  clean(typeof value === 'string' ? value.replace(zeroWidth, '') : value);
// Code points, not UTF-16 units: an emoji counts as one character for the reader.
const length = (value: string) => [...value].length;

/** Strings are NFC-normalized, stripped of zero-width characters and trimmed, then measured. */
export const commentInputSchema = z.object({
  name: z
    .unknown()
    .transform(cleanWithout(ZERO_WIDTH_NAME))
    .superRefine((name, ctx) => {
      if (length(name) < COMMENT_LIMITS.nameMin || length(name) > COMMENT_LIMITS.nameMax)
        ctx.addIssue({ code: 'custom', message: 'Họ tên cần từ 2 đến 60 ký tự.' });
      else if (CONTROL.test(name) || LINE_BREAK.test(name) || BIDI.test(name))
        ctx.addIssue({ code: 'custom', message: 'Họ tên chứa ký tự không được phép.' });
    }),
  email: z
    .unknown()
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, 'Xin nhập địa chỉ email (không hiển thị công khai).')
        .max(COMMENT_LIMITS.emailMax, 'Địa chỉ email quá dài.')
        .email('Địa chỉ email không hợp lệ.'),
    ),
  body: z
    .unknown()
    .transform(cleanWithout(ZERO_WIDTH_TEXT))
    .superRefine((body, ctx) => {
      if (length(body) < COMMENT_LIMITS.bodyMin || length(body) > COMMENT_LIMITS.bodyMax)
        ctx.addIssue({ code: 'custom', message: 'Bình luận cần từ 5 đến 2.000 ký tự.' });
      else if (CONTROL.test(body) || BIDI.test(body))
        ctx.addIssue({ code: 'custom', message: 'Bình luận chứa ký tự không được phép.' });
      else if ((body.match(LINK) ?? []).length > COMMENT_LIMITS.linksMax)
        ctx.addIssue({ code: 'custom', message: 'Bình luận chỉ được chứa tối đa 2 đường link.' });
    }),
});

export type CommentInput = z.output<typeof commentInputSchema>;
export type CommentField = keyof CommentInput;
export type CommentErrors = Partial<Record<CommentField, string>>;

/** The cleaned values, or the first Vietnamese message of each wrong field (for the form). */
export function validateComment(
  input: Record<string, unknown>,
): { ok: true; value: CommentInput } | { ok: false; errors: CommentErrors } {
  const parsed = commentInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: CommentErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CommentField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
