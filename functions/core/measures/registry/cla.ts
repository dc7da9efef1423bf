/** The looked-after children's rate: care episodes open at the month's end. */
import { claChildren } from '../open-records';
import { atEnd, children, rateOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure } from './measure';

export const claRateMeasure = snapshotMeasure({
  name: 'cla_rate',
  unit: 'rate',
  reads: [
    {
      table: 'ssd_cla_episodes',
      columns: ['clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date'],
    },
  ],
  params: NO_PARAMS,
  definition: 'Children with a care episode open on the last day of the month, per 10,000 children aged 0–17.',
  counted:
    'Distinct `clae_person_id` with a care episode open at d (start ≤ d, ceased date missing or after d), per ' +
    '10,000 of the 0–17 population, the population chosen as for `cp_rate`.',
  prepare: claChildren,
  draft: (figures, _params, context) =>
    `${atEnd(context)} the rate of children in care was ${rateOf(figures, figures.month)} per 10,000 ` +
    `(${children(figures.month.numerator)}).`,
});
