import { GrowableColumn, grownInt32, int32Column } from '../../../functions/core/extract/growable-column';

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

describe('grownInt32', () => {
  it('returns the array itself when it has room, else a doubled copy holding the same values', () => {
    const array = Int32Array.of(5, 6, 7, 8);
    expect(grownInt32(array, 4)).toBe(array);
    const bigger = grownInt32(array, 9);
    expect(bigger.length).toBe(16);
    expect([...bigger.subarray(0, 4)]).toEqual([5, 6, 7, 8]);
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
