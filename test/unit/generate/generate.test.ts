import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localFolderSource } from '../../../functions/adapters/local-folder-source';
import { UsageError } from '../../../functions/core/errors';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { TABLE_NAMES } from '../../../functions/core/types';
import { generateBlocks } from '../../../functions/generate/generate-extract';
import { parseGenerateArgs } from '../../../functions/generate/main';
import { writeExtract, type ExtractFormat } from '../../../functions/generate/write-extract';

// The tables of the spec layout (ssd_cin_episodes is written by the SSD layouts only).
const ALL = new Set(TABLE_NAMES.filter((table) => table !== 'ssd_cin_episodes'));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'generate-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Children with a plan or episode open at `at` (open: start ≤ at < end). */
function openAt(records: ReadonlyArray<{ person: number; start: number; end: number | null }>, at: number): number {
  return new Set(records.filter((r) => r.start <= at && (r.end === null || r.end > at)).map((r) => r.person)).size;
}

describe.each<ExtractFormat>(['csv', 'xlsx'])('a generated scale-1 extract (%s)', (format) => {
  it('passes validation with no errors and no warnings, at the seed authority size', async () => {
    // The workbook of a whole scale-1 extract takes a minute to write and read on a loaded machine.
    const out = path.join(dir, `scale1-${format}`);
    await writeExtract({ period: '2013-11', scale: 1, out, format });
    const result = await readExtract(localFolderSource(out), { period: '2013-11', neededTables: ALL });
    expect(result.quality.errors).toEqual([]);
    expect(result.quality.warnings).toEqual([]);
    const extract = result.extract;
    if (!extract) throw new Error('no extract');
    // The seed's seven, ssd_cin_episodes (the front door's referrals), the front door's three, children in care's
    // four and care leavers' two.
    expect(extract.present).toHaveLength(17);
    const monthEnd = Date.UTC(2013, 10, 30) / 86_400_000;
    // An authority of the seed's size at England's 2013/14 rates (docs/COMMANDS.md, "The generator's
    // rates"): about 242 on a CP plan (42.1 per 10,000), 250 on a CIN plan, 346 in care (60 per 10,000).
    expect(openAt(extract.cpPlans, monthEnd)).toBeGreaterThan(195);
    expect(openAt(extract.cpPlans, monthEnd)).toBeLessThan(290);
    expect(openAt(extract.cinPlans, monthEnd)).toBeGreaterThan(200);
    expect(openAt(extract.cinPlans, monthEnd)).toBeLessThan(350);
    expect(openAt(extract.claEpisodes, monthEnd)).toBeGreaterThan(280);
    expect(openAt(extract.claEpisodes, monthEnd)).toBeLessThan(420);
    // Some of each kind of history the indicators look at.
    expect(extract.cpPlans.some((plan) => plan.transferOut)).toBe(true);
    expect(extract.initialConferences.some((conference) => conference.transferIn)).toBe(true);
    expect(extract.cpPlans.some((plan) => plan.previousPlans === null)).toBe(true);
    expect(extract.cpPlans.some((plan) => (plan.previousPlans ?? 0) > 0)).toBe(true);
    expect(extract.cpVisits.unseenRows).toBeGreaterThan(0);
    expect(extract.cpVisits.length).toBeGreaterThan(10_000);
  }, 180_000);
});

describe('the generator', () => {
  it('is deterministic: the same arguments give byte-identical files; another seed does not', async () => {
    const digests = async (out: string, seed: number): Promise<string[]> => {
      const written = await writeExtract({ period: '2013-11', scale: 1, out, format: 'csv', seed });
      return Promise.all(
        written.files.map(async (file) =>
          createHash('sha256')
            .update(await readFile(file))
            .digest('hex'),
        ),
      );
    };
    const first = await digests(path.join(dir, 'a'), 7);
    expect(await digests(path.join(dir, 'b'), 7)).toEqual(first);
    expect(await digests(path.join(dir, 'c'), 8)).not.toEqual(first);
  });

  it('scale N is N blocks with their own ids', () => {
    const blocks = [...generateBlocks({ period: '2013-11', scale: 2 })];
    expect(blocks).toHaveLength(2);
    const plans = blocks.map((block) => block.ssd_cp_plans ?? []);
    const ids = plans.map((rows) => new Set(rows.map((row) => row[0])));
    expect([...ids[0]].some((id) => ids[1].has(id))).toBe(false);
    expect(ids[0].size).toBe(plans[0].length);
  });

  it('rejects a wrong command line with a usage error (exit 2)', () => {
    expect(parseGenerateArgs(['--period', '2013-11', '--scale', '3', '--out', 'x', '--format', 'xlsx'])).toEqual({
      layout: 'spec',
      period: '2013-11',
      scale: 3,
      out: 'x',
      format: 'xlsx',
      seed: 1,
    });
    for (const args of [
      ['--scale', '1', '--out', 'x'],
      ['--period', '2013-13', '--out', 'x'],
      ['--period', '2013-11', '--scale', '0', '--out', 'x'],
      ['--period', '2013-11', '--out', 'x', '--format', 'json'],
      ['--period', '2013-11', '--out', 'x', '--colour'],
      ['--period', '2013-11'],
    ]) {
      expect(() => parseGenerateArgs(args)).toThrow(UsageError);
    }
  });
});
