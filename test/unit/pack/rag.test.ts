import type { RagConfig } from '../../../functions/core/config/pack-config';
import { judgeRag, targetFor, type RagInput } from '../../../functions/core/pack/rag';

const rule = (polarity: RagConfig['polarity'], target: number, extra: Partial<RagConfig> = {}): RagConfig => ({
  polarity,
  targets: { '2013/14': target },
  ...extra,
});

function rag(value: number | null, ruleConfig: RagConfig | undefined, options: Partial<RagInput> = {}) {
  return judgeRag({
    value,
    target: targetFor(ruleConfig, '2013/14'),
    rule: ruleConfig,
    dataOnly: false,
    unit: 'percent',
    decimals: 0,
    financialYear: '2013/14',
    ...options,
  });
}

describe('the seed’s traffic lights, from unrounded values', () => {
  it('CP rate 31 against 43 (band, amber 10%, green 5%): Red', () => {
    expect(rag((10000 * 177) / 57600, rule('band', 43, { amber: 0.1, green: 0.05 }), { unit: 'rate' }).status).toBe(
      'red',
    );
  });
  it('CLA rate 87.7 against 83 (lower, amber 10%): Amber', () => {
    expect(rag(87.7, rule('lower', 83, { amber: 0.1 }), { unit: 'rate' }).status).toBe('amber');
  });
  it('HY64 23/238 = 9.66% against 7 (lower): Red', () => {
    expect(rag((100 * 23) / 238, rule('lower', 7)).status).toBe('red');
  });
  it('Op 365 14/147 = 9.52% against 10 (lower): Green, though shown as 10%', () => {
    expect(rag((100 * 14) / 147, rule('lower', 10)).status).toBe('green');
  });
  it('OP380 164/173 = 94.8% against 95 (higher): Amber, though shown as 95%', () => {
    const result = rag((100 * 164) / 173, rule('higher', 95));
    expect(result.status).toBe('amber');
    expect(result.reason).toBe('94.8% against 95%: higher is better, Amber within 10% below target');
  });
  it('OP381 211/222 = 95.05% against 95 (higher): Green', () => {
    expect(rag((100 * 211) / 222, rule('higher', 95)).status).toBe('green');
  });
});

describe('relative tolerances at their boundaries', () => {
  // higher, target 95, amber 10%: Green ≥ 95, Amber ≥ 85.5, Red below.
  it.each([
    [95, 'green'],
    [85.5, 'amber'],
    [85.49, 'red'],
  ])('higher: %p against 95 is %s', (value, status) => {
    expect(rag(value, rule('higher', 95)).status).toBe(status);
  });
  // lower, target 10, amber 20%: Green ≤ 10, Amber ≤ 12, Red above.
  it.each([
    [10, 'green'],
    [12, 'amber'],
    [12.01, 'red'],
  ])('lower (amber 20%%): %p against 10 is %s', (value, status) => {
    expect(rag(value, rule('lower', 10, { amber: 0.2 })).status).toBe(status);
  });
  // band, target 40, defaults: green ±2, amber ±4.
  it.each([
    [42, 'green'],
    [38, 'green'],
    [42.1, 'amber'],
    [36, 'amber'],
    [44.1, 'red'],
    [35.9, 'red'],
  ])('band (defaults 5%%/10%%): %p against 40 is %s', (value, status) => {
    expect(rag(value, rule('band', 40), { unit: 'rate' }).status).toBe(status);
  });
});

describe('absolute tolerances', () => {
  it('higher with amberAbs 2 percentage points: 93 Amber, 92.9 Red', () => {
    const r = rule('higher', 95, { amberAbs: 2 });
    expect(rag(93, r).status).toBe('amber');
    expect(rag(92.9, r).status).toBe('red');
    expect(rag(93, r).reason).toBe(
      '93.0% against 95%: higher is better, Amber within 2 percentage points below target',
    );
  });
  it('lower count with amberAbs 5: 105 Amber against 100, 106 Red', () => {
    const r = rule('lower', 100, { amberAbs: 5 });
    expect(rag(105, r, { unit: 'count' }).status).toBe('amber');
    expect(rag(106, r, { unit: 'count' }).status).toBe('red');
  });
  it('band with greenAbs 1 and amberAbs 3: 41 Green, 42.5 Amber, 36.9 Red', () => {
    const r = rule('band', 40, { greenAbs: 1, amberAbs: 3 });
    expect(rag(41, r, { unit: 'rate' }).status).toBe('green');
    expect(rag(42.5, r, { unit: 'rate' }).status).toBe('amber');
    expect(rag(36.9, r, { unit: 'rate' }).status).toBe('red');
    expect(rag(36.9, r, { unit: 'rate' }).reason).toBe(
      '36.9 against 40: close to target is better, Red more than 3 per 10,000 from target',
    );
  });
  it('an absolute tolerance wins over a relative one', () => {
    expect(rag(90, rule('higher', 95, { amber: 0.1, amberAbs: 1 })).status).toBe('red');
  });
});

describe('statuses without a judgement', () => {
  it('no target and data-only: Data Only', () => {
    expect(rag(21, undefined, { dataOnly: true, unit: 'count' })).toEqual({
      status: 'data-only',
      reason: 'Data only: no target is set for 2013/14',
    });
  });
  it('no target otherwise: none', () => {
    expect(rag(8, undefined).status).toBe('none');
    // a target for another year only
    expect(rag(8, { polarity: 'higher', targets: { '2012/13': 5 } }).status).toBe('none');
  });
  it('a target but no value: No data', () => {
    expect(rag(null, rule('higher', 95))).toEqual({
      status: 'no-data',
      reason: 'No data: no value for 2013/14 to date (target 95%)',
    });
  });
  it('a data-only row with a target is still judged', () => {
    expect(rag(96, rule('higher', 95), { dataOnly: true }).status).toBe('green');
  });
});
