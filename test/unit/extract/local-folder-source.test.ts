import path from 'node:path';
import { localFolderSource } from '../../../functions/adapters/local-folder-source';
import { UserError } from '../../../functions/core/errors';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { day } from './helpers';

const FIXTURE = path.join(__dirname, '../../fixtures/extract/small-csv');

describe('localFolderSource', () => {
  it('lists the files in the folder, and the extract reads from it', async () => {
    const source = localFolderSource(FIXTURE);
    expect((await source.list()).map((file) => file.name)).toEqual([
      'README.txt',
      'ssd_cp_plans.csv',
      'ssd_cp_reviews.csv',
    ]);
    const result = await readExtract(source, {
      period: '2013-11',
      neededTables: new Set(['ssd_cp_plans', 'ssd_cp_reviews']),
    });
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.cpPlans).toEqual([
      { id: 'P1', person: 0, start: day('2013-01-15'), end: null, previousPlans: 1, transferOut: false, row: 2 },
      {
        id: 'P2',
        person: 1,
        start: day('2012-07-01'),
        end: day('2013-07-01'),
        previousPlans: null,
        transferOut: true,
        row: 3,
      },
    ]);
    expect(result.extract?.cpReviews).toEqual([{ planId: 'P1', date: day('2013-04-12'), row: 2 }]);
    expect(result.inputs.map((input) => input.key)).toEqual([
      path.join(FIXTURE, 'ssd_cp_plans.csv'),
      path.join(FIXTURE, 'ssd_cp_reviews.csv'),
    ]);
  });

  it('a missing folder is a user error naming the folder', async () => {
    const missing = path.join(FIXTURE, 'no-such-folder');
    const listing = localFolderSource(missing).list();
    await expect(listing).rejects.toBeInstanceOf(UserError);
    await expect(listing).rejects.toThrow(`extract folder not found: ${missing}`);
  });
});
