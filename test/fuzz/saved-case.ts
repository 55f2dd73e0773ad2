/** A fuzz case as a file (JSON; file contents that are not UTF-8 kept as base64), for `replay.ts`. */
import type { CaseFile, FuzzCase } from './case.js';

type SavedFile = Exclude<CaseFile, { content: unknown }> | { readonly path: string; readonly text: string } | { readonly path: string; readonly base64: string };

export function saveCase(fuzzCase: FuzzCase): string {
  const files = fuzzCase.files.map((file): SavedFile => {
    if (!('content' in file)) return file;
    if (typeof file.content === 'string') return { path: file.path, text: file.content };
    return { path: file.path, base64: Buffer.from(file.content).toString('base64') };
  });
  return `${JSON.stringify({ ...fuzzCase, files }, null, 2)}\n`;
}

export function loadCase(text: string): FuzzCase {
  const saved = JSON.parse(text) as Omit<FuzzCase, 'files'> & { files: SavedFile[] };
  const files = saved.files.map((file): CaseFile => {
    if ('text' in file) return { path: file.path, content: file.text };
    if ('base64' in file) return { path: file.path, content: Buffer.from(file.base64, 'base64') };
    return file;
  });
  return { ...saved, files };
}
