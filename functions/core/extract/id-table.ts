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
 * Layout, by ordinal o (about 27 bytes an id of 16 characters, nothing ever copied as it grows):
 * - arena: the ids' characters back to back, in chunks of MAX_ID_BYTES (1 MiB); an id that does
 *   not fit in what is left of a chunk starts the next one, so no id is split. An id whose
 *   characters are all ≤ 0xFF (Latin-1: nearly every id) takes one byte per character; any
 *   other id takes two bytes per UTF-16 code unit, low byte first. So every JS string,
 *   lone surrogates included, is stored exactly and in the same arena (no second store to
 *   keep in step). Only the first chunk starts small (1 KB) and doubles up to a whole one.
 * - ends (a chunked column, growable-column.ts): where id o's characters end in the arena; the
 *   top bit says it is stored two bytes a character, so a wide id's bytes are never read as
 *   Latin-1 characters (the bytes of "Ā" are those of "\x00\x01"). It starts where id o − 1
 *   ends, or at the start of the chunk it ends in when it did not fit in the one before.
 * - slots: open addressing with linear probing, per slot 0 (empty) or ordinal + 1 in the low
 *   ORDINAL_BITS bits and a 6-bit tag of the id's hash above them, so only one probe in 64
 *   reads the arena of an id that is not the one sought. The slots grow by half when more
 *   than 3/4 full (so they are 1/2 to 3/4 full); rehashing recomputes each id's hash from the
 *   arena (no hash is kept per id).
 * A table of a small file costs a few KB.
 */
import { int32Column } from './growable-column';
import { DEFAULT_ID_TABLE_LIMITS, type IdTableLimits, limitExceeded, MAX_ID_BYTES, MAX_ID_TABLE_IDS } from './limits';

const ARENA_CHUNK_BITS = Math.log2(MAX_ID_BYTES);
const IN_ARENA_CHUNK = MAX_ID_BYTES - 1;
const FIRST_ARENA_BYTES = 1024;
/** The top bit of an end: the id is stored two bytes a character. */
const WIDE = 1 << 31;
const END = ~WIDE;
/** A slot holds ordinal + 1 in its low bits: up to MAX_ID_TABLE_IDS (2^26 − 1). */
const ORDINAL_BITS = 26;
const ORDINAL_MASK = (1 << ORDINAL_BITS) - 1;
const FIRST_SLOTS = 128;
/** Grow the slots (by half) when more than LOAD_NUMERATOR / LOAD_DENOMINATOR of them are taken. */
const LOAD_NUMERATOR = 3;
const LOAD_DENOMINATOR = 4;
const TWO_TO_32 = 2 ** 32;

/** MurmurHash3's finaliser, so that every bit depends on every character; the lowest bit is the width. */
function finished(hash: number, wide: boolean): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash & ~1) | (wide ? 1 : 0);
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The hash of an id: FNV-1a over its UTF-16 code units, then finished. The lowest bit is
 * replaced by the id's storage width: 1 when some character is above 0xFF.
 */
export function idHash(text: string): number {
  let hash = FNV_BASIS;
  let all = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    all |= code;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  return finished(hash, all > 0xff);
}

/** The slot where a hash's probe starts: its top bits scaled to the table (any size, not only powers of two). */
function firstSlot(hash: number, size: number): number {
  return Math.floor(((hash >>> 0) * size) / TWO_TO_32);
}

/** The tag kept in a slot, in place: 6 bits of the hash other than those that chose the slot. */
function tagOf(hash: number): number {
  return (Math.imul(hash, 0x9e3779b1) >>> ORDINAL_BITS) << ORDINAL_BITS;
}

/**
 * Where an id ending at `end` starts, the one before it ending at `previous`: there, unless it
 * ends in a later chunk (it did not fit in what was left of the previous one), then at that
 * chunk's start. An empty id starts where it ends.
 */
function startAfter(previous: number, end: number): number {
  if (end === previous || previous >>> ARENA_CHUNK_BITS === (end - 1) >>> ARENA_CHUNK_BITS) return previous;
  return (end - 1) & ~IN_ARENA_CHUNK;
}

export class IdTable {
  private readonly arena: Uint8Array[] = [new Uint8Array(FIRST_ARENA_BYTES)];
  /** The arena's next free position. */
  private used = 0;
  private readonly ends = int32Column();
  private slots: Int32Array = new Int32Array(FIRST_SLOTS);
  /**
   * The last id looked up and its ordinal: a child's rows often come together (visits), so
   * the same id is asked for many times running. The string keeps its chunk alive (one, 64 KB).
   */
  private lastText: string | null = null;
  private lastOrdinal = -1;

  constructor(private readonly limits: Readonly<IdTableLimits> = DEFAULT_ID_TABLE_LIMITS) {
    if (limits.ids > MAX_ID_TABLE_IDS) throw new Error(`internal: an id table holds at most ${MAX_ID_TABLE_IDS} ids`);
  }

  /** How many distinct ids the table holds (the next ordinal). */
  get size(): number {
    return this.ends.length;
  }

  /** The ordinal of `text`, or -1 when it has not been added. */
  find(text: string): number {
    if (text === this.lastText) return this.lastOrdinal;
    const found = (this.slots[this.slotOf(text, idHash(text))] & ORDINAL_MASK) - 1;
    if (found >= 0) this.remember(text, found);
    return found;
  }

