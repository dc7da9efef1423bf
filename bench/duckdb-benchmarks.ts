/**
 * An independent computation of the benchmark neighbours' mean, median, minimum and maximum in DuckDB SQL, straight
 * from the snapshot JSON (docs/BENCHMARKS-DATA.md, "The snapshot"). It shares no code with the loader or
 * benchmark-cell.ts, so agreement is evidence both follow the format and the definition: the year is the latest
 * with a figure for the comparator on or before the cutoff; the neighbours are the model's group for the
 * authority's old code; suppressed values (text in the snapshot) are left out.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface NeighbourStats {
  comparator: string;
  year: number;
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Per comparator: the neighbours' statistics for the authority (old 3-digit code) in the model's group, in the
 * latest year on or before `cutoffYear` (DfE's reporting year).
 */
export async function neighbourStatsInDuckDb(
  snapshotFile: string,
  options: { oldLaCode: string; modelId: string; cutoffYear: number },
): Promise<NeighbourStats[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const group = `$.groups."${options.oldLaCode}"[*]`;
    const script = [
      `CREATE TABLE snap AS SELECT content::JSON AS j FROM read_text(${sqlString(snapshotFile)})`,
      `CREATE TABLE figures AS
         SELECT f->>0 AS comparator, f->>1 AS area, CAST(f->>2 AS INTEGER) AS year,
                CASE WHEN json_type(f->3) IN ('DOUBLE', 'UBIGINT', 'BIGINT') THEN CAST(f->>3 AS DOUBLE) END AS value
         FROM (SELECT unnest(json_extract(j, '$.figures[*]')) AS f FROM snap)`,
      `CREATE TABLE areas AS
         SELECT a->>0 AS code, a->>3 AS old_code FROM (SELECT unnest(json_extract(j, '$.areas[*]')) AS a FROM snap)`,
      `CREATE TABLE models AS SELECT unnest(json_extract(j, '$.models[*]')) AS m FROM snap`,
      `CREATE TABLE neighbours AS
         SELECT unnest(json_extract_string(m, ${sqlString(group)})) AS old_code
         FROM models WHERE m->>'id' = ${sqlString(options.modelId)}`,
      `CREATE TABLE years AS
         SELECT comparator, max(year) AS year FROM figures WHERE year <= ${options.cutoffYear} GROUP BY comparator`,
    ];
    for (const statement of script) await connection.run(statement);
    const reader = await connection.runAndReadAll(`
      SELECT y.comparator, y.year, count(f.value) AS n, avg(f.value) AS mean, median(f.value) AS median,
             min(f.value) AS min, max(f.value) AS max
      FROM years y
      LEFT JOIN (
        SELECT f.* FROM figures f JOIN areas a ON a.code = f.area JOIN neighbours n ON n.old_code = a.old_code
      ) f ON f.comparator = y.comparator AND f.year = y.year
      GROUP BY y.comparator, y.year ORDER BY y.comparator`);
    const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    return reader.getRowObjects().map((row) => ({
      comparator: String(row.comparator),
      year: Number(row.year),
      n: Number(row.n),
      mean: num(row.mean),
      median: num(row.median),
      min: num(row.min),
      max: num(row.max),
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
