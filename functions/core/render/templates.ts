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
import { commentHtml } from './comment-html';

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

/** Every `*.html.hbs` template, compiled on first use. */
let compiled: Map<string, Render> | null = null;

function compileTemplates(): Map<string, Render> {
  const dir = templatesDir();
  // Its own environment, so no global Handlebars state is shared with anything else.
  const env = Handlebars.create();
  env.registerHelper(
    'paragraphs',
    (text: unknown) => new env.SafeString(commentHtml(typeof text === 'string' ? text : '')),
  );
  const partialsDir = path.join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    env.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(path.join(partialsDir, file), 'utf8'));
  }
  const templates = new Map<string, Render>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html.hbs'))) {
    templates.set(
      file.slice(0, -'.html.hbs'.length),
      env.compile(readFileSync(path.join(dir, file), 'utf8'), { strict: true }),
    );
  }
  return templates;
}

/** Renders `templates/<name>.html.hbs` (HTML-escaped). */
export function renderHtmlTemplate(name: string, context: object): string {
  compiled ??= compileTemplates();
  const template = compiled.get(name);
  if (!template) throw new Error(`Report template ${name}.html.hbs is missing from ${templatesDir()}`);
  return template(context);
}
