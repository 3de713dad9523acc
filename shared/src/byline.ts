import { toNfc } from './nfc';

/** The roles printed before names, in the order the CMS offers them. */
export const CREDIT_ROLES = ['Bài', 'Ảnh', 'Bài, ảnh', 'Tin', 'Video', 'Đồ họa', 'Theo'] as const;

export type CreditRole = (typeof CREDIT_ROLES)[number];

export interface BylineCredit {
  role: string;
  name: string;
}

/** Roles in order of appearance, names in capitals: `Bài: NGUYỄN VĂN A, LÊ C - Ảnh: TRẦN B`. */
export function formatByline(credits: readonly BylineCredit[]): string {
  const namesByRole = new Map<string, string[]>();
  for (const credit of credits) {
    // NFC first, so combining marks come out composed; 'vi' gives each accented letter its capital.
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
