/**
 * Output stamps: is a generated file on disk still what a run left there? By size and nanosecond
 * modification and change times first; by content when those moved, or when the file system
 * keeps only whole seconds (then an edit in the same second would not show).
 */
import { readFileSync, statSync } from 'node:fs';
import type { OutputPaths } from '../fs/output-path.js';
import { sha1 } from '../values.js';
import type { OutputStamp } from './format.js';

/** Whether an emitted path's output is as `stamp` says, known without looking (watched-outputs.ts); for one run. */
export type TrustedOutput = (path: string, stamp: OutputStamp | undefined) => boolean;

export function stampOf(file: string, hash: string): OutputStamp | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return [hash, Number(stat.size), String(stat.mtimeNs), String(stat.ctimeNs)];
  } catch {
    return undefined;
  }
}

/**
 * Whether an output is where the writer's path rule lets it be (no symlink on the way: a run from
 * scratch refuses that) and still holds the content its stamp records. The rule's lstat of the file
 * is the stat the stamp is compared with.
 */
export function outputHolds(paths: Pick<OutputPaths, 'existing'>, path: string, stamp: OutputStamp | undefined): boolean {
  const found = stamp && paths.existing(path);
  if (!stamp || !found) return false;
  const { leaf: stat } = found;
  if (!stat.isFile() || Number(stat.size) !== stamp[1]) return false;
  const coarse = stamp[2].endsWith('000000000') && stamp[3].endsWith('000000000');
  if (!coarse && String(stat.mtimeNs) === stamp[2] && String(stat.ctimeNs) === stamp[3]) return true;
  try {
    return sha1(readFileSync(found.path)) === stamp[0];
  } catch {
    return false;
  }
}

/**
 * Whether each output is still as `stamps` recorded it: trusted without a look when a watch process
 * saw nothing change it (`trusted`, cache/watched-outputs.ts), looked at otherwise. Without `paths`
 * (a run that writes nothing) only whether it has a stamp.
 */
export function outputCheck(stamps: Readonly<Record<string, OutputStamp>>, paths: Pick<OutputPaths, 'existing'> | undefined, trusted?: TrustedOutput): (path: string) => boolean {
  return (path) => {
    const stamp = stamps[path];
    if (!paths) return stamp !== undefined;
    return trusted?.(path, stamp) === true || outputHolds(paths, path, stamp);
  };
}
