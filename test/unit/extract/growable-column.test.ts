import { GrowableColumn, int32Column, uint8Column } from '../../../functions/core/extract/growable-column';

describe('a growable Int32 column', () => {
  it('keeps every value pushed, in order, across growth (3,000 values: past two doublings of 1,024)', () => {
    const column = int32Column();
    for (let i = 0; i < 3000; i += 1) column.push(i % 2 === 0 ? i : -i);
    expect(column.length).toBe(3000);
    const values = column.build();
    expect(values.length).toBe(3000);
    expect([values[0], values[1], values[1023], values[1024], values[2047], values[2048], values[2999]]).toEqual([
      0, -1, -1023, 1024, -2047, 2048, -2999,
    ]);
  });

  it('keeps the int32 extremes (a date may be negative: 1900-01-01 is day -25567)', () => {
    const column = int32Column();
    [-25567, -2147483648, 2147483647].forEach((v) => column.push(v));
    expect(Array.from(column.build())).toEqual([-25567, -2147483648, 2147483647]);
  });

  it('is empty after build, and can be filled again', () => {
    const column = int32Column();
    column.push(7);
    expect(Array.from(column.build())).toEqual([7]);
    expect(column.length).toBe(0);
    expect(column.build().length).toBe(0);
    column.push(8);
    expect(Array.from(column.build())).toEqual([8]);
  });
});

describe('a growable column past its first chunk (65,536 values a chunk)', () => {
  it('reads and replaces values in any chunk, and builds them all in order', () => {
    const column = int32Column();
    const n = 3 * 65_536 + 5;
    for (let i = 0; i < n; i += 1) column.push(i - 100_000);
    expect(column.length).toBe(n);
    expect([column.get(0), column.get(65_535), column.get(65_536), column.get(n - 1)]).toEqual([
      -100_000,
      65_535 - 100_000,
      65_536 - 100_000,
      n - 1 - 100_000,
    ]);
    column.set(65_536, 7);
    column.set(n - 1, 8);
    const values = column.build();
    expect(values.length).toBe(n);
    const wrong: number[] = [];
    values.forEach((v, i) => {
      if (v !== (i === 65_536 ? 7 : i === n - 1 ? 8 : i - 100_000)) wrong.push(i);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps a Uint8 column exactly (a chunk boundary falls inside it)', () => {
    const column = uint8Column();
    for (let i = 0; i < 70_000; i += 1) column.push(i % 3 === 0 ? 1 : 0);
    const flags = column.build();
    expect(flags.length).toBe(70_000);
    expect([flags[65_535], flags[65_536], flags[65_537], flags[69_999]]).toEqual([1, 0, 0, 1]);
  });
});

describe('GrowableColumn', () => {
  it('keeps every value pushed, past its first capacity, in an array of exactly their length', () => {
    const column = new GrowableColumn(Int32Array);
    for (let i = 0; i < 3000; i += 1) column.push(i * 7 - 10_000);
    expect(column.length).toBe(3000);
    const values = column.build();
    expect(values.length).toBe(3000);
    expect(values.buffer.byteLength).toBe(3000 * 4);
    expect(values[0]).toBe(-10_000);
    expect(values[1024]).toBe(1024 * 7 - 10_000);
    expect(values[2999]).toBe(2999 * 7 - 10_000);
  });
});

describe('a column sealed when its table has been read', () => {
  it('holds its values in one exact array: read and replaced by index, built without another copy', () => {
    const column = int32Column();
    const n = 65_536 + 3;
    for (let i = 0; i < n; i += 1) column.push(i);
    column.seal();
    column.seal(); // twice is once
    expect(column.length).toBe(n);
    expect([column.get(0), column.get(65_536), column.get(n - 1)]).toEqual([0, 65_536, n - 1]);
    column.set(65_537, -1);
    const values = column.build();
    expect(values.length).toBe(n);
    expect([values[65_535], values[65_536], values[65_537], values[65_538]]).toEqual([65_535, 65_536, -1, 65_538]);
    // Built, it is an empty column again.
    expect(column.length).toBe(0);
    column.push(5);
    expect(Array.from(column.build())).toEqual([5]);
  });

  it('refuses a value added after sealing, as a fault of the code', () => {
    const column = uint8Column();
    column.push(1);
    column.seal();
    expect(() => column.push(0)).toThrow(/internal: a value added to a column sealed when its table was read/);
    expect(Array.from(column.build())).toEqual([1]);
  });
});
