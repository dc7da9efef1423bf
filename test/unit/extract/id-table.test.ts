import fc from 'fast-check';
import { IdTable, idHash } from '../../../functions/core/extract/id-table';
import { FileFailureError, MAX_ID_BYTES, MAX_ID_TABLE_IDS } from '../../../functions/core/extract/limits';

/** A Map<string, number> giving ordinals in order of first sight: the definition IdTable must agree with. */
function modelOrdinal(model: Map<string, number>, text: string): number {
  let ordinal = model.get(text);
  if (ordinal === undefined) {
    ordinal = model.size;
    model.set(text, ordinal);
  }
  return ordinal;
}

describe('IdTable', () => {
  it('gives ordinals 0, 1, 2… in order of first sight, the same one again for the same text', () => {
    const table = new IdTable();
    expect(table.ordinal('C1')).toBe(0);
    expect(table.ordinal('C2')).toBe(1);
    expect(table.ordinal('C1')).toBe(0);
    expect(table.ordinal('')).toBe(2);
    expect(table.ordinal('C3')).toBe(3);
    expect(table.size).toBe(4);
    expect(table.find('C2')).toBe(1);
    expect(table.find('')).toBe(2);
    expect(table.find('C4')).toBe(-1);
    expect(table.find('c1')).toBe(-1);
    expect(table.size).toBe(4); // find adds nothing
  });

  it('answers for a text equal to the last one but a different string, and after a different id', () => {
    const table = new IdTable();
    const first = 'person-000000000001';
    expect(table.ordinal(first)).toBe(0);
    expect(table.ordinal(`person-${'000000000001'}`)).toBe(0);
    expect(table.find('person-000000000002')).toBe(-1);
    expect(table.ordinal('person-000000000002')).toBe(1);
    expect(table.find(first)).toBe(0);
  });

  it('tells apart ids whose hashes are equal, by their characters', () => {
    // Found by trying P0, P1, …: these two have the same 32-bit hash.
    expect(idHash('P74804')).toBe(idHash('P83920'));
    const table = new IdTable();
    expect(table.ordinal('P74804')).toBe(0);
    expect(table.find('P83920')).toBe(-1);
    expect(table.ordinal('P83920')).toBe(1);
    expect(table.find('P74804')).toBe(0);
    expect(table.find('P83920')).toBe(1);
  });

  it('never takes a wide id for the Latin-1 id its bytes spell', () => {
    // 'Ā' (U+0100) is stored as the bytes 00 01, which are also the Latin-1 text '\x00\x01'.
    const table = new IdTable();
    expect(table.ordinal('Ā')).toBe(0);
    expect(table.find('\x00\x01')).toBe(-1);
    expect(table.ordinal('\x00\x01')).toBe(1);
    expect(table.ordinal('\u0001')).toBe(2);
    expect(table.find('Ā')).toBe(0);
    expect(table.find('\uD800')).toBe(-1); // a lone surrogate, not yet added
    expect(table.ordinal('\uD800')).toBe(3);
    expect(table.find('\uD800')).toBe(3);
  });

  it('keeps every id through many doublings of its arrays (100,000 ids, some long, some wide)', () => {
    const table = new IdTable();
    const id = (i: number): string => (i % 1000 === 0 ? `${'x'.repeat(5000)}${i}` : i % 7 === 0 ? `é€${i}` : `C${i}`);
    const wrong = (answer: (i: number) => number): number[] => {
      const indexes: number[] = [];
      for (let i = 0; i < 100_000; i++) if (answer(i) !== i) indexes.push(i);
      return indexes;
    };
    expect(wrong((i) => table.ordinal(id(i)))).toEqual([]);
    expect(table.size).toBe(100_000);
    expect(wrong((i) => table.find(id(i)))).toEqual([]);
    expect(table.find('C100000')).toBe(-1);
    expect(table.find(`${'x'.repeat(5000)}1`)).toBe(-1);
  });

  it('agrees with a Map on any sequence of adds and finds (random, non-Latin-1, empty and long texts)', () => {
    const text = fc.oneof(
      // few distinct texts: many repeats, and many ids probing the same slots
      fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', 'é', 'Ā') }),
      fc.string({ maxLength: 30, unit: 'binary' }), // any code point, astral ones as surrogate pairs
      fc.string({ maxLength: 10, unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      fc.string({ minLength: 200, maxLength: 2000 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), text), { maxLength: 400 }), (steps) => {
        const table = new IdTable();
        const model = new Map<string, number>();
        for (const [add, t] of steps) {
          if (add) expect(table.ordinal(t)).toBe(modelOrdinal(model, t));
          else expect(table.find(t)).toBe(model.get(t) ?? -1);
        }
        expect(table.size).toBe(model.size);
        for (const [t, ordinal] of model) expect(table.find(t)).toBe(ordinal);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps ids across the arena chunks (1 MiB): an id that does not fit starts the next one', () => {
    // 1,000 characters each, every fifth wide (2,000 bytes): the end of most chunks is left unused.
    const table = new IdTable();
    const ids = Array.from({ length: 3000 }, (_, i) => `${i}`.padStart(1000, i % 5 === 0 ? 'Ā' : 'x'));
    const ordinals = ids.map((_, i) => i);
    expect(ids.map((id) => table.ordinal(id))).toEqual(ordinals);
    expect(ids.map((id) => table.find(id))).toEqual(ordinals);
    expect(table.find(`${3000}`.padStart(1000, 'x'))).toBe(-1);
    expect(table.find(`${5}`.padStart(1000, 'x'))).toBe(-1); // the same text stored wide is another id
  });

  it('keeps an empty id on a chunk boundary, and the id after it', () => {
    // 1,024 ids of 1,024 characters fill the first chunk exactly: '' then ends where the next chunk starts.
    const table = new IdTable();
    const ids = [...Array.from({ length: 1024 }, (_, i) => `${i}`.padStart(1024, 'y')), '', 'after', 'z'];
    const ordinals = ids.map((_, i) => i);
    expect(ids.map((id) => table.ordinal(id))).toEqual(ordinals);
    expect(ids.map((id) => table.find(id))).toEqual(ordinals);
    expect(table.ordinal('')).toBe(1024);
  });

  it('agrees with a Map when its ids cross chunks and its slots grow (long, wide and repeated texts)', () => {
    // Long texts built as a run of one character and a short tail: many share a length and a start,
    // so only their ends tell them apart, and a few dozen fill an arena chunk.
    const long = (unit: string, min: number, max: number) =>
      fc
        .tuple(fc.integer({ min, max }), fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', 'Ā') }))
        .map(([length, tail]) => unit.repeat(length) + tail);
    const text = fc.oneof(
      long('a', 20_000, 20_010),
      long('Ā', 10_000, 10_010),
      fc.string({ maxLength: 2, unit: fc.constantFrom('a', 'Ā') }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 100, maxLength: 200 }), (texts) => {
        const table = new IdTable();
        const model = new Map<string, number>();
        for (const t of texts) expect(table.ordinal(t)).toBe(modelOrdinal(model, t));
        for (const [t, ordinal] of model) expect(table.find(t)).toBe(ordinal);
      }),
      { numRuns: 10 },
    );
  });

  it('fails with a limit-exceeded error, not a wrong answer, beyond its limits', () => {
    const few = new IdTable({ ids: 3, bytes: 100 });
    ['a', 'b', 'c'].forEach((t, i) => expect(few.ordinal(t)).toBe(i));
    expect(() => few.ordinal('d')).toThrow(FileFailureError);
    expect(() => few.ordinal('d')).toThrow('more than 3 distinct identifiers in one id table');
    expect(few.ordinal('b')).toBe(1); // ids already held are still answered
    expect(few.find('d')).toBe(-1);

    const small = new IdTable({ ids: 100, bytes: 10 });
    expect(small.ordinal('12345')).toBe(0);
    expect(small.ordinal('Āb')).toBe(1); // 4 bytes: 9 in all
    expect(() => small.ordinal('xy')).toThrow('take more than 10 bytes');
    expect(small.ordinal('z')).toBe(2); // 10 bytes: exactly the limit
  });

  it('counts, against its byte limit, the end of a chunk an id did not fit in', () => {
    // The first id leaves 5 bytes of the first chunk; the 10-byte id after it takes the next chunk's
    // first 10 bytes, ending at 1 MiB + 10: exactly the limit. One byte more is past it.
    const table = new IdTable({ ids: 100, bytes: MAX_ID_BYTES + 10 });
    expect(table.ordinal('x'.repeat(MAX_ID_BYTES - 5))).toBe(0);
    expect(table.ordinal('y'.repeat(10))).toBe(1);
    expect(() => table.ordinal('z')).toThrow(`take more than ${(MAX_ID_BYTES + 10).toLocaleString('en-GB')} bytes`);
    expect(table.find('y'.repeat(10))).toBe(1);
  });

  it('holds an id of MAX_ID_BYTES (1 MiB), refuses a longer one, cannot be made to hold too many ids', () => {
    const table = new IdTable();
    expect(table.ordinal('x'.repeat(MAX_ID_BYTES))).toBe(0);
    expect(() => table.ordinal('y'.repeat(MAX_ID_BYTES + 1))).toThrow(FileFailureError);
    expect(() => table.ordinal('Ā'.repeat(MAX_ID_BYTES / 2 + 1))).toThrow('an identifier of more than 1,048,576 bytes');
    expect(table.size).toBe(1);
    expect(() => new IdTable({ ids: MAX_ID_TABLE_IDS + 1, bytes: 10 })).toThrow('at most 67108863 ids');
  });
});
