/**
 * How far back the pack for a period reads each table (docs/EXTRACT.md, "Rows before the pack's reach"): per table,
 * the earliest day any configured measure can count a row of it, over every definition in force and exactly the
 * columns build-pack prepares it for (definitions.ts definedColumns). The reader keeps a table's rows from that day
 * on (extract/pruning.ts). A table some configured measure reads without declaring a reach for it is kept whole.
 */
import { isPeriod } from '../calendar';
import type { PackConfig } from '../config/pack-config';
import { measureOf } from '../measures/registry';
import type { TableName, TableReach } from '../types';
import { defaultWorkingDays, OutsideWorkingDayCalendarError } from '../working-days';
import { planColumns } from './columns';
import { definedColumns } from './definitions';

export function tableReach(config: PackConfig, period: string): TableReach {
  // An invalid month is refused by buildPack, naming it; read everything until then.
  if (!isPeriod(period)) return {};
  const plan = planColumns(period, config.monthsShown);
  const context = { workingDays: defaultWorkingDays(config.closureDays) };
  const reach: TableReach = {};
  const whole = new Set<TableName>();
  for (const section of config.sections)
    for (const indicator of section.indicators) {
      const measure = measureOf(indicator.measure);
      const { definitions, under } = definedColumns(indicator, plan);
      for (const [i, columns] of under) {
        const declared = reachOrNone(() => measure.reachFor(definitions[i].params, columns, context));
        for (const { table } of measure.reads) {
          const day = declared[table];
          if (day === undefined) whole.add(table);
          else reach[table] = Math.min(reach[table] ?? day, day);
        }
      }
    }
  for (const table of whole) delete reach[table];
  return reach;
}

/**
 * A definition whose window leaves the working-day calendar has no reach: its tables are read whole, and buildPack
 * then fails the run as it always has, naming the indicator.
 */
function reachOrNone(reachFor: () => TableReach): TableReach {
  try {
    return reachFor();
  } catch (cause) {
    if (cause instanceof OutsideWorkingDayCalendarError) return {};
    throw cause;
  }
}
