/** Small readers for rendered HTML in tests: cells of a row by its data-code, and text without tags. */

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/t[dh]>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  ).trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The cells (<th> and <td>, whole tags) of the indicator row with this code; throws when absent. */
export function rowCells(html: string, code: string): string[] {
  const escapedCode = escapeRegExp(code);
  const match = new RegExp(`<tr class="pi-row[^"]*" data-code="${escapedCode}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row for ${code}`);
  return [...match[1].matchAll(/<(t[dh])\b[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[0]);
}

/** The text of the compact line of months under the indicator row with this code; throws when absent. */
export function monthsLine(html: string, code: string): string {
  const match = new RegExp(`<tr class="pi-months" data-code="${escapeRegExp(code)}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no line of months for ${code}`);
  return textOf(match[1]).replace(/\u00a0|&nbsp;/g, ' ');
}
