/**
 * The one way a run reads an input file (spec, import, adapter, template, config): inside the
 * run's folders (input-boundary.ts), a regular file (a FIFO named `x.ts` would block the run
 * forever, a device would never end), and UTF-8 (anything else would silently become U+FFFD).
 * Each refusal is an InputFileError carrying the diagnostic to report.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type BigIntStats, type Stats } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.js';
import type { InputBoundary } from './input-boundary.js';

export class InputFileError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'InputFileError';
  }
}

/** CG104: an input file that is never read. */
export function refusedFile(file: string, why: string): Diagnostic {
  return { code: 'CG104', severity: 'error', file, message: why, hint: 'inputs must be regular files inside the project; replace the link or special file with a regular file' };
}

/**
 * The text of an input file, or an InputFileError (refused, or not UTF-8); other read errors are
 * thrown as they are. `lossy`: decode bytes that are not UTF-8 as U+FFFD instead (for the code
 * frame of the diagnostic that says so).
 */
export function readInputText(file: string, boundary: InputBoundary, options: { lossy?: boolean } = {}): string {
  return readInput(file, boundary, options).text;
}

/** readInputText, with the bytes the text was decoded from (the cache hashes exactly what was parsed). */
export function readInput(file: string, boundary: InputBoundary, options: { lossy?: boolean } = {}): { text: string; bytes: Buffer } {
  const verdict = boundary.judge(file);
  if ('refusal' in verdict) throw new InputFileError(refusedFile(file, verdict.refusal));
  const bytes = readRegularFile(verdict.realPath, { noFollow: true }, file);
  return { bytes, text: options.lossy ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : decodeUtf8(bytes, file) };
}

// Not on every platform (Windows): without them the checks below still hold, minus the races they close.
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * The bytes of a regular file. Opened without blocking (opening a FIFO for reading would wait for
 * a writer) and checked on the open descriptor, so the file cannot be swapped between check and read.
 * `noFollow`: the path is a real path already, and a symlink put in its place is refused.
 */
export function readRegularFile(path: string, options: { noFollow?: boolean } = {}, shownAs = path): Buffer {
  return readRegularFileWithStats(path, options, shownAs).bytes;
}

/** readRegularFile, with the stat of the file its bytes were read from (input-state.ts keys a file's hash on it). */
export function readRegularFileWithStats(path: string, options: { noFollow?: boolean } = {}, shownAs = path): { bytes: Buffer; stats: BigIntStats } {
  const fd = openSync(path, constants.O_RDONLY | NON_BLOCKING | (options.noFollow ? NO_FOLLOW : 0));
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) throw new InputFileError(refusedFile(shownAs, `the file is ${describeSpecialFile(stats)}, not a regular file, so it is not read`));
    return { bytes: readFileSync(fd), stats };
  } finally {
    closeSync(fd);
  }
}

/** What a file that is not a regular file is, for messages. */
export function describeSpecialFile(entry: Pick<Stats | BigIntStats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory' | 'isSymbolicLink'>): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isSymbolicLink()) return 'a symlink';
  return 'a special file';
}

/** Bytes -> text, refusing invalid UTF-8 with the position of the first bad byte (CG100). A BOM is kept, as `readFileSync(f, 'utf8')` keeps it. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstBadByte(bytes);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad)).split(/\r\n|\r|\n|\u2028|\u2029/);
    return fail(file, lines.length, lines[lines.length - 1]!.length + 1, bytes[bad]!);
  }
}

function fail(file: string, line: number, column: number, byte: number): never {
  throw new InputFileError({
    code: 'CG100',
    severity: 'error',
    file,
    line,
    column,
    message: `the file is not UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} here cannot start or continue a character (saved as Latin-1 or Windows-1252?)`,
    hint: 'save the file as UTF-8',
  });
}

/**
 * The offset of the first byte that breaks UTF-8. Decoding in streaming mode does not fail on a
 * sequence cut off at the end, so validity of a prefix is monotonic and a binary search finds the
 * longest valid one; a multi-byte sequence left open there is where the bad input starts.
 */
function firstBadByte(bytes: Uint8Array): number {
  const valid = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (valid(middle)) low = middle;
    else high = middle - 1;
  }
  // Step back over continuation bytes (10xxxxxx) to the lead byte of a sequence still open at `low`.
  let lead = low - 1;
  while (lead >= 0 && low - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  return lead >= 0 && low - lead < sequenceLength(bytes[lead]!) ? lead : low;
}

/** How many bytes the UTF-8 sequence a byte starts has (1 for ASCII and for bytes that start none). */
function sequenceLength(byte: number): number {
  if (byte >= 0xf0) return 4;
  if (byte >= 0xe0) return 3;
  return byte >= 0xc0 ? 2 : 1;
}
