/**
 * The example pack's rows as the seed report shows them (docs/OUTPUTS.md, Display): counts
 * as integers, rates and percents to the indicator's decimals (HY64 has 1, the rest 0),
 * `-` for no value. Written from the seed, not from the renderer's output. Op367's
 * November value is the 104/118 of the seed's performance comment (the seed's row is
 * misaligned). Columns: prior year, Jun–Nov 2013, YTD, target, traffic light.
 */
export interface ExpectedRow {
  section: string;
  code: string;
  cells: string[];
  rag: string;
}

const row = (section: string, code: string, cells: string[], rag: string): ExpectedRow => ({
  section,
  code,
  cells,
  rag,
});
const CP = 'child-protection';
const RV = 'cp-reviews-visits';

export const EXPECTED_ROWS: ExpectedRow[] = [
  row(CP, 'Op388', ['268', '207', '174', '185', '164', '171', '177', '177', '-'], '-'),
  row(CP, 'OP388a', ['47', '36', '30', '32', '28', '30', '31', '31', '43'], 'Red'),
  row(CP, 'OP389a', ['94', '92', '91', '88', '87', '88', '88', '88', '83'], 'Amber'),
  row(CP, 'OP 411', ['351', '21', '21', '19', '14', '25', '21', '147', '-'], 'Data Only'),
  row(CP, 'OP 413', ['366', '39', '54', '8', '35', '18', '15', '241', '-'], 'Data Only'),
  row(CP, 'HY64', ['7.1%', '2.6%', '-', '-', '20.0%', '38.9%', '6.7%', '9.7%', '7.0%'], 'Red'),
  row(CP, 'Op64a', ['8%', '11%', '12%', '11%', '8%', '8%', '8%', '8%', '-'], '-'),
  row(CP, 'Op 365', ['5%', '5%', '20%', '22%', '-', '8%', '5%', '10%', '10%'], 'Green'),
  row(CP, 'Op421', ['25', '-', '0', '3', '0', '4', '0', '8', '-'], 'Data Only'),
  row(CP, 'Op422', ['27', '7', '9', '2', '3', '3', '-', '30', '-'], 'Data Only'),
  row(RV, 'Op367', ['97%', '99%', '100%', '98%', '92%', '91%', '88%', '88%', '100%'], 'Red'),
  row(RV, 'OP380', ['94%', '96%', '98%', '94%', '96%', '95%', '95%', '95%', '95%'], 'Amber'),
  row(RV, 'OP381', ['85%', '93%', '97%', '92%', '90%', '97%', '95%', '95%', '95%'], 'Green'),
];

export const CORPORATE_PLAN_CODES = ['OP388a', 'OP389a'];
