/**
 * What the preview and the failure notice tell the officer to do (issue 17, deliver 1):
 * with receiving on, the answer is a reply; without it, the CLI's commands.
 */
import { renderFailureNotice } from '../../../functions/core/render/email';
import { afterRerunInstructions, previewInstructions } from '../../../functions/core/render/reply-how';

test('the preview, receiving on: edit the yellow cells and reply with the workbook; APPROVE sends', () => {
  const text = previewInstructions('2013-11', true).join('\n');
  expect(text).toContain(
    'edit the yellow comment cells in the attached workbook and reply to this email with it attached',
  );
  expect(text).toContain('reply with APPROVE as the first line');
  expect(text).not.toContain('npm run');
});

test('the preview, receiving off: the CLI commands for that month', () => {
  const text = previewInstructions('2013-11', false).join('\n');
  expect(text).toContain('comments import --period 2013-11');
  expect(text).toContain('rerun --period 2013-11');
});

test("the failure notice, receiving on, says the rerun's preview is answered by email", () => {
  const notice = renderFailureNotice({
    title: 'Child protection indicator pack',
    period: '2013-11',
    runId: '20131202T070000.000Z-schedule-3fa1c0',
    reason: 'The extract has no cp_plans table.',
    quality: null,
    afterRerun: afterRerunInstructions(true),
  });
  expect(notice.text).toContain(
    'edit the yellow comment cells in its attached workbook and reply with it attached; reply with APPROVE to send ' +
      'the pack.',
  );
  expect(afterRerunInstructions(false)).toContain('a rerun with --send');
});
