/** Flow measures of children moving into or out of the area on a CP plan. */
import { cpMovedIn, cpMovedOut } from '../plan-flows';
import { children, n, soFar } from './draft-words';
import { flowMeasure, NO_PARAMS } from './measure';

export const cpMovedInMeasure = flowMeasure({
  name: 'cp_moved_in',
  unit: 'count',
  reads: [
    { table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_start_date'] },
    { table: 'ssd_initial_cp_conference', columns: ['icpc_cp_plan_id', 'icpc_icpc_transfer_in'] },
  ],
  params: NO_PARAMS,
  definition:
    'Child protection plans that started in the period following a transfer-in conference (the child moved into ' +
    'the area on a plan).',
  counted:
    'Plans starting in [a, b] whose initial conference has `icpc_icpc_transfer_in = Y` (any conference row of the ' +
    'plan; a conference with no plan id did not lead to a plan and is ignored).',
  prepare: cpMovedIn,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${children(month.value)} moved to ${context.authority} on a child protection plan, ` +
    `${n(ytd.value)} ${soFar(context)}.`,
});

export const cpMovedOutMeasure = flowMeasure({
  name: 'cp_moved_out',
  unit: 'count',
  // The transfer-out flag is not an SSD column: the reader derives transfers out from
  // ssd_cin_episodes when it is absent, and says when neither is there (transfer-out.ts).
  reads: [{ table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_end_date'] }],
  params: NO_PARAMS,
  definition: 'Child protection plans that ended in the period because the child transferred out of the area.',
  counted:
    'Plans ending in [a, b] with `cppl_cp_plan_transfer_out = Y` (an empty flag is N); where the extract has no ' +
    'such column (the SSD has none), plans whose CIN episode (`cppl_referral_id` = `cine_referral_id`, else the ' +
    "child's episode open at the plan's end) closed with reason RC5, transferred to another local authority. " +
    'A plan whose episode cannot be found is not counted (and is warned about).',
  unavailable: (index) => index.extract.unknown.cpTransferOut ?? null,
  prepare: cpMovedOut,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${children(month.value)} moved out of ${context.authority} on a child protection plan, ` +
    `${n(ytd.value)} ${soFar(context)}.`,
});
