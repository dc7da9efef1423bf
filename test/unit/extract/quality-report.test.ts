import { ProblemCollector } from '../../../functions/core/extract/problems';
import { formatQualityReport } from '../../../functions/core/extract/quality-report';

describe('formatQualityReport', () => {
  it('says so when there is nothing to report', () => {
    expect(formatQualityReport(new ProblemCollector().result())).toBe('Data quality: no problems found.\n');
  });

  it('groups problems by kind, names where each is, and counts the unlisted rest', () => {
    const problems = new ProblemCollector();
    for (let row = 2; row <= 53; row++) {
      problems.error({
        kind: 'bad-date',
        table: 'ssd_cp_visits',
        row,
        column: 'cppv_cp_visit_date',
        value: 'soon',
        message: 'not a valid date',
      });
    }
    problems.error({
      kind: 'missing-table',
      table: 'ssd_cp_reviews',
      row: null,
      column: null,
      value: null,
      message: 'table ssd_cp_reviews is missing',
    });
    problems.warning({
      kind: 'same-day-plan',
      table: 'ssd_cp_plans',
      row: 7,
      column: 'cppl_cp_plan_end_date',
      value: '2013-01-01',
      message: 'plan starts and ends on the same day',
    });
    const lines = formatQualityReport(problems.result()).split('\n');
    expect(lines[0]).toBe('Data quality: 53 errors, 1 warning. Errors stop the run.');
    expect(lines[1]).toBe('Errors:');
    expect(lines[2]).toBe('  bad-date (52):');
    expect(lines[3]).toBe('    ssd_cp_visits, row 2, column cppv_cp_visit_date, value "soon": not a valid date');
    expect(lines[53]).toBe('    ... and 2 more not listed');
    expect(lines.slice(54)).toEqual([
      '  missing-table (1):',
      '    ssd_cp_reviews: table ssd_cp_reviews is missing',
      'Warnings:',
      '  same-day-plan (1):',
      '    ssd_cp_plans, row 7, column cppl_cp_plan_end_date, value "2013-01-01": plan starts and ends on the same day',
      '',
    ]);
  });

  it('shows line breaks and terminal escapes quoted from the extract escaped, one problem per line', () => {
    const problems = new ProblemCollector();
    problems.error({
      kind: 'bad-date',
      table: 'ssd_cp_visits',
      row: 4,
      column: 'cppv_cp_visit_date',
      value: '2013\n\u001b[2J01',
      message: 'not a valid date',
    });
    const lines = formatQualityReport(problems.result()).split('\n');
    expect(lines[3]).toBe(
      '    ssd_cp_visits, row 4, column cppv_cp_visit_date, value "2013\\u000a\\u001b[2J01": not a valid date',
    );
    expect(lines).toHaveLength(5);
  });
});
