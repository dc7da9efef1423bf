/** Run facts the renderers show (About sheet, footers). Not part of pack.json. */
export interface RenderMeta {
  runId: string;
  /** ISO timestamp of generation. */
  generatedAt: string;
  /** Where the extract and configuration came from (keys or paths). */
  sources: string[];
  codeVersion: string;
  /** The workbook attachment's file name, as the email body names it (see workbook-name.ts). */
  workbookName: string;
}

/** Why an email is sent: the month's scheduled pack, a revised resend, or a preview. */
export type EmailKind = 'pack' | 'revised' | 'preview';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
