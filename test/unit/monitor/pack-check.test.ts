import { dueReportPeriod, latestPointerKey, packPublishedRecord } from '../../../functions/monitor/pack-check';

describe('dueReportPeriod', () => {
  test('is the month before the current one', () => {
    expect(dueReportPeriod(new Date('2013-12-05T09:00:00Z'))).toBe('2013-11');
    expect(dueReportPeriod(new Date('2014-01-05T09:00:00Z'))).toBe('2013-12');
  });

  test('takes the month in UK time: 00:30 BST on 1 June is June, though UTC is still May', () => {
    expect(dueReportPeriod(new Date('2014-05-31T23:30:00Z'))).toBe('2014-05');
    // In winter UK time is UTC: 23:30 UTC on 30 November is still November.
    expect(dueReportPeriod(new Date('2013-11-30T23:30:00Z'))).toBe('2013-10');
  });
});

test('latest.json of a month is the proof that its run succeeded', () => {
  expect(latestPointerKey('2013-11')).toBe('reports/2013-11/latest.json');
});

test('the metric record is CloudWatch Embedded Metric Format with the bucket as dimension', () => {
  const at = new Date('2013-12-05T09:00:00Z');
  expect(packPublishedRecord('data-bucket-1', '2013-11', false, at)).toEqual({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: 'IndicatorPack',
          Dimensions: [['DataBucket']],
          Metrics: [{ Name: 'MonthlyPackPublished', Unit: 'Count' }],
        },
      ],
    },
    DataBucket: 'data-bucket-1',
    MonthlyPackPublished: 0,
    period: '2013-11',
  });
  expect(packPublishedRecord('data-bucket-1', '2013-11', true, at).MonthlyPackPublished).toBe(1);
});
