/**
 * Text quoted from the input (a cell, a key) escaped for a report a person reads on a
 * terminal or in a message: control characters (a line break, an ESC that starts a
 * terminal escape sequence), line separators and invisible/bidi characters become
 * `\u00XX`, so hostile input cannot break one-line-per-problem reports, drive the
 * terminal, or reorder the text on screen.
 */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
