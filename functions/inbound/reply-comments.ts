/**
 * Comments from a reply: the attached workbook's comment cells (the CLI's own import,
 * behind the zip guard), stored as `comments/<YYYY-MM>.json`, then a revised preview of
 * the month — the same run as `rerun --preview`, to the officer who wrote — marked
 * [Preview, revised] and listing what changed.
 *
 * Nothing stored is lost: before the comments file is replaced, its bytes are copied,
 * create-only, to `comments/history/<YYYY-MM>/<time>.json`. The bucket's versioning
 * also keeps the old version, but only for the noncurrent-version retention days and
 * only in S3; the history copy lives as long as the comments do, works in a local
 * folder too, and can be read without version ids.
 */
import { CONTENT_TYPES } from '../adapters/object-store';
import { UserError } from '../core/errors';
import { LAYOUT } from '../core/layout';
import { changedComments } from '../core/pack/comments-diff';
import type { CommentsFile } from '../core/pack/pack-types';
import { monthTitle } from '../core/render/view-model';
import { createOnce } from '../run/create-once';
import { loadComments } from '../run/inputs';
import { runPack, type RunDeps, type RunResult } from '../run/run';
import type { MailAttachment } from './parse-mail';
import { importReplyWorkbook } from './what-it-asks';
import type { AnsweredRun } from './which-run';

export type CommentsOutcome =
  | { outcome: 'refused'; reason: string; reply: string }
  | { outcome: 'unchanged'; reply: string }
  /** The revised preview is the answer; `reply` only when it could not be made. */
  | { outcome: 'revised'; changes: string[]; run: RunResult; reply: string | null };

async function currentComments(deps: RunDeps, key: string): Promise<CommentsFile | null> {
  try {
    return (await loadComments({ store: deps.store, key }))?.comments ?? null;
  } catch (error) {
    // A stored file the run itself would refuse: every comment in the reply counts as new.
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** Copies the current comments file aside before it is replaced; nothing when there is none. */
async function keepPrevious(deps: RunDeps, run: AnsweredRun, key: string): Promise<void> {
  const previous = await deps.store.get(key);
  if (!previous) return;
  await createOnce(
    deps.store,
    LAYOUT.commentsHistoryKey(run.period, deps.clock.now()),
    previous.body,
    CONTENT_TYPES.json,
  );
}

export async function applyReplyComments(
  run: AnsweredRun,
  workbook: MailAttachment,
  officer: string,
  sesMessageId: string,
  deps: RunDeps,
): Promise<CommentsOutcome> {
  const imported = await importReplyWorkbook(workbook, run.period);
  if (imported.kind === 'refuse') return { outcome: 'refused', reason: imported.reason, reply: imported.reply };
  const key = LAYOUT.commentsKey(run.period);
  const changes = changedComments(await currentComments(deps, key), imported.comments);
  if (changes.length === 0)
    return {
      outcome: 'unchanged',
      reply:
        `The workbook you sent has the same comments as the ${monthTitle(run.period)} pack already holds, ` +
        'so nothing was stored and no revised preview was sent. Edit the yellow comment cells, save, and ' +
        'reply with the workbook attached; or reply APPROVE to send the pack as previewed.',
    };
  await keepPrevious(deps, run, key);
  await deps.store.put(key, `${JSON.stringify(imported.comments, null, 2)}\n`, CONTENT_TYPES.json);
  deps.logger.info('comments-stored', { period: run.period, key, changes: changes.length, from: 'email' });

  const result = await runPack(
    {
      period: run.period,
      trigger: 'rerun',
      requestedBy: officer,
      reason: `comments from the officer's reply (SES message ${sesMessageId})`,
      scheduledTime: null,
      delivery: { mode: 'preview', to: [officer], changedComments: changes },
    },
    deps,
  );
  return {
    outcome: 'revised',
    changes,
    run: result,
    reply: result.error
      ? `Your comments were stored (${changes.join('; ')}), but the revised preview could not be made: ` +
        `${result.error.message}`
      : null,
  };
}
