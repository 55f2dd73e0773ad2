/**
 * Output stamps: is a generated file on disk still what a run left there? By size and nanosecond
 * modification and change times first; by content when those moved, or when the file system
 * keeps only whole seconds (then an edit in the same second would not show).
 */
import { readFileSync, statSync } from 'node:fs';
import { sha1 } from '../values.js';
import type { OutputStamp } from './format.js';

export function stampOf(file: string, hash: string): OutputStamp | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return [hash, Number(stat.size), String(stat.mtimeNs), String(stat.ctimeNs)];
  } catch {
    return undefined;
  }
}

/** Whether `file` still holds the content the stamp records. */
export function stampHolds(file: string, stamp: OutputStamp): boolean {
  let stat;
  try {
    stat = statSync(file, { bigint: true });
  } catch {
    return false;
  }
  if (!stat.isFile() || Number(stat.size) !== stamp[1]) return false;
  const coarse = stamp[2].endsWith('000000000') && stamp[3].endsWith('000000000');
  if (!coarse && String(stat.mtimeNs) === stamp[2] && String(stat.ctimeNs) === stamp[3]) return true;
  try {
    return sha1(readFileSync(file)) === stamp[0];
  } catch {
    return false;
  }
}