  /** The ordinal of `text`; the first time it is seen, it is added as the next ordinal. */
  ordinal(text: string): number {
    if (text === this.lastText) return this.lastOrdinal;
    const hash = idHash(text);
    const slot = this.slotOf(text, hash);
    const found = (this.slots[slot] & ORDINAL_MASK) - 1;
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
    const slots = this.slots;
    const size = slots.length;
    const tag = tagOf(hash);
    for (let slot = firstSlot(hash, size); ; slot = slot + 1 === size ? 0 : slot + 1) {
      const entry = slots[slot];
      if (entry === 0) return slot;
      if ((entry & ~ORDINAL_MASK) === tag && this.matches((entry & ORDINAL_MASK) - 1, text, hash)) return slot;
    }
  }

  /** Where id `ordinal`, ending at `end`, starts. */
  private startOf(ordinal: number, end: number): number {
    return startAfter(ordinal === 0 ? 0 : this.ends.get(ordinal - 1) & END, end);
  }

  /** Whether ordinal `ordinal` is `text`: same width, same length, same characters. */
  private matches(ordinal: number, text: string, hash: number): boolean {
    const stored = this.ends.get(ordinal);
    const wide = (hash & 1) === 1;
    if (stored < 0 !== wide) return false;
    const end = stored & END;
    const start = this.startOf(ordinal, end);
    if (end - start !== (wide ? 2 * text.length : text.length)) return false;
    const chunk = this.arena[start >>> ARENA_CHUNK_BITS];
    const at = start & IN_ARENA_CHUNK;
    if (wide) {
      for (let i = 0; i < text.length; i++)
        if ((chunk[at + 2 * i] | (chunk[at + 2 * i + 1] << 8)) !== text.charCodeAt(i)) return false;
    } else {
      for (let i = 0; i < text.length; i++) if (chunk[at + i] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  private insert(text: string, hash: number, slot: number): number {
    const ordinal = this.ends.length;
    const wide = (hash & 1) === 1;
    const bytes = wide ? 2 * text.length : text.length;
    if (bytes > MAX_ID_BYTES)
      throw limitExceeded(`an identifier of more than ${MAX_ID_BYTES.toLocaleString('en-GB')} bytes in an id table`);
    let start = this.used;
    // The next chunk; a multiplication, as a shift would wrap past 2^31 (checkRoom then refuses it).
    if ((start & IN_ARENA_CHUNK) + bytes > MAX_ID_BYTES) start = ((start >>> ARENA_CHUNK_BITS) + 1) * MAX_ID_BYTES;
    const end = start + bytes;
    this.checkRoom(ordinal + 1, end);
    if (bytes > 0) this.write(text, wide, start, end);
    this.ends.push(wide ? end | WIDE : end);
    this.used = end;
    this.slots[slot] = (ordinal + 1) | tagOf(hash);
    if ((ordinal + 1) * LOAD_DENOMINATOR > this.slots.length * LOAD_NUMERATOR)
      this.rehash(Math.ceil(this.slots.length * 1.5));
    return ordinal;
  }

  /** Copies `text` into the arena at [start, end), in one chunk, taking a new chunk (or a bigger first one). */
  private write(text: string, wide: boolean, start: number, end: number): void {
    const k = start >>> ARENA_CHUNK_BITS;
    if (k === this.arena.length) this.arena.push(new Uint8Array(MAX_ID_BYTES));
    else if (k === 0 && end > this.arena[0].length) {
      let length = this.arena[0].length;
      while (length < end) length *= 2;
      const bigger = new Uint8Array(Math.min(length, MAX_ID_BYTES));
      bigger.set(this.arena[0]);
      this.arena[0] = bigger;
    }
    const chunk = this.arena[k];
    const at = start & IN_ARENA_CHUNK;
    if (wide) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        chunk[at + 2 * i] = code & 0xff;
        chunk[at + 2 * i + 1] = code >>> 8;
      }
    } else {
      for (let i = 0; i < text.length; i++) chunk[at + i] = text.charCodeAt(i);
    }
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

  /** New slots of `size`, each id placed again by its hash, recomputed from the arena in one pass. */
  private rehash(size: number): void {
    const slots = new Int32Array(size);
    let previous = 0;
    for (let ordinal = 0; ordinal < this.ends.length; ordinal++) {
      const stored = this.ends.get(ordinal);
      const end = stored & END;
      const start = startAfter(previous, end);
      const hash = this.storedHash(start, end, stored < 0);
      let slot = firstSlot(hash, size);
      while (slots[slot] !== 0) slot = slot + 1 === size ? 0 : slot + 1;
      slots[slot] = (ordinal + 1) | tagOf(hash);
      previous = end;
    }
    this.slots = slots;
  }

  /** idHash of the id stored at [start, end), from its bytes. */
  private storedHash(start: number, end: number, wide: boolean): number {
    const chunk = this.arena[start >>> ARENA_CHUNK_BITS];
    const from = start & IN_ARENA_CHUNK;
    const to = from + end - start;
    let hash = FNV_BASIS;
    if (wide)
      for (let at = from; at < to; at += 2) hash = Math.imul(hash ^ (chunk[at] | (chunk[at + 1] << 8)), FNV_PRIME);
    else for (let at = from; at < to; at++) hash = Math.imul(hash ^ chunk[at], FNV_PRIME);
    return finished(hash, wide);
  }
}
