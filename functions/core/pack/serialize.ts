/**
 * pack.json as bytes: pretty JSON with a trailing newline. Key order is the order the
 * pack was built in (fixed by buildPack), so the same pack always gives the same text.
 */
import type { Pack } from './pack-types';

export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
