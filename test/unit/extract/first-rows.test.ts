import fc from 'fast-check';
import { FirstRows } from '../../../functions/core/extract/first-rows';

describe('FirstRows', () => {
  it('answers each ordinal its row, across rows that added no id', () => {
    // Ids on rows 2, 3, 5, 6, 7, 10 (rows 4, 8 and 9 added none): ordinals 0…5.
    const rows = new FirstRows();
    [2, 3, 5, 6, 7, 10].forEach((row) => rows.add(row));
    expect(rows.size).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((ordinal) => rows.rowOf(ordinal))).toEqual([2, 3, 5, 6, 7, 10]);
  });

  it('agrees with one number per id for any increasing rows (gaps anywhere, some long runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 })), { maxLength: 500 }),
        (steps) => {
          const rows = new FirstRows();
          const dense: number[] = [];
          let row = 1;
          for (const step of steps) {
            row += step;
            rows.add(row);
            dense.push(row);
          }
          expect(dense.map((_, ordinal) => rows.rowOf(ordinal))).toEqual(dense);
        },
      ),
      { numRuns: 200 },
    );
  });
});
