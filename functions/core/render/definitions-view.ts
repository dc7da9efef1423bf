/**
 * The definitions readers see (the page's and the email's Definitions section, the workbook's Definitions sheet): one
 * entry per measure definition in force at a shown column, and the methods of the columns that are not measures.
 */
import type { MeasureName } from '../config/pack-config';
import { definitionDates } from '../pack/definitions';
import type { Pack, PackIndicator } from '../pack/pack-types';

export interface DefinitionView {
  measure: MeasureName;
  codes: string;
  text: string;
  /** When it applies, "From January 2014" or "Until December 2013"; empty for an indicator's only definition. */
  dates: string;
}

/** How a column that is not a measure was made (the projection, the benchmarks), for the definitions. */
export interface MethodView {
  /** What the column is, e.g. "Year-end projection" (the Measure column of the Definitions sheet). */
  name: string;
  codes: string;
  text: string;
}

/** One entry per definition, indicators with the same measure and definitions sharing it, each with its dates. */
export function definitionsView(pack: Pack): DefinitionView[] {
  const groups = new Map<string, { indicator: PackIndicator; codes: string[] }>();
  for (const section of pack.sections)
    for (const i of section.indicators) {
      const key = JSON.stringify([i.measure, i.definitions.map((d) => [d.from, d.text])]);
      const group = groups.get(key);
      if (group) group.codes.push(i.code);
      else groups.set(key, { indicator: i, codes: [i.code] });
    }
  return [...groups.values()].flatMap(({ indicator, codes }) =>
    indicator.definitions.map((definition, d) => ({
      measure: indicator.measure,
      codes: codes.join(', '),
      text: definition.text,
      dates: definitionDates(indicator.definitions, d),
    })),
  );
}
