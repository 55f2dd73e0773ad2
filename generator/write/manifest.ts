/**
 * The manifest: which files in the output folder contractgen wrote. Only files listed here are ever
 * removed, so a file placed by hand in the output folder is never deleted.
 */
import { isAbsolute, join, normalize } from 'node:path';
import { InputFileError, readRegularFile } from '../load/read-input.js';

export const MANIFEST_NAME = '.contractgen-manifest.json';

export function manifestContent(paths: readonly string[]): string {
  return JSON.stringify({ generator: 'contractgen', format: 1, files: [...paths].sort() }, null, 2) + '\n';
}

/** Files the previous run wrote; an unreadable or foreign manifest means "none" (so nothing is deleted). */
export function readManifest(outDir: string): { files: string[]; problem?: string } {
  let text: string;
  try {
    // A regular file only: a FIFO put in its place would block the run forever.
    text = readRegularFile(join(outDir, MANIFEST_NAME)).toString('utf8');
  } catch (error) {
    return error instanceof InputFileError ? { files: [], problem: `ignored ${MANIFEST_NAME}: it is not a regular file; no stale file will be removed this run` } : { files: [] };
  }
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== 'contractgen' || !Array.isArray(parsed.files)) throw new Error('not a contractgen manifest');
    return { files: parsed.files.filter((f): f is string => typeof f === 'string' && isInside(f)) };
  } catch (error) {
    return { files: [], problem: `ignored ${MANIFEST_NAME}: ${(error as Error).message}; no stale file will be removed this run` };
  }
}

/** A relative path that stays inside the output folder. */
export function isInside(path: string): boolean {
  if (isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  const normal = normalize(path);
  return normal === path && !normal.startsWith('..') && normal !== '.';
}
