/**
 * The data bucket's layout: every key and prefix the run, the CLI, the demo, the monitor
 * and the stack's IAM statements use, declared once (docs/DEPLOY.md, "Where things are").
 *
 *   extracts/<YYYY-MM>/                              the month's extract (one file per table)
 *   config/pack.json                                 the pack configuration (CONFIG_KEY's default)
 *   comments/<YYYY-MM>.json                          the month's supplied comments
 *   reports/<YYYY-MM>/<runId>/pack.html|pack.xlsx|pack.json|manifest.json
 *   reports/<YYYY-MM>/latest.json                    the newest complete run of the month
 *   reports/<YYYY-MM>/delivery/schedule/batch-<n>.json       a batch's delivery claim
 *   reports/<YYYY-MM>/delivery/schedule/batch-<n>.sent.json  its receipt
 *   reports/<YYYY-MM>/previews/<runId>.json          a preview sent: its SES ids, to whom, when
 *   reports/<YYYY-MM>/previews/<runId>.reminded.json the one approval reminder about that preview
 *   comments/history/<YYYY-MM>/<time>.json           a comments file as it was before a reply replaced it
 *   inbox/<SES message id>                           a received message's raw MIME (SES's S3 action)
 *   inbox/processed/<SES message id>.json            its replay marker
 *   inbox/spoof-notices/<SES message id>.json        the one notice to the officers about a refused message
 *   inbox/sent/<SES message id>.json                 which run a preview SES sent with that id belongs to
 *   benchmarks/                                      published comparator figures: a snapshot and DfE's CSVs
 *                                                    (docs/BENCHMARKS-DATA.md)
 *
 * Pure (no I/O, no imports of runtime code) so infra/ can use it without bundling the run.
 * Every key sits under an optional root, '' today, so one deployment can later serve
 * several authorities (`haringey/extracts/…`) by building a Layout per authority.
 */
import type { Period } from './types';

/** The top-level folders, relative to the layout's root. */
export const FOLDERS = {
  extracts: 'extracts/',
  config: 'config/',
  comments: 'comments/',
  reports: 'reports/',
  inbox: 'inbox/',
  benchmarks: 'benchmarks/',
} as const;

export type Folder = keyof typeof FOLDERS;

/** The files a run writes in its own folder. */
export const RUN_FILES = {
  html: 'pack.html',
  workbook: 'pack.xlsx',
  json: 'pack.json',
  manifest: 'manifest.json',
} as const;

export interface Layout {
  /** '' or a prefix ending in '/', under which every other key sits. */
  readonly root: string;
  /** A top-level folder with the root, e.g. `reports/`. */
  readonly folder: (name: Folder) => string;
  readonly extractPrefix: (period: Period) => string;
  /** The configuration the function reads when CONFIG_KEY is not set. */
  readonly configKey: string;
  readonly commentsKey: (period: Period) => string;
  /** `reports/<p>/`: everything about one month. */
  readonly periodPrefix: (period: Period) => string;
  readonly runPrefix: (period: Period, runId: string) => string;
  readonly runFileKey: (period: Period, runId: string, file: keyof typeof RUN_FILES) => string;
  readonly latestKey: (period: Period) => string;
  /** The scheduled pack's delivery ledger for a month. */
  readonly deliveryPrefix: (period: Period) => string;
  readonly claimKey: (period: Period, batch: number) => string;
  readonly receiptKey: (period: Period, batch: number) => string;
  /** The batch a receipt key names, or null for any other key. */
  readonly receiptBatch: (key: string) => number | null;
  /** A month's previews, one index object per preview run (written only when replies are received). */
  readonly previewsPrefix: (period: Period) => string;
  readonly previewKey: (period: Period, runId: string) => string;
  /** The run id a preview index key names, or null for any other key (the reminder markers). */
  readonly previewRunId: (key: string) => string | null;
  readonly previewReminderKey: (period: Period, runId: string) => string;
  /** Where a comments file's earlier content is kept when a reply replaces it (create-only). */
  readonly commentsHistoryKey: (period: Period, replacedAt: Date) => string;
  /** The raw MIME SES's S3 action stored: its object key prefix is `inbox/`. */
  readonly inboxPrefix: string;
  readonly processedPrefix: string;
  readonly spoofNoticePrefix: string;
  readonly sentIndexPrefix: string;
  readonly rawMailKey: (sesMessageId: string) => string;
  /** The replay marker: created once, before the message is acted on (inbound/replay.ts). */
  readonly processedKey: (sesMessageId: string) => string;
  /** The marker that the officers were told of a refused message claiming an officer's address. */
  readonly spoofNoticeKey: (sesMessageId: string) => string;
  /** Which run a message SES sent (a preview batch) belongs to: the reply's In-Reply-To names it. */
  readonly sentIndexKey: (sesMessageId: string) => string;
}

