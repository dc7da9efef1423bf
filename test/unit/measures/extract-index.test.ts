import { groupVisitDays, visitDaysOf } from '../../../functions/core/measures/extract-index';

describe('groupVisitDays', () => {
  it('groups visit days by person, ascending, whatever the input order', () => {
    const grouped = groupVisitDays({ length: 6, person: Int32Array.from([2, 0, 2, 0, 2, 0]), day: Int32Array.from([30, 5, 10, 6, 20, 7]), unseenRows: 0 }, 3);
    expect(Array.from(visitDaysOf(grouped, 0))).toEqual([5, 6, 7]); // already in order
    expect(Array.from(visitDaysOf(grouped, 1))).toEqual([]);
    expect(Array.from(visitDaysOf(grouped, 2))).toEqual([10, 20, 30]); // sorted
    expect(Array.from(visitDaysOf(grouped, 7))).toEqual([]); // beyond the known people
  });
});
