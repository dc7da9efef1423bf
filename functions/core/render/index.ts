/** Rendering the pack: the report page, the email forms, the workbook, and reading comments back. */
export { renderReportHtml } from './html';
export { renderEmail, renderFailureNotice, type FailureNoticeInput } from './email';
export { renderWorkbook } from './workbook';
export { importCommentsFromWorkbook, MAX_COMMENT_LENGTH, type ImportCommentsOptions } from './import-comments';
export type { EmailKind, RenderedEmail, RenderMeta } from './render-types';
