/**
 * An exact map from identifier text to ordinal (0, 1, 2… in order of first sight), held in
 * typed arrays rather than as strings and Map entries.
 *
 * Why: the reader meets millions of ids (nationally 2.7 M contact ids, 1.5 M CIN episode
 * ids, a person id on every row). A Map<string, number> costs the GC tens of bytes per entry
 * to scan and keep, and its keys, being cut from the CSV parser's 64 KB chunks, may keep
 * the whole file's text alive (id-strings.ts). Here an id's characters are copied into an
 * arena, so no id string is kept at all, and the arrays are external memory the GC does not scan.
 *
 * Layout, by ordinal o:
 * - arena: the ids' characters back to back, from offsets[o] to offsets[o + 1]. An id whose
 *   characters are all ≤ 0xFF (Latin-1: nearly every id) takes one byte per character; any
 *   other id takes two bytes per UTF-16 code unit, low byte first. So every JS string,
 *   lone surrogates included, is stored exactly and in the same arena (no second store to
 *   keep in step).
 * - hashes[o]: the id's hash, whose lowest bit says whether it is stored two bytes a
 *   character. Ids match only when their hashes do, so a wide id's bytes are never read as
 *   Latin-1 characters (the bytes of "Ā" are those of "\x00\x01").
 * - slots: open addressing with linear probing, ordinal + 1 per slot (0 = empty). Its size is
 *   a power of two, doubled when more than 3/4 full: probes stay short, and rehashing reads
 *   only `hashes`, never the arena.
 * Every array starts small (a table of a small file costs a few KB) and doubles when full; the
 * old array is let go at once, so each holds at most twice what it needs. A table is let go
 * whole when its reading is done (it is never kept past the read, so it is never trimmed).
 */
import { doubledCapacity, grownInt32 } from './growable-column';
import { DEFAULT_ID_TABLE_LIMITS, type IdTableLimits, limitExceeded } from './limits';

const FIRST_IDS = 64;
const FIRST_ARENA_BYTES = 1024;
/** Twice FIRST_IDS: a power of two above FIRST_IDS ÷ (3/4). */
const FIRST_SLOTS = 128;
/** Grow the slots when more than LOAD_NUMERATOR / LOAD_DENOMINATOR of them are taken. */
const LOAD_NUMERATOR = 3;
const LOAD_DENOMINATOR = 4;

/**
 * The hash of an id: FNV-1a over its UTF-16 code units, then MurmurHash3's finaliser so that
 * every bit (slots are picked by the low ones) depends on every character. The lowest bit
 * is replaced by the id's storage width: 1 when some character is above 0xFF.
 */
export function idHash(text: string): number {
  let hash = 0x811c9dc5;
  let all = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    all |= code;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash & ~1) | (all > 0xff ? 1 : 0);
}

export class IdTable {
  private arena: Uint8Array = new Uint8Array(FIRST_ARENA_BYTES);
  private offsets: Int32Array = new Int32Array(FIRST_IDS + 1);
  private hashes: Int32Array = new Int32Array(FIRST_IDS);
  private slots: Int32Array = new Int32Array(FIRST_SLOTS);
  private count = 0;
  /**
   * The last id looked up and its ordinal: a child's rows often come together (visits), so
   * the same id is asked for many times running. The string keeps its chunk alive (one, 64 KB).
   */
  private lastText: string | null = null;
  private lastOrdinal = -1;

  constructor(private readonly limits: Readonly<IdTableLimits> = DEFAULT_ID_TABLE_LIMITS) {}

  /** How many distinct ids the table holds (the next ordinal). */
  get size(): number {
    return this.count;
  }

  /** The ordinal of `text`, or -1 when it has not been added. */
  find(text: string): number {
    if (text === this.lastText) return this.lastOrdinal;
    const found = this.slots[this.slotOf(text, idHash(text))] - 1;
    if (found >= 0) this.remember(text, found);
    return found;
  }

  /** The ordinal of `text`; the first time it is seen, it is added as the next ordinal. */
  ordinal(text: string): number {
    if (text === this.lastText) return this.lastOrdinal;
    const hash = idHash(text);
    const slot = this.slotOf(text, hash);
    const found = this.slots[slot] - 1;
    const ordinal = found >= 0 ? found : this.insert(text, hash, slot);
    this.remember(text, ordinal);
    return ordinal;
  }

  private remember(text: string, ordinal: number): void {
    this.lastText = text;
    this.lastOrdinal = ordinal;
  }

  /** The slot holding `text`, or the empty slot where it belongs. */
  private slotOf(text: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = (hash >>> 1) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0 || this.matches(entry - 1, text, hash)) return slot;
    }
  }

  /** Whether ordinal `ordinal` is `text`: same hash (so same width), same length, same characters. */
  private matches(ordinal: number, text: string, hash: number): boolean {
    if (this.hashes[ordinal] !== hash) return false;
    const start = this.offsets[ordinal];
    const wide = (hash & 1) === 1;
    if (this.offsets[ordinal + 1] - start !== (wide ? 2 * text.length : text.length)) return false;
    const arena = this.arena;
    if (wide) {
      for (let i = 0, at = start; i < text.length; i++, at += 2)
        if ((arena[at] | (arena[at + 1] << 8)) !== text.charCodeAt(i)) return false;
    } else {
      for (let i = 0; i < text.length; i++) if (arena[start + i] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  private insert(text: string, hash: number, slot: number): number {
    const ordinal = this.count;
    const wide = (hash & 1) === 1;
    const start = this.offsets[ordinal];
    const end = start + (wide ? 2 * text.length : text.length);
    this.checkRoom(ordinal + 1, end);
    if (end > this.arena.length) {
      const bigger = new Uint8Array(Math.min(doubledCapacity(this.arena.length, end), this.limits.bytes));
      bigger.set(this.arena.subarray(0, start));
      this.arena = bigger;
    }
    const arena = this.arena;
    if (wide) {
      for (let i = 0, at = start; i < text.length; i++, at += 2) {
        const code = text.charCodeAt(i);
        arena[at] = code & 0xff;
        arena[at + 1] = code >>> 8;
      }
    } else {
      for (let i = 0; i < text.length; i++) arena[start + i] = text.charCodeAt(i);
    }
    this.offsets = grownInt32(this.offsets, ordinal + 2);
    this.offsets[ordinal + 1] = end;
    this.hashes = grownInt32(this.hashes, ordinal + 1);
    this.hashes[ordinal] = hash;
    this.slots[slot] = ordinal + 1;
    this.count = ordinal + 1;
    if (this.count * LOAD_DENOMINATOR > this.slots.length * LOAD_NUMERATOR) this.rehash(this.slots.length * 2);
    return ordinal;
  }

  /** Fails, rather than answer wrongly, when one more id would pass a limit (limits.ts). */
  private checkRoom(ids: number, bytes: number): void {
    if (ids > this.limits.ids)
      throw limitExceeded(`more than ${this.limits.ids.toLocaleString('en-GB')} distinct identifiers in one id table`);
    if (bytes > this.limits.bytes)
      throw limitExceeded(
        `the distinct identifiers of one id table take more than ${this.limits.bytes.toLocaleString('en-GB')} bytes`,
      );
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let ordinal = 0; ordinal < this.count; ordinal++) {
      let slot = (this.hashes[ordinal] >>> 1) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = ordinal + 1;
    }
    this.slots = slots;
  }
}