const RECEIPT = /batch-(\d+)\.sent\.json$/;
const PREVIEW = /\/previews\/([^/]+)(?<!\.reminded)\.json$/;

/**
 * SES message ids are letters, digits and hyphens (received: `d6iitobk75ur44p8kdnnp7g2n800`; sent:
 * `0102018c…-000000`); anything else — a slash, a dot — could name another key, so it is refused
 * before any key is built from one.
 */
const SES_MESSAGE_ID = /^[A-Za-z0-9-]{1,128}$/;

export function isSesMessageId(id: string): boolean {
  return SES_MESSAGE_ID.test(id);
}

function checkedSesId(id: string): string {
  if (!isSesMessageId(id)) throw new Error(`not an SES message id: ${JSON.stringify(id.slice(0, 140))}`);
  return id;
}

/** A root must be '' or name a folder: no leading slash, no empty or dot segments. */
function checkedRoot(root: string): string {
  if (root === '') return root;
  const normalised = root.endsWith('/') ? root : `${root}/`;
  const segments = normalised.slice(0, -1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    throw new Error(`A bucket layout root must be '' or a folder such as 'haringey/', not '${root}'`);
  return normalised;
}

export function bucketLayout(root = ''): Layout {
  const base = checkedRoot(root);
  const folder = (name: Folder): string => `${base}${FOLDERS[name]}`;
  const periodPrefix = (period: Period): string => `${folder('reports')}${period}/`;
  const runPrefix = (period: Period, runId: string): string => `${periodPrefix(period)}${runId}/`;
  const deliveryPrefix = (period: Period): string => `${periodPrefix(period)}delivery/schedule/`;
  const previewsPrefix = (period: Period): string => `${periodPrefix(period)}previews/`;
  const inbox = folder('inbox');
  const inboxKey =
    (sub: string, suffix: string) =>
    (id: string): string =>
      `${inbox}${sub}${checkedSesId(id)}${suffix}`;
  return {
    root: base,
    folder,
    extractPrefix: (period) => `${folder('extracts')}${period}/`,
    configKey: `${folder('config')}pack.json`,
    commentsKey: (period) => `${folder('comments')}${period}.json`,
    periodPrefix,
    runPrefix,
    runFileKey: (period, runId, file) => `${runPrefix(period, runId)}${RUN_FILES[file]}`,
    latestKey: (period) => `${periodPrefix(period)}latest.json`,
    deliveryPrefix,
    claimKey: (period, batch) => `${deliveryPrefix(period)}batch-${batch}.json`,
    receiptKey: (period, batch) => `${deliveryPrefix(period)}batch-${batch}.sent.json`,
    receiptBatch: (key) => {
      const match = RECEIPT.exec(key);
      return match ? Number(match[1]) : null;
    },
    previewsPrefix,
    previewKey: (period, runId) => `${previewsPrefix(period)}${runId}.json`,
    previewRunId: (key) => PREVIEW.exec(key)?.[1] ?? null,
    previewReminderKey: (period, runId) => `${previewsPrefix(period)}${runId}.reminded.json`,
    // The time with its punctuation removed sorts as it reads and is a plain key segment.
    commentsHistoryKey: (period, replacedAt) =>
      `${folder('comments')}history/${period}/${replacedAt.toISOString().replace(/[-:.]/g, '')}.json`,
    inboxPrefix: inbox,
    processedPrefix: `${inbox}processed/`,
    spoofNoticePrefix: `${inbox}spoof-notices/`,
    sentIndexPrefix: `${inbox}sent/`,
    rawMailKey: inboxKey('', ''),
    processedKey: inboxKey('processed/', '.json'),
    spoofNoticeKey: inboxKey('spoof-notices/', '.json'),
    sentIndexKey: inboxKey('sent/', '.json'),
  };
}

/** The layout of a deployment serving one authority (today's only kind). */
export const LAYOUT: Layout = bucketLayout();
