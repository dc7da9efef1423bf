/**
 * cla_missing: children (each once) missing from care at some time in the window, the episode begun while in
 * care. Expected numbers worked by hand from docs/MEASURES.md ("Children in care").
 */
import { dayFromIso } from '../../../../functions/core/calendar';
import { ExtractBuilder } from '../extract-builder';
import { count, flowsOver } from '../measure-helpers';

const missing = (person: number, start: string, end: string | null, away = false) => ({
  person,
  start: dayFromIso(start),
  end: end === null ? null : dayFromIso(end),
  away,
  row: 2,
});

describe('cla_missing', () => {
  const builder = new ExtractBuilder()
    .claEpisode({ id: 'A1', person: 'A', start: '2013-01-01' })
    .claEpisode({ id: 'B1', person: 'B', start: '2013-01-01', end: '2013-10-15' })
    .claEpisode({ id: 'C1', person: 'C', start: '2013-01-01' });
  const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((id) => builder.person(id));
  const extract = builder.build();
  extract.care.missing.push(
    // A: twice in November (counted once), and one episode from 31 October still open on 1 November.
    missing(a, '2013-10-31', '2013-11-01'),
    missing(a, '2013-11-10', '2013-11-11'),
    missing(a, '2013-11-20', null),
    // B: missing on 2013-10-15, the day B left care: not in care then. Earlier, on 2013-06-01: in care.
    missing(b, '2013-10-15', '2013-10-16'),
    missing(b, '2013-06-01', '2013-06-01'),
    // C: away without authorisation in November: not missing.
    missing(c, '2013-11-05', '2013-11-05', true),
    // D: never in care.
    missing(d, '2013-11-05', '2013-11-06'),
  );

  it('November: A; October: A (from the 31st); year to date: A and B', () => {
    expect(
      flowsOver(extract, 'cla_missing', [
        ['2013-11-01', '2013-11-30'],
        ['2013-10-01', '2013-10-31'],
        ['2013-04-01', '2013-11-30'],
      ]),
    ).toEqual([count(1), count(1), count(2)]);
  });
});
