/** The generator's CIN plans and their visits (ssd_cin_plans, ssd_cin_visits). */
import { isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import { type Block, HISTORY_YEARS } from './block';

const CIN_STARTS_PER_YEAR = 290;

/** The block's own CIN plans (children who were never on a CP plan here). */
export function cinPlanFamily(block: Block): void {
  cinPlans(block, block.startDays(CIN_STARTS_PER_YEAR, HISTORY_YEARS), null);
}

/** CIN plans lasting 2–14 months, visited every 3–6 weeks (a few gaps over 6 weeks). */
export function cinPlans(block: Block, starts: readonly Day[], person: string | null): void {
  for (const start of starts) {
    const child = person ?? block.newPerson();
    const end = block.endAfter(start, 2 + block.random.next() * 12);
    const referral = block.newId('REF');
    block.out.add('ssd_cin_plans', {
      cinp_cin_plan_id: block.newId('CIN'),
      cinp_referral_id: referral,
      cinp_person_id: child,
      cinp_cin_plan_start_date: isoFromDay(start),
      cinp_cin_plan_end_date: end === null ? '' : isoFromDay(end),
    });
    block.visits(
      start,
      end,
      [
        [70, [20, 35]],
        [26, [36, 42]],
        [4, [43, 60]],
      ],
      (day, seen) =>
        block.out.add('ssd_cin_visits', {
          cinv_cin_visit_id: block.newId('CINV'),
          cinv_person_id: child,
          cinv_referral_id: referral,
          cinv_cin_visit_date: day === null ? '' : isoFromDay(day),
          cinv_cin_visit_seen: seen ? 'Y' : 'N',
        }),
    );
  }
}
