/** The workbook's file name as attached to the email and named in its body: the one place it is made. */
import type { Period } from '../types';

/** `Haringey`, `2013-11` → `haringey-pack-2013-11.xlsx`. */
export function workbookName(authority: string, period: Period): string {
  const slug = authority
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'indicator'}-pack-${period}.xlsx`;
}
