/**
 * The front door: contacts, referrals (count and rate), re-referrals, referrals with no further
 * action, and children in need. Definitions as DfE's children in need census statistics give
 * them, checked at the source:
 * - LAIT's data dictionary, dfe-analytical-services/local-authority-interactive-tool
 *   01_data/02_prod/lait_data_dictionary.csv (commit 2e30e39): measures 305 (referrals, and their
 *   rate per 10,000), 271 (re-referrals within 12 months, polarity Low), 290 (referrals closed
 *   with no further action), 171 (children in need rate per 10,000);
 * - DfE's published figures, dfe-analytical-services/CSC_outcomes_and_enablers data-raw/
 *   c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv (no_further_action_* apart
 *   from not_in_need_*) and b1_children_in_need_2013_to_2025.csv (At31_episodes), commit 2f5d11a.
 * The 12-month rule's boundary is not stated in those; it follows D2I's Annex A script, which
 * counts earlier events from DATEADD(MONTH, -12, d) to the day before d (data-to-insight/
 * ssd-data-model admin/tools-ssd_dfe_returns/AnnexA_sqlserver_v1.2.0_1_20240731.sql).
 */
import { cinChildren, contactCount, referralCount, referralsNfa, reReferrals } from '../front-door';
import { atEnd, children, n, outOf, percentOf, rateOf, soFar } from './draft-words';
import { firstWindowDay } from '../evaluation-days';
import { flowMeasure, NO_PARAMS, snapshotMeasure, type ColumnsRead } from './measure';

const YEAR_TO_DATE = 'Year to date is every referral since 1 April, so a percentage is Σ numerators / Σ denominators.';
const REFERRALS: ColumnsRead = {
  table: 'ssd_cin_episodes',
  columns: ['cine_referral_id', 'cine_person_id', 'cine_referral_date'],
};
const referralsWord = (count: number | null): string => `${n(count)} ${count === 1 ? 'referral' : 'referrals'}`;

export const contactsMeasure = flowMeasure({
  name: 'contacts',
  unit: 'count',
  reads: [{ table: 'ssd_contacts', columns: ['cont_contact_id', 'cont_person_id', 'cont_contact_date'] }],
  params: NO_PARAMS,
  definition: "Contacts received by children's social care in the month (year to date: since 1 April).",
  counted: 'Rows of `ssd_contacts` with `cont_contact_date` in [a, b]; an undated contact is in no window.',
  prepare: contactCount,
  // A contact counts in a window [a, b] it is dated in: none before the earliest window's first day does.
  reach: (windows) => ({ ssd_contacts: firstWindowDay(windows) }),
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${n(month.value)} ${month.value === 1 ? 'contact was' : 'contacts were'} received, ` +
    `${n(ytd.value)} ${soFar(context)}.`,
});

export const referralsMeasure = flowMeasure({
  name: 'referrals',
  unit: 'count',
  reads: [REFERRALS],
  params: NO_PARAMS,
  definition:
    "Referrals to children's social care in the month (year to date: since 1 April); a child referred more than " +
    'once is counted each time.',
  counted: 'CIN episodes (`ssd_cin_episodes`, one row per referral) with `cine_referral_date` in [a, b].',
  prepare: referralCount,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${referralsWord(month.value)} ${month.value === 1 ? 'was' : 'were'} received, ` +
    `${n(ytd.value)} ${soFar(context)}.`,
});

export const referralRateMeasure = flowMeasure({
  name: 'referral_rate',
  unit: 'rate',
  reads: [REFERRALS],
  params: NO_PARAMS,
  definition: "Referrals to children's social care in the period per 10,000 children aged 0–17.",
  counted: '`referrals` over [a, b] per 10,000 of the 0–17 population, the population chosen as for `cp_rate` (at b).',
  prepare: referralCount,
  draft: (figures, _params, context) =>
    `In ${context.monthName} the referral rate was ${rateOf(figures, figures.month)} per 10,000 ` +
    `(${referralsWord(figures.month.numerator)}), ${rateOf(figures, figures.ytd)} ${soFar(context)}.`,
});

export const reReferralMeasure = flowMeasure({
  name: 'rereferral_pct',
  unit: 'percent',
  reads: [REFERRALS],
  params: NO_PARAMS,
  definition:
    'Of the referrals in the period, the percentage within 12 months of a previous referral of the same child.',
  counted:
    'Of referrals dated r in [a, b], those whose child has another referral dated in [addMonths(r, −12), r − 1]: ' +
    'a referral exactly 12 months after the previous one is a re-referral, a second referral on the same day is ' +
    `not. A referral before the extract's first is not seen. ${YEAR_TO_DATE}`,
  prepare: reReferrals,
  draft: (figures, _params, context) =>
    `Of the referrals, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} were within 12 months of a previous referral.`,
});

export const referralNfaMeasure = flowMeasure({
  name: 'referral_nfa_pct',
  unit: 'percent',
  reads: [{ ...REFERRALS, columns: [...REFERRALS.columns, 'cine_referral_nfa'] }],
  params: NO_PARAMS,
  definition: 'Of the referrals in the period, the percentage that resulted in no further action.',
  counted:
    'Of referrals dated in [a, b], those with `cine_referral_nfa = Y` (the CIN census ReferralNFA; an empty flag ' +
    'is N). Referrals closed after assessment (RC8, RC9: assessed not in need) are not NFA referrals: DfE counts ' +
    `them apart. ${YEAR_TO_DATE}`,
  prepare: referralsNfa,
  draft: (figures, _params, context) =>
    `Of the referrals, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} resulted in no further action.`,
});

export const cinRateMeasure = snapshotMeasure({
  name: 'cin_rate',
  unit: 'rate',
  reads: [
    {
      table: 'ssd_cin_episodes',
      columns: ['cine_person_id', 'cine_referral_date', 'cine_close_date', 'cine_referral_nfa'],
    },
  ],
  params: NO_PARAMS,
  definition:
    'Children in need on the last day of the month — children with an open episode of need, including those on ' +
    'child protection plans and in care — per 10,000 children aged 0–17.',
  counted:
    'Distinct `cine_person_id` with a CIN episode open at d (referral date ≤ d, close date missing or after d), ' +
    'not counting referrals with `cine_referral_nfa = Y` (DfE leaves them out of the children in need), per ' +
    '10,000 of the 0–17 population, the population chosen as for `cp_rate`.',
  prepare: cinChildren,
  draft: (figures, _params, context) =>
    `${atEnd(context)} the rate of children in need was ${rateOf(figures, figures.month)} per 10,000 ` +
    `(${children(figures.month.numerator)}).`,
});
