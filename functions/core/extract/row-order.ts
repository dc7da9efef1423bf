/**
 * Rows of one table kept in two lists as read (those complete when read, and those linked later): merged back
 * into file order, the order every list of the extract keeps (a data-quality message's rows read top to bottom).
 */

/** Two lists of rows of one table, each in file order, as one in file order. */
export function inRowOrder<T extends { row: number }>(a: T[], b: T[]): T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    merged.push(j === b.length || (i < a.length && a[i].row < b[j].row) ? a[i++] : b[j++]);
  return merged;
}
