/**
 * The run's small inputs: the pack configuration, then (once the run knows it has work
 * to do) the month's supplied comments, by default `comments/<YYYY-MM>.json` in the store.
 */
import type { ObjectStore } from '../../adapters/object-store';
import type { PackConfig } from '../../core/config/pack-config';
import { LAYOUT } from '../../core/layout';
import type { CommentsFile } from '../../core/pack/pack-types';
import type { InputRead, Period, Problem } from '../../core/types';
import { describeLocation, loadComments, loadConfig, type InputLocation } from '../inputs';

export interface ConfigInput {
  config: PackConfig;
  input: InputRead;
  /** For the officer's terminal. */
  progress: string;
}

export async function loadConfigInput(location: InputLocation): Promise<ConfigInput> {
  const { config, input } = await loadConfig(location);
  return { config, input, progress: `configuration read: ${describeLocation(location)}` };
}

export interface CommentsInput {
  /** Null when the month has no comments file. */
  comments: CommentsFile | null;
  inputs: InputRead[];
  /** Warnings about what was removed from the comments. */
  problems: Problem[];
  progress: string | null;
}

/** Where the run reads the month's comments: the one given, else the layout's key in the run's store. */
export function commentsLocation(given: InputLocation | undefined, store: ObjectStore, period: Period): InputLocation {
  return given ?? { store, key: LAYOUT.commentsKey(period) };
}

export async function loadCommentsInput(location: InputLocation): Promise<CommentsInput> {
  const loaded = await loadComments(location);
  if (!loaded) return { comments: null, inputs: [], problems: [], progress: null };
  return {
    comments: loaded.comments,
    inputs: [loaded.input],
    problems: loaded.problems,
    progress: `comments read: ${describeLocation(location)}`,
  };
}
