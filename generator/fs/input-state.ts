/**
 * What the build cache compares an input by, to know whether a result made from it still holds:
 * the hash of its bytes; ABSENT when nothing is at the path (a file the module resolver looked for
 * and did not find: one appearing there can change what an import resolves to); undefined when it
 * cannot be read as a regular file (a folder, a FIFO, no permission), which matches no record.
 */
import { sha1 } from '../values.js';
import { readRegularFile } from './read-input.js';

export const ABSENT = 'absent';

export function inputState(path: string): string | undefined {
  try {
    // A regular file only: an input replaced by a FIFO since the last run must not block the run.
    return sha1(readRegularFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? ABSENT : undefined;
  }
}
