/**
 * What an officer's reply asks for: APPROVE (its first written line is APPROVE, in any
 * case, with trailing punctuation or spaces allowed, quoted text ignored), new comments
 * (an .xlsx attached: the edited pack workbook), or nothing this tool understands (a
 * plain reply saying what was understood). Limits are applied before anything is
 * opened, and an attached workbook goes through the extract reader's zip guard (a
 * decompression bomb named .xlsx is stopped there) before the CLI's own comment import
 * reads it — the same import as `comments import`, so any writer's workbook works.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../core/errors';
import { describeBytes, FileFailureError } from '../core/extract/limits';
import { ZipGuard } from '../core/extract/zip-guard';
import type { CommentsFile } from '../core/pack/pack-types';
import { importCommentsFromWorkbook, WorkbookPeriodError } from '../core/render/import-comments';
import { monthTitle } from '../core/render/labels';
import { isPeriod } from '../core/calendar';
import type { Period } from '../core/types';
import { INBOUND_LIMITS, type InboundLimits } from './limits';
import type { InboundMail, MailAttachment } from './parse-mail';

export type RefusalReason =
  | 'too-many-attachments'
  | 'attachment-too-large'
  | 'approve-with-workbook'
  | 'several-workbooks'
  | 'workbook-unsafe'
  | 'workbook-unreadable'
  | 'workbook-other-month';

export type Request =
  | { kind: 'approve' }
  | { kind: 'comments'; workbook: MailAttachment }
  /** Not acted on; `reply` tells the officer why and what to do. */
  | { kind: 'refuse'; reason: RefusalReason; reply: string }
  /** Neither APPROVE nor a workbook: `reply` says what was understood. */
  | { kind: 'unclear'; reply: string };

const APPROVE = /^approve[\s.!]*$/i;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isApproveLine(line: string | null): boolean {
  return line !== null && APPROVE.test(line.trim());
}

export function isWorkbook(attachment: MailAttachment): boolean {
  return (attachment.filename ?? '').toLowerCase().endsWith('.xlsx') || attachment.contentType === XLSX_TYPE;
}

const nameOf = (attachment: MailAttachment): string =>
  attachment.filename ?? `an unnamed ${attachment.contentType} part`;

export function classifyRequest(mail: InboundMail, limits: InboundLimits = INBOUND_LIMITS): Request {
  if (mail.attachments.length > limits.attachments)
    return refuse(
      'too-many-attachments',
      `Your reply has ${mail.attachments.length} attachments; at most ${limits.attachments} are read. ` +
        'Reply to the preview again with only the edited workbook attached.',
    );
  const oversized = mail.attachments.find((attachment) => attachment.content.length > limits.attachmentBytes);
  if (oversized)
    return refuse(
      'attachment-too-large',
      `The attachment ${nameOf(oversized)} is ${describeBytes(oversized.content.length)}, over the ` +
        `${describeBytes(limits.attachmentBytes)} limit, so it was not opened. The pack workbook is far smaller: ` +
        'attach the pack.xlsx from the preview, with your comments in its yellow cells.',
    );
  const workbooks = mail.attachments.filter(isWorkbook);
  if (isApproveLine(mail.firstLine)) {
    if (workbooks.length > 0)
      return refuse(
        'approve-with-workbook',
        'Your reply says APPROVE and also attaches a workbook. Approving sends the pack exactly as previewed, ' +
          'without the workbook’s comments, so nothing was done. Reply with the workbook alone to get a revised ' +
          'preview, then approve that preview with APPROVE alone.',
      );
    return { kind: 'approve' };
  }
  if (workbooks.length > 1)
    return refuse(
      'several-workbooks',
      `Your reply attaches ${workbooks.length} workbooks (${workbooks.map(nameOf).join(', ')}); attach only the ` +
        'edited pack workbook.',
    );
  if (workbooks.length === 1) return { kind: 'comments', workbook: workbooks[0] };
  const firstLine = mail.firstLine === null ? '' : ` Its first line reads: "${mail.firstLine.slice(0, 200)}".`;
  return {
    kind: 'unclear',
    reply:
      'Your reply was received, but it neither starts with APPROVE nor attaches the edited pack workbook (.xlsx), ' +
      `so nothing was done.${firstLine} ` +
      'To send the pack, reply to the preview with APPROVE as the first line. To change comments, edit the yellow ' +
      'comment cells in the attached workbook and reply with it attached.',
  };
}

function refuse(reason: RefusalReason, reply: string): Request {
  return { kind: 'refuse', reason, reply };
}

export type WorkbookImport =
  | { kind: 'comments'; comments: CommentsFile }
  | { kind: 'refuse'; reason: 'workbook-unsafe' | 'workbook-unreadable' | 'workbook-other-month'; reply: string };

/** Reads the comment cells of an attached workbook for the run's period, guarded by the zip limits first. */
export async function importReplyWorkbook(
  workbook: MailAttachment,
  period: Period,
  limits: InboundLimits = INBOUND_LIMITS,
): Promise<WorkbookImport> {
  try {
    await pipeline(
      Readable.from([workbook.content]),
      new ZipGuard(limits.workbook),
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
  } catch (error) {
    if (!(error instanceof FileFailureError)) throw error;
    return {
      kind: 'refuse',
      reason: 'workbook-unsafe',
      reply:
        `The attached ${nameOf(workbook)} was not read: ${error.failure.message}. ` +
        'Attach the pack.xlsx from the preview, saved from Excel as .xlsx.',
    };
  }
  try {
    return { kind: 'comments', comments: await importCommentsFromWorkbook(workbook.content, { period }) };
  } catch (error) {
    if (error instanceof WorkbookPeriodError) return otherMonth(workbook, error);
    if (!(error instanceof UserError)) throw error;
    return {
      kind: 'refuse',
      reason: 'workbook-unreadable',
      reply: `The attached ${nameOf(workbook)} was not imported. ${error.message}`,
    };
  }
}

/** A workbook for another month than the preview answered: said in the officer's terms, not the CLI's. */
function otherMonth(workbook: MailAttachment, error: WorkbookPeriodError): WorkbookImport {
  const title = (period: string): string => (isPeriod(period) ? monthTitle(period) : period);
  const theirs = title(error.workbookPeriod);
  const ours = title(error.expectedPeriod);
  return {
    kind: 'refuse',
    reason: 'workbook-other-month',
    reply:
      `The attached ${nameOf(workbook)} is the ${theirs} pack, but your reply answers the ${ours} preview, so ` +
      'nothing was stored and no revised preview was sent. Attach the workbook from this preview, with your ' +
      `comments in its yellow cells; or reply to the ${theirs} preview with that workbook.`,
  };
}
