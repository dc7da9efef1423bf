/**
 * Loads the Handlebars templates from the repository's `templates/` folder and compiles
 * them once. HTML templates escape every `{{value}}`; the templates never use triple
 * stashes, so user text (comments, titles, data-quality values) cannot inject markup.
 *
 * Where the folder is found: next to this module in the source tree
 * (`functions/core/render/../../../templates`), or beside the bundled file
 * (`<bundle>/templates`) — the Lambda bundle must copy `templates/` there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const CANDIDATE_DIRS = [path.resolve(__dirname, '../../../templates'), path.resolve(__dirname, 'templates')];

let cachedDir: string | null = null;

/** The templates folder; throws naming every place looked when it is missing. */
export function templatesDir(): string {
  if (cachedDir !== null) return cachedDir;
  const found = CANDIDATE_DIRS.find((dir) => existsSync(path.join(dir, 'pack.html.hbs')));
  if (!found) throw new Error(`Report templates not found; looked for pack.html.hbs in: ${CANDIDATE_DIRS.join(', ')}`);
  cachedDir = found;
  return found;
}

type Render = (context: object) => string;

interface Engine {
  html: Map<string, Render>;
  text: Map<string, Render>;
}

let engine: Engine | null = null;

function createEngine(): Engine {
  const dir = templatesDir();
  // Separate environments: the text one must not HTML-escape, and neither shares global state.
  const htmlEnv = Handlebars.create();
  const textEnv = Handlebars.create();
  const partialsDir = path.join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    htmlEnv.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(path.join(partialsDir, file), 'utf8'));
  }
  const html = new Map<string, Render>();
  const text = new Map<string, Render>();
  for (const file of readdirSync(dir)) {
    const read = () => readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.html.hbs')) html.set(file.slice(0, -'.html.hbs'.length), htmlEnv.compile(read(), { strict: true }));
    else if (file.endsWith('.txt.hbs')) text.set(file.slice(0, -'.txt.hbs'.length), textEnv.compile(read(), { strict: true, noEscape: true }));
  }
  return { html, text };
}

function lookup(kind: 'html' | 'text', name: string): Render {
  engine ??= createEngine();
  const template = engine[kind].get(name);
  if (!template) throw new Error(`Report template ${name}.${kind === 'html' ? 'html' : 'txt'}.hbs is missing from ${templatesDir()}`);
  return template;
}

/** Renders `templates/<name>.html.hbs` (HTML-escaped). */
export function renderHtmlTemplate(name: string, context: object): string {
  return lookup('html', name)(context);
}

/** Renders `templates/<name>.txt.hbs` (plain text, not escaped). */
export function renderTextTemplate(name: string, context: object): string {
  return lookup('text', name)(context);
}
