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
 *   inbox/                                           reserved: mail received for the deployment
 *   benchmarks/                                      reserved: published comparator figures
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
}

const RECEIPT = /batch-(\d+)\.sent\.json$/;

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
  };
}

/** The layout of a deployment serving one authority (today's only kind). */
export const LAYOUT: Layout = bucketLayout();
