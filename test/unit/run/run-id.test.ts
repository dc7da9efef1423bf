import { compareRunIds, isRunId, makeRunId } from '../../../functions/run/run-id';

describe('run ids', () => {
  test('UTC time to the millisecond, trigger and suffix', () => {
    expect(makeRunId(new Date('2013-12-02T07:00:00.450Z'), 'schedule', '3fa1c0')).toBe(
      '20131202T070000.450Z-schedule-3fa1c0',
    );
    expect(isRunId('20131202T070000.450Z-schedule-3fa1c0')).toBe(true);
    expect(isRunId('../../etc')).toBe(false);
  });

  test('string order is time order, across triggers and across a year', () => {
    const ids = [
      makeRunId(new Date('2014-01-01T00:00:00Z'), 'cli', '0000'),
      makeRunId(new Date('2013-12-02T07:00:01Z'), 'rerun', '0000'),
      makeRunId(new Date('2013-12-02T07:00:00.001Z'), 'cli', '0000'),
      makeRunId(new Date('2013-12-02T07:00:00Z'), 'schedule', 'ffff'),
      makeRunId(new Date('2013-12-02T06:59:59Z'), 'schedule', 'aaaa'),
    ];
    expect([...ids].sort(compareRunIds)).toEqual([...ids].reverse());
  });

  test('two runs started in the same millisecond get different ids', () => {
    const at = new Date('2013-12-02T07:00:00Z');
    const ids = new Set(Array.from({ length: 20 }, () => makeRunId(at, 'schedule')));
    expect(ids.size).toBeGreaterThan(1);
  });
});
