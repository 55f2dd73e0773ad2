/**
 * The manifest: which files in the output folder contractgen wrote. Only files listed here are ever
 * removed, so a file placed by hand in the output folder is never deleted. Its entries are input
 * (the manifest is committed): the writer checks each by its path rule (output-path.ts).
 */
import { join } from 'node:path';
import { InputFileError, readRegularFile } from '../fs/read-input.js';

export const MANIFEST_NAME = '.contractgen-manifest.json';

export function manifestContent(paths: readonly string[]): string {
  return JSON.stringify({ generator: 'contractgen', format: 1, files: [...paths].sort() }, null, 2) + '\n';
}

/** The entries of the previous run's manifest, unchecked; an unreadable or foreign manifest means "none" (so nothing is deleted). */
export function readManifest(outDir: string): { files: unknown[]; problem?: string } {
  let text: string;
  try {
    // A regular file only: a FIFO put in its place would block the run forever, a symlink leads anywhere.
    text = readRegularFile(join(outDir, MANIFEST_NAME), { noFollow: true }).toString('utf8');
  } catch (error) {
    return error instanceof InputFileError ? { files: [], problem: `ignored ${MANIFEST_NAME}: it is not a regular file; no stale file will be removed this run` } : { files: [] };
  }
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== 'contractgen' || !Array.isArray(parsed.files)) throw new Error('not a contractgen manifest');
    return { files: parsed.files as unknown[] };
  } catch (error) {
    return { files: [], problem: `ignored ${MANIFEST_NAME}: ${(error as Error).message}; no stale file will be removed this run` };
  }
}
