/**
 * Every document the code cites exists in the repository (issue 11, deliverable 5): a
 * person who clones it can read the contracts the code follows. Scans the source of
 * functions/, infra/, bench/ and test/ for `docs/<NAME>.md`, other paths ending in `.md`
 * and bare `<name>.md` mentions. A path must exist as written (from the repository root
 * or from the citing file's folder); a bare name must be a file in docs/, the root or the
 * citing file's folder, with exactly that spelling (a case-insensitive disk would let
 * `extract.md` pass as docs/EXTRACT.md). The v1 contracts, which were never in the
 * repository, are refused by name with the page that replaces them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED = ['functions', 'infra', 'bench', 'test'];
const SOURCE = /\.(ts|js|mjs|cjs|hbs)$/;
/** Not source: generated or installed trees, and bench's git-ignored data. */
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', 'data']);
/** This file names the retired documents in order to refuse them. */
const THIS_FILE = path.relative(ROOT, __filename);

/** The out-of-repository v1 contracts and the pages that now hold what they said. */
const RETIRED: Readonly<Record<string, string>> = {
  'indicators.md': 'docs/MEASURES.md (measure rules), docs/OUTPUTS.md (columns, RAG, trend, display)',
  'interfaces.md':
    'docs/CONFIGURATION.md (pack configuration), docs/OUTPUTS.md (outputs, email, comments), ' +
    'docs/EVENTS.md (events, environment), docs/COMMANDS.md (commands)',
  'extract.md': 'docs/EXTRACT.md',
};

interface Citation {
  file: string;
  line: number;
  cited: string;
}

/**
 * Documents of other repositories that the code cites as the source of a fact, with the
 * repository: they are not expected here.
 */
const EXTERNAL: Readonly<Record<string, string>> = {
  'doc-source/receiving-email-action-lambda-event.md': 'awsdocs/amazon-ses-developer-guide',
};

/** A comment line's continuation: the first word after the comment's leading `*` or `//`. */
const CONTINUATION = /^(\s*(?:\*|\/\/)\s*)(\S+)/;

/**
 * The text of each line to scan. A path wrapped at a hyphen across two comment lines
 * (`doc-source/receiving-email-action-` / ` * lambda-event.md`) is read whole on its first
 * line, and its tail removed from the next, so it is one citation, not a stray bare name.
 */
function scannedLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = CONTINUATION.exec(lines[i + 1]);
    if (!/[\w/]-$/.test(lines[i]) || !next) continue;
    lines[i] += next[2];
    lines[i + 1] = next[1] + lines[i + 1].slice(next[0].length);
  }
  return lines;
}

/**
 * The `.md` names a text cites. A match may not start inside a longer path or a URL
 * (the character before it is not a name, `.`, `/`, `:` or `-`), so `https://host/x.md`
 * and the tail of `a/b.md` are not read as citations of their own.
 */
function citationsIn(text: string, file: string): Citation[] {
  const found: Citation[] = [];
  scannedLines(text).forEach((lineText, i) => {
    for (const match of lineText.matchAll(/(?<![\w./:-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g))
      found.push({ file, line: i + 1, cited: match[1] });
  });
  return found;
}

/** True when `relative` (from ROOT) names a file, matching the case of every part. */
function existsExactly(relative: string): boolean {
  let dir = ROOT;
  for (const part of path.normalize(relative).split(path.sep)) {
    if (part === '..' || part === '.') return false;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return false;
    }
    if (!names.includes(part)) return false;
    dir = path.join(dir, part);
  }
  return statSync(dir).isFile();
}

/** Why a citation is wrong, or null when the document it names is in the repository. */
function problemWith(citation: Citation, exists: (relative: string) => boolean = existsExactly): string | null {
  const name = path.basename(citation.cited);
  if (EXTERNAL[citation.cited] !== undefined) return null;
  const replacement = RETIRED[name];
  if (replacement !== undefined) return `cites ${citation.cited}, which is not in the repository: use ${replacement}`;
  const folder = path.dirname(citation.file);
  const candidates = citation.cited.includes('/')
    ? [citation.cited, path.join(folder, citation.cited)]
    : [path.join('docs', name), name, path.join(folder, name)];
  if (candidates.some((candidate) => exists(candidate))) return null;
  return `cites ${citation.cited}, which is not in the repository (looked for ${candidates.join(', ')})`;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...sourceFiles(relative));
    } else if (SOURCE.test(entry.name) && relative !== THIS_FILE) files.push(relative);
  }
  return files;
}

describe('documents cited by the code', () => {
  it('finds citations by path and by bare name, not inside URLs or longer names', () => {
    const text = [
      ' * (indicators.md, "RAG") and docs/OUTPUTS.md, see BENCHMARKS.md.',
      ' * https://github.com/x/y/README.md and test/fixtures/a/README.md; file.mdx is not one',
      ' * (awsdocs/amazon-ses-developer-guide, doc-source/receiving-email-action-',
      ' * lambda-event.md), wrapped',
    ].join('\n');
    expect(citationsIn(text, 'functions/x.ts').map((c) => `${c.line}:${c.cited}`)).toEqual([
      '1:indicators.md',
      '1:docs/OUTPUTS.md',
      '1:BENCHMARKS.md',
      '2:test/fixtures/a/README.md',
      '3:doc-source/receiving-email-action-lambda-event.md',
    ]);
  });

  it('refuses the retired contracts even where a file of that name would resolve', () => {
    const everything = (): boolean => true;
    for (const old of ['indicators.md', 'interfaces.md', 'extract.md', 'docs/extract.md']) {
      const problem = problemWith({ file: 'functions/x.ts', line: 1, cited: old }, everything);
      expect(problem).toContain('which is not in the repository: use docs/');
    }
  });

  it('looks for a bare name in docs/, the root and the citing folder, and a path as written', () => {
    const present = new Set(['docs/DEPLOY.md', 'BENCHMARKS.md', 'test/fixtures/a/README.md']);
    const exists = (relative: string): boolean => present.has(relative);
    const check = (file: string, cited: string): string | null => problemWith({ file, line: 1, cited }, exists);
    expect(check('infra/x.ts', 'DEPLOY.md')).toBeNull();
    expect(check('infra/x.ts', 'docs/DEPLOY.md')).toBeNull();
    expect(check('bench/run.ts', 'BENCHMARKS.md')).toBeNull();
    expect(check('test/fixtures/a/make.js', 'README.md')).toBeNull();
    expect(check('test/unit/x.test.ts', 'test/fixtures/a/README.md')).toBeNull();
    expect(check('functions/inbound/x.ts', 'doc-source/receiving-email-action-lambda-event.md')).toBeNull();
    expect(check('infra/x.ts', 'docs/NOWHERE.md')).toBe(
      'cites docs/NOWHERE.md, which is not in the repository (looked for docs/NOWHERE.md, infra/docs/NOWHERE.md)',
    );
  });

  it('every document cited in functions/, infra/, bench/ and test/ is in the repository', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const bad = files
      .flatMap((file) => citationsIn(readFileSync(path.join(ROOT, file), 'utf8'), file))
      .map((citation) => ({ citation, problem: problemWith(citation) }))
      .filter((entry) => entry.problem !== null)
      .map(({ citation, problem }) => `${citation.file}:${citation.line}: ${problem}`);
    if (bad.length > 0) throw new Error(`${bad.length} citation(s) of missing documents:\n${bad.join('\n')}`);
  });
});
