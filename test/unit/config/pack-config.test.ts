import defaultPack from '../../../functions/core/config/default-pack.json';
import {
  isAllowedAddress,
  neededTables,
  parsePackConfig,
  parsePackConfigText,
} from '../../../functions/core/config/pack-config';
import { ConfigError } from '../../../functions/core/errors';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type Path = Array<string | number>;

/** A deep copy of the default configuration with the value at each path replaced. */
function defaultWith(...edits: Array<[Path, JsonValue]>): JsonValue {
  const config = JSON.parse(JSON.stringify(defaultPack)) as JsonValue;
  for (const [path, value] of edits) {
    let node = config;
    path.forEach((key, i) => {
      if (typeof node !== 'object' || node === null) throw new Error(`no object at ${path.slice(0, i).join('.')}`);
      const last = i === path.length - 1;
      if (Array.isArray(node)) {
        if (last) node[Number(key)] = value;
        else node = node[Number(key)];
      } else if (last) node[String(key)] = value;
      else node = node[String(key)];
    });
  }
  return config;
}

function errorOf(value: unknown): string {
  try {
    parsePackConfig(value, 'config/pack.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the default configuration', () => {
  const config = parsePackConfig(defaultPack);
  it('parses, with defaults filled in', () => {
    expect(config.monthsShown).toBe(6);
    // In the order councils report: the front door (5), assessment (4), the seed's two sections (10, 3), children
    // in care (7), care leavers (3).
    expect(config.sections.map((s) => s.id)).toEqual([
      'front-door',
      'assessment',
      'child-protection',
      'cp-reviews-visits',
      'children-in-care',
      'care-leavers',
    ]);
    expect(config.sections.map((s) => s.indicators.length)).toEqual([5, 4, 10, 3, 7, 3]);
    expect(config.sections[2].indicators[0]).toMatchObject({
      code: 'Op388',
      measure: 'cp_children',
      params: {},
      decimals: 0,
      corporatePlan: false,
      dataOnly: false,
    });
    expect(config.distribution.cc).toEqual([]);
  });
  it('uses all 32 measures: the seed 13, the front door 9, children in care 7, care leavers 3', () => {
    const measures = new Set(config.sections.flatMap((s) => s.indicators.map((i) => i.measure)));
    expect(measures.size).toBe(32);
    // The seed's seven; ssd_cin_episodes, ssd_contacts, ssd_cin_assessments, ssd_s47_enquiry; ssd_cla_placement,
    // ssd_cla_visits, ssd_missing, ssd_cla_reviews; ssd_care_leavers, ssd_person (also read for long-term stability).
    expect(neededTables(config).size).toBe(17);
  });
});

describe('an invalid configuration names the field path and the problem', () => {
  it('an unknown measure', () => {
    const message = errorOf(defaultWith([['sections', 2, 'indicators', 2, 'measure'], 'cp_bogus']));
    expect(message).toContain('Invalid pack configuration in config/pack.json');
    expect(message).toContain('sections[2].indicators[2].measure: unknown measure "cp_bogus"');
  });
  it('a duplicate indicator code, naming both places', () => {
    expect(errorOf(defaultWith([['sections', 3, 'indicators', 0, 'code'], 'HY64']))).toContain(
      'sections[3].indicators[0].code: duplicate indicator code "HY64" (also at sections[2].indicators[5])',
    );
  });
  it('a target key that is not a financial year like 2013/14', () => {
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 1, 'rag', 'targets'], { '2013-14': 43 }]))).toContain(
      'sections[2].indicators[1].rag.targets["2013-14"]: invalid key: must be a financial year like 2013/14',
    );
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 1, 'rag', 'targets'], { '2013/15': 43 }]))).toContain(
      'targets["2013/15"]: invalid key: the two years of a financial year must be consecutive',
    );
  });
  it('a recipient outside allowedDomains (a subdomain is not the domain)', () => {
    const message = errorOf(
      defaultWith(
        [['distribution', 'to', 2], 'someone@gmail.example'],
        [['distribution', 'officers'], ['officer@sub.haringey.example']],
      ),
    );
    expect(message).toContain(
      'distribution.to[2]: address someone@gmail.example is outside allowedDomains (haringey.example)',
    );
    expect(message).toContain(
      'distribution.officers[0]: address officer@sub.haringey.example is outside allowedDomains',
    );
  });
  it('a sender outside allowedDomains', () => {
    expect(errorOf(defaultWith([['distribution', 'from'], 'pack@elsewhere.example']))).toContain(
      'distribution.from: address pack@elsewhere.example is outside allowedDomains',
    );
  });
  it('windowDays on a measure that is not about visits', () => {
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 0, 'params'], { windowDays: 28 }]))).toContain(
      'sections[2].indicators[0].params.windowDays: windowDays applies only to visit measures, not cp_children',
    );
  });
  it('both windowDays and windowWorkingDays, in params or in a dated entry', () => {
    expect(
      errorOf(defaultWith([['sections', 3, 'indicators', 2, 'params'], { windowDays: 42, windowWorkingDays: 10 }])),
    ).toContain('sections[3].indicators[2].params.windowWorkingDays: give windowDays or windowWorkingDays, not both');
    const both = { from: '2014-01', params: { windowDays: 28, windowWorkingDays: 10 } };
    expect(errorOf(defaultWith([['sections', 3, 'indicators', 1, 'paramsFrom'], [both]]))).toContain(
      'sections[3].indicators[1].paramsFrom[0].params.windowWorkingDays: give windowDays or windowWorkingDays',
    );
  });
  it('a dated entry whose params the measure refuses, or out of date order, or not a month', () => {
    const bad = { from: '2014-01', params: { windowWorkingDays: 0 } };
    expect(errorOf(defaultWith([['sections', 3, 'indicators', 2, 'paramsFrom'], [bad]]))).toContain(
      'sections[3].indicators[2].paramsFrom[0].params.windowWorkingDays: Too small',
    );
    const other = { from: '2014-01', params: { windowWorkingDays: 10 } };
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 0, 'paramsFrom'], [other]]))).toContain(
      'sections[2].indicators[0].paramsFrom[0].params.windowWorkingDays: windowWorkingDays applies only to visit ' +
        'measures, not cp_children',
    );
    const entries = [other, { from: '2013-06', params: {} }];
    expect(errorOf(defaultWith([['sections', 3, 'indicators', 1, 'paramsFrom'], entries]))).toContain(
      'sections[3].indicators[1].paramsFrom[1].from: 2013-06 is not after the entry before it (2014-01)',
    );
    const twice = [other, other];
    expect(errorOf(defaultWith([['sections', 3, 'indicators', 1, 'paramsFrom'], twice]))).toContain(
      'paramsFrom[1].from: 2014-01 is not after the entry before it (2014-01)',
    );
    expect(
      errorOf(defaultWith([['sections', 3, 'indicators', 1, 'paramsFrom'], [{ from: '2014-13', params: {} }]])),
    ).toContain('sections[3].indicators[1].paramsFrom[0].from: must be a month like 2014-01');
  });
  it('closure days that are not dates, outside the calendar, or listed twice', () => {
    const message = errorOf(defaultWith([['closureDays'], ['2013-12-27', '2013-02-30', '2010-12-29', '2013-12-27']]));
    expect(message).toContain('closureDays[1]: "2013-02-30" is not a YYYY-MM-DD date');
    expect(message).toContain('closureDays[2]: 2010-12-29 is outside the working-day calendar, which covers 2011–2028');
    expect(message).toContain('closureDays[3]: 2013-12-27 is listed twice (also at closureDays[0])');
    expect(parsePackConfig(defaultWith([['closureDays'], ['2013-12-27']])).closureDays).toEqual(['2013-12-27']);
  });
  it('an unknown field, a target that is not a number, an empty recipient list', () => {
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 0, 'colour'], 'red']))).toContain(
      'sections[2].indicators[0]: Unrecognized key: "colour"',
    );
    expect(errorOf(defaultWith([['sections', 2, 'indicators', 1, 'rag', 'targets', '2013/14'], '43']))).toContain(
      'sections[2].indicators[1].rag.targets["2013/14"]',
    );
    expect(errorOf(defaultWith([['distribution', 'to'], []]))).toContain('distribution.to:');
  });
  it('a population year that is not a year', () => {
    expect(errorOf(defaultWith([['population', '20x3'], 5]))).toContain(
      'population["20x3"]: invalid key: must be a year like 2013',
    );
  });
  it('an unknown key holding a line break or a bidi override: shown escaped, one line per problem', () => {
    const message = errorOf(defaultWith([['a\nb'], 1], [['x\u202ey'], 1]));
    expect(message).toContain('(root): Unrecognized keys: "a\\u000ab", "x\\u202ey"');
    expect(message.split('\n').every((line, i) => i === 0 || line.startsWith('  - '))).toBe(true);
  });
  it('text that is not JSON', () => {
    expect(() => parsePackConfigText('{ "authority": ', 'pack.json')).toThrow(
      /Invalid pack configuration in pack.json: not valid JSON/,
    );
  });
});

describe('isAllowedAddress', () => {
  it('matches the domain exactly, ignoring case', () => {
    expect(isAllowedAddress('Director@Haringey.Example', ['haringey.example'])).toBe(true);
    expect(isAllowedAddress('x@haringey.example.evil.example', ['haringey.example'])).toBe(false);
    expect(isAllowedAddress('x@evilharingey.example', ['haringey.example'])).toBe(false);
    expect(isAllowedAddress('not-an-address', ['haringey.example'])).toBe(false);
  });
});
