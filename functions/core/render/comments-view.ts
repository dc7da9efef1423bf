/**
 * Section comments as shown: the supplied text, the drafted text, or a placeholder. A
 * drafted performance comment arrives as one sentence per row (functions/core/pack/comments.ts);
 * shown that way it is ten sentences each starting "As at the end of November…" (issue 14),
 * so here the sentences that share an opening are joined into one, and the whole draft
 * becomes one short paragraph that keeps every "n out of N" figure.
 */

/** Text shown (and pre-filled in the workbook) where no service comment was supplied. */
export const SERVICE_PLACEHOLDER = 'Service comment to be supplied by the service.';
/** Text shown where neither a performance comment nor a draft exists. */
export const PERFORMANCE_PLACEHOLDER = 'Performance comment to be supplied.';
/** Every placeholder text: the workbook import never takes one of these as a comment. */
export const PLACEHOLDERS: readonly string[] = [SERVICE_PLACEHOLDER, PERFORMANCE_PLACEHOLDER];

export type CommentState = 'supplied' | 'draft' | 'placeholder';

export interface CommentView {
  /** The text as shown: the comment, the draft, or the placeholder. */
  text: string;
  paragraphs: string[];
  state: CommentState;
  isDraft: boolean;
  isPlaceholder: boolean;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The openings the draft sentences share (the wording of functions/core/pack/comments.ts).
 * A sentence with another opening is kept as it is, so a change of wording there can only
 * make the paragraph less compact, never wrong.
 */
function sharedOpenings(monthName: string): string[] {
  return [`As at the end of ${monthName} `, `In ${monthName} `];
}

/**
 * The drafted sentences as one paragraph: "As at the end of November, A; B; C. In November,
 * D; E. Of the plans ending, …". Sentences are grouped by opening at the place of the first.
 */
export function composeDraft(sentences: string[], monthName: string): string {
  const openings = sharedOpenings(monthName);
  const groups: Array<{ opening: string | null; parts: string[] }> = [];
  for (const sentence of sentences) {
    const opening = openings.find((o) => sentence.startsWith(o)) ?? null;
    const group = opening === null ? undefined : groups.find((g) => g.opening === opening);
    const rest = opening === null ? sentence : sentence.slice(opening.length).replace(/\.$/, '');
    if (group) group.parts.push(rest);
    else groups.push({ opening, parts: [rest] });
  }
  return groups
    .map((g) => (g.opening === null ? g.parts.join(' ') : `${g.opening.trimEnd()}, ${g.parts.join('; ')}.`))
    .join(' ');
}

export function commentView(text: string | null, draft: boolean, placeholder: string, monthName: string): CommentView {
  const has = text !== null && text.trim() !== '';
  const state: CommentState = !has ? 'placeholder' : draft ? 'draft' : 'supplied';
  const shown = has ? text : placeholder;
  const paragraphs = state === 'draft' ? [composeDraft(paragraphsOf(shown), monthName)] : paragraphsOf(shown);
  return {
    text: state === 'draft' ? paragraphs[0] : shown,
    paragraphs,
    state,
    isDraft: state === 'draft',
    isPlaceholder: state === 'placeholder',
  };
}
