import { bucketLayout, FOLDERS, LAYOUT } from '../../../functions/core/layout';

// The keys as docs/DEPLOY.md and the README document them, written out literally.
describe('the bucket layout', () => {
  test('declares the documented keys and prefixes', () => {
    expect(LAYOUT.root).toBe('');
    expect(LAYOUT.extractPrefix('2013-11')).toBe('extracts/2013-11/');
    expect(LAYOUT.configKey).toBe('config/pack.json');
    expect(LAYOUT.commentsKey('2013-11')).toBe('comments/2013-11.json');
    expect(LAYOUT.periodPrefix('2013-11')).toBe('reports/2013-11/');
    expect(LAYOUT.runPrefix('2013-11', 'R1')).toBe('reports/2013-11/R1/');
    expect(
      (['html', 'workbook', 'json', 'manifest'] as const).map((f) => LAYOUT.runFileKey('2013-11', 'R1', f)),
    ).toEqual([
      'reports/2013-11/R1/pack.html',
      'reports/2013-11/R1/pack.xlsx',
      'reports/2013-11/R1/pack.json',
      'reports/2013-11/R1/manifest.json',
    ]);
    expect(LAYOUT.latestKey('2013-11')).toBe('reports/2013-11/latest.json');
    expect(LAYOUT.deliveryPrefix('2013-11')).toBe('reports/2013-11/delivery/schedule/');
    expect(LAYOUT.claimKey('2013-11', 2)).toBe('reports/2013-11/delivery/schedule/batch-2.json');
    expect(LAYOUT.receiptKey('2013-11', 2)).toBe('reports/2013-11/delivery/schedule/batch-2.sent.json');
    expect(LAYOUT.folder('inbox')).toBe('inbox/');
    expect(LAYOUT.folder('benchmarks')).toBe('benchmarks/');
    expect(Object.values(FOLDERS)).toEqual(['extracts/', 'config/', 'comments/', 'reports/', 'inbox/', 'benchmarks/']);
  });

  test('reads the batch number back from a receipt key, and only from one', () => {
    expect(LAYOUT.receiptBatch('reports/2013-11/delivery/schedule/batch-12.sent.json')).toBe(12);
    expect(LAYOUT.receiptBatch('reports/2013-11/delivery/schedule/batch-12.json')).toBeNull();
  });

  test('puts every key under an authority root when given one', () => {
    const haringey = bucketLayout('haringey');
    expect(haringey.root).toBe('haringey/');
    expect(haringey.extractPrefix('2013-11')).toBe('haringey/extracts/2013-11/');
    expect(haringey.configKey).toBe('haringey/config/pack.json');
    expect(haringey.latestKey('2013-11')).toBe('haringey/reports/2013-11/latest.json');
    expect(haringey.receiptKey('2013-11', 0)).toBe('haringey/reports/2013-11/delivery/schedule/batch-0.sent.json');
  });

  test.each(['/haringey', 'a//b', '../x', '.'])('refuses the root %p', (root) => {
    expect(() => bucketLayout(root)).toThrow(/layout root/);
  });
});
