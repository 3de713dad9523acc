import { toNfc } from './nfc';

/**
 * The credit roles the newsroom prints before names, in the order the CMS offers them.
 *
 * @example
 * CREDIT_ROLES.includes('Bài, ảnh')
 * //=> true
 */
export const CREDIT_ROLES = ['Bài', 'Ảnh', 'Bài, ảnh', 'Tin', 'Video', 'Đồ họa', 'Theo'] as const;

/** One of {@link CREDIT_ROLES}. */
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** A credit as the byline needs it: the role label and the person's name as written. */
export interface BylineCredit {
  role: string;
  name: string;
}

/**
 * Formats an article's credits as the byline printed at its end: roles grouped in the order
 * they first appear, names in capitals.
 *
 * Names are stored in normal case and uppercased only here, with the Vietnamese locale so
 * that every accented letter gets its proper capital (and NFC first, so accents typed as
 * combining marks come out composed).
 *
 * @example
 * formatByline([
 *   { role: 'Bài', name: 'Nguyễn Văn A' },
 *   { role: 'Ảnh', name: 'Trần B' },
 *   { role: 'Bài', name: 'Lê C' },
 * ])
 * //=> 'Bài: NGUYỄN VĂN A, LÊ C - Ảnh: TRẦN B'
 */
export function formatByline(credits: readonly BylineCredit[]): string {
  const namesByRole = new Map<string, string[]>();
  for (const credit of credits) {
    const name = toNfc(credit.name).trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
    if (!name) continue;
    const role = toNfc(credit.role).trim();
    const names = namesByRole.get(role) ?? [];
    if (!names.includes(name)) names.push(name);
    namesByRole.set(role, names);
  }
  return [...namesByRole]
    .map(([role, names]) => (role ? `${role}: ${names.join(', ')}` : names.join(', ')))
    .join(' - ');
}
