/**
 * The run's small inputs: the pack configuration, then (once the run knows it has work
 * to do) the month's supplied comments, by default `comments/<YYYY-MM>.json` in the store.
 */
import type { ObjectStore } from '../../adapters/object-store';
import type { PackConfig } from '../../core/config/pack-config';
import { UserError } from '../../core/errors';
import { LAYOUT } from '../../core/layout';
import { unknownCommentTargets } from '../../core/pack/comment-targets';
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

/** Where the month's comments are read from, and whether they must be there. */
export interface CommentsSource {
  location: InputLocation;
  /**
   * True for a location the person running named (the CLI's --comments): its absence is an error naming it. The
   * layout's key is optional — no comments yet is the normal case for the scheduled run.
   */
  required: boolean;
}

/** Where the run reads the month's comments: the one given (required), else the layout's key in the run's store. */
export function commentsLocation(given: InputLocation | undefined, store: ObjectStore, period: Period): CommentsSource {
  return given
    ? { location: given, required: true }
    : { location: { store, key: LAYOUT.commentsKey(period) }, required: false };
}

export async function loadCommentsInput(source: CommentsSource, config: PackConfig): Promise<CommentsInput> {
  const { location } = source;
  const loaded = await loadComments(location);
  if (!loaded) {
    if (source.required)
      throw new UserError(`No comments file at ${describeLocation(location)}: check the path given with --comments.`);
    return { comments: null, inputs: [], problems: [], progress: null };
  }
  return {
    comments: loaded.comments,
    inputs: [loaded.input],
    problems: [...loaded.problems, ...unknownCommentTargets(loaded.comments, config, location.key)],
    progress: `comments read: ${describeLocation(location)}`,
  };
}
