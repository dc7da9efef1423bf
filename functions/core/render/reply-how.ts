/**
 * What the preview (and the failure notice) tells the officer to do next. With email
 * receiving on, the answer is a reply (docs/EMAIL-ROUND-TRIP.md); without it, the CLI's
 * commands. Declared here only, so the HTML and the text alternative say the same.
 */
import type { Period } from '../types';

/** The preview's instructions, one paragraph per entry. */
export function previewInstructions(period: Period, byEmail: boolean): string[] {
  if (byEmail)
    return [
      'To change the comments: edit the yellow comment cells in the attached workbook and reply to this email ' +
        'with it attached. A revised preview comes back within a minute.',
      'To send the pack to the distribution list: reply with APPROVE as the first line.',
    ];
  return [
    'To change the comments: edit the yellow comment cells in the attached workbook, then ' +
      `npm run report -- comments import --period ${period} --from EDITED.xlsx (and upload the comments file).`,
    `To send the pack to the distribution list: npm run report -- rerun --period ${period} --reason "…" --send.`,
  ];
}

/** The failure notice's line about what follows a rerun. */
export function afterRerunInstructions(byEmail: boolean): string {
  return byEmail
    ? 'The rerun sends a new preview: edit the yellow comment cells in its attached workbook and reply with it ' +
        'attached; reply with APPROVE to send the pack.'
    : 'Nothing was sent to the distribution list; a rerun with --send sends the pack once it is produced.';
}
