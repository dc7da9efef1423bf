/**
 * The one place a run's manifest is built: each step's result is noted here as it
 * arrives, so a run that fails part way still records what it read, stored and sent.
 */
import type { DataQuality, InputRead, TableStats } from '../core/types';
import { qualityCounts, type BatchRecord, type Manifest, type RunStatus } from './manifest';

/** What the manifest says about a run before any step has happened. */
export type RunHeader = Pick<
  Manifest,
  'runId' | 'period' | 'trigger' | 'requestedBy' | 'reason' | 'scheduledTime' | 'delivery' | 'startedAt' | 'codeVersion'
>;

export class RunRecorder {
  private readonly manifest: Manifest;
  /** The extract's data-quality report (with the comments' warnings), once it was read. */
  quality: DataQuality | null = null;

  constructor(header: RunHeader) {
    // Field for field in the order manifest.json has always had.
    this.manifest = {
      runId: header.runId,
      period: header.period,
      trigger: header.trigger,
      requestedBy: header.requestedBy,
      reason: header.reason,
      scheduledTime: header.scheduledTime,
      delivery: header.delivery,
      startedAt: header.startedAt,
      finishedAt: null,
      status: 'failed',
      codeVersion: header.codeVersion,
      configSha256: null,
      inputs: [],
      tables: [],
      outputs: [],
      latestUpdated: false,
      batches: [],
      failureNotice: null,
      dataQuality: null,
      error: null,
    };
  }

  get status(): RunStatus {
    return this.manifest.status;
  }

  /** The configuration's read, whose hash identifies the configuration the pack used. */
  configRead(input: InputRead): void {
    this.manifest.inputs.push(input);
    this.manifest.configSha256 = input.sha256;
  }

  inputsRead(inputs: readonly InputRead[]): void {
    this.manifest.inputs.push(...inputs);
  }

  extractRead(inputs: readonly InputRead[], tables: TableStats[], quality: DataQuality): void {
    this.inputsRead(inputs);
    this.manifest.tables = tables;
    this.quality = quality;
    this.manifest.dataQuality = qualityCounts(quality);
  }

  /** The counts of the pack's data-quality report, which adds the measures' own notes to the extract's. */
  packQuality(quality: DataQuality): void {
    this.manifest.dataQuality = qualityCounts(quality);
  }

  /** The failure's own report when the extract was refused (it is the fuller one). */
  refusedQuality(quality: DataQuality): void {
    this.quality = quality;
  }

  outputStored(key: string): void {
    this.manifest.outputs.push(key);
  }

  latestMoved(moved: boolean): void {
    this.manifest.latestUpdated = moved;
  }

  batchesDealt(batches: readonly BatchRecord[]): void {
    this.manifest.batches.push(...batches);
  }

  batches(): BatchRecord[] {
    return [...this.manifest.batches];
  }

  finished(status: RunStatus): void {
    this.manifest.status = status;
  }

  failed(error: Error, stage: string | null): void {
    this.manifest.status = 'failed';
    this.manifest.error = { name: error.name, message: error.message, stage };
  }

  failureNotice(notice: Manifest['failureNotice']): void {
    this.manifest.failureNotice = notice;
  }

  /** The manifest as it stands, stamped with when the run finished. */
  close(finishedAt: Date): Manifest {
    this.manifest.finishedAt = finishedAt.toISOString();
    return structuredClone(this.manifest);
  }

  counts(): { outputs: number; batches: number; sent: number; skipped: number } {
    const { outputs, batches } = this.manifest;
    const sent = batches.filter((b) => b.outcome === 'sent').length;
    return { outputs: outputs.length, batches: batches.length, sent, skipped: batches.length - sent };
  }
}
