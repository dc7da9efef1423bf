/**
 * The plain-text forms of the pack and of the data-quality report (the email's text
 * alternative). One block per indicator (status, YTD and target first) rather than a padded grid: mail clients often
 * show plain text in a proportional font, where padded columns would not line up.
 */
import type { CommentView, PackView, QualityView, SectionView } from './view-model';

function commentText(label: string, comment: CommentView): string[] {
  const heading = comment.isDraft ? `${label} (DRAFT, drafted from the data):` : `${label}:`;
  return [heading, ...comment.paragraphs.flatMap((p, i) => (i === 0 ? [p] : ['', p])), ''];
}

function sectionText(view: PackView, section: SectionView): string[] {
  const lines = [`== ${section.title} ==`, ''];
  for (const row of section.rows) {
    const mark = row.corporatePlan ? ` ${view.corporatePlanMark} Corporate plan` : '';
    const months = view.monthLabels.map((label, i) => `${label} ${row.months[i]}${row.marks.months[i]}`);
    // Status, YTD and target first, as in the HTML; then the months.
    const projected = row.projected === '' ? [] : [`${view.projectionLabel} ${row.projected}`];
    const values = [...projected, `${view.priorYearLabel} ${row.priorYear}${row.marks.priorYear}`, ...months];
    const trend = `${row.trend.arrow ? row.trend.arrow + ' ' : ''}${row.trend.words} ${row.trend.sparkline}`;
    lines.push(`${row.code}: ${row.title}${mark}`);
    lines.push(`  ${row.rag.label} · ${view.ytdLabel} ${row.ytd}${row.marks.ytd} · Target ${row.target}`);
    lines.push(`  ${values.join(' | ')}`);
    if (row.benchmark !== null) lines.push(`  ${row.benchmark.line}`);
    const note = row.note ? ` ${row.note}.` : '';
    lines.push(`  Traffic light: ${row.rag.label} (${row.rag.reason}).${note} Trend: ${trend}`);
    if (row.footnote !== null) lines.push(`  ${row.footnote}`);
    if (row.comment !== null) lines.push(`  Comment: ${row.comment}`);
    lines.push('');
  }
  return [
    ...lines,
    ...commentText('Performance comment', section.performance),
    ...commentText('Service comment', section.service),
  ];
}

export function qualityText(quality: QualityView): string[] {
  const lines = ['== Data quality ==', ''];
  const info = quality.info.length === 0 ? [] : ['Information:', ...quality.info.map((note) => `  ${note}`), ''];
  if (quality.isClean) return [...lines, 'No problems were found in the extract.', '', ...info];
  lines.push(
    `${quality.errorTotal} error(s) and ${quality.warningTotal} warning(s) in ` +
      `the extract. At most ${quality.listedPerKind} of each kind are listed.`,
    '',
  );
  for (const c of quality.counts)
    lines.push(`  ${c.severity} ${c.kind}: ${c.total} in all${c.hasUnlisted ? `, ${c.unlisted} not listed` : ''}`);
  for (const p of [...quality.errors, ...quality.warnings]) {
    const where = [p.table, p.row && `row ${p.row}`, p.column, p.value && `value "${p.value}"`]
      .filter((part) => part !== '')
      .join(', ');
    lines.push(`  - ${p.severity}${where ? ` (${where})` : ''}: ${p.message}`);
  }
  return [...lines, '', ...info];
}

/** "What needs attention" and the changes of status: the same list that opens the HTML. */
function attentionText(view: PackView): string[] {
  const s = view.summary;
  const lines = [
    'What needs attention',
    `${view.periodTitle} (${view.ytdLabel}): ${s.red} Red, ${s.amber} Amber, ${s.green} Green ` +
      `of ${s.indicators} indicators.`,
    '',
  ];
  if (view.attention.length === 0) lines.push('No indicator is Red or Amber.', '');
  for (const item of view.attention)
    lines.push(
      `${item.statusLabel}: ${item.code} ${item.title}`,
      `  ${item.versus} · ${item.direction}`,
      `  ${item.why}`,
      ...(item.standing === null ? [] : [`  ${view.standingLabel}: ${item.standing}`]),
      '',
    );
  if (s.changes.length === 0) lines.push(`No indicator changed status since ${s.previousMonthTitle}.`);
  else {
    lines.push(`Changed status since ${s.previousMonthTitle}:`);
    for (const c of s.changes) lines.push(`  - ${c.code} ${c.title}: ${c.text}`);
  }
  return [...lines, ''];
}

/** The whole pack as plain text, opened by what needs attention; `note` leads when set (e.g. "Revised"). */
export function packText(view: PackView, note: string | null, showRunDetails: boolean): string {
  const lines: string[] = [];
  if (note) lines.push(note, '');
  lines.push(view.title, `${view.authority} · ${view.periodTitle}. The workbook ${view.workbookName} is attached.`, '');
  lines.push(...attentionText(view));
  lines.push(`${view.corporatePlanLegend}.`, '');
  for (const section of view.sections) lines.push(...sectionText(view, section));
  lines.push(...qualityText(view.quality));
  lines.push('== Definitions ==', '');
  for (const d of view.definitions) lines.push(`  ${d.codes}: ${d.dates ? `${d.dates}: ` : ''}${d.text}`);
  for (const m of view.methods) lines.push(`  ${m.codes}: ${m.text}`);
  lines.push('', showRunDetails ? `${view.about.produced} ${view.about.runDetails}` : view.about.produced);
  return lines.join('\n') + '\n';
}
