/**
 * write: compares the planned files with the output folder and touches only what differs.
 * Unchanged files keep their bytes and mtimes; changed files are replaced atomically (temp file in
 * the same folder, then rename); files from an earlier run that are no longer produced are removed
 * (known from the manifest); nothing else in the folder is ever touched.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../emit/context.js';
import { isInside, manifestContent, MANIFEST_NAME, readManifest } from './manifest.js';

export interface OutputPlan {
  /** New or changed files (including the manifest). */
  readonly changed: readonly OutputFile[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
  /** Files an earlier run generated that this run does not produce. */
  readonly stale: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Marks a file as ours, so an existing file with it (and no manifest entry) may be replaced. */
const GENERATED_MARK = '@generated';

export function planOutput(outDir: string, files: readonly OutputFile[]): OutputPlan {
  const previous = readManifest(outDir);
  const diagnostics: Diagnostic[] = previous.problem ? [{ code: 'CG302', severity: 'warning', message: previous.problem, file: join(outDir, MANIFEST_NAME) }] : [];
  const all = [...files, { path: MANIFEST_NAME, content: manifestContent(files.map((f) => f.path)) }];
  const known = new Set(previous.files);
  const changed: OutputFile[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  for (const file of all) {
    if (!isInside(file.path)) throw new Error(`internal error: output path "${file.path}" leaves the output folder`);
    const existing = readIfExists(join(outDir, file.path));
    if (existing === file.content) {
      unchanged.push(file.path);
      continue;
    }
    if (existing === undefined) missing.push(file.path);
    else if (!known.has(file.path) && file.path !== MANIFEST_NAME && !existing.slice(0, 500).includes(GENERATED_MARK)) {
      diagnostics.push({
        code: 'CG301',
        severity: 'error',
        file: join(outDir, file.path),
        message: 'would overwrite a file that contractgen did not generate',
        hint: 'move the file away, or choose another output folder',
      });
      continue;
    }
    changed.push(file);
  }
  const produced = new Set(all.map((f) => f.path));
  const stale = previous.files.filter((path) => !produced.has(path) && readIfExists(join(outDir, path)) !== undefined);
  return { changed, missing, unchanged, stale, diagnostics };
}

/** Applies a plan: every new file is written to a temp name first, then all are renamed into place. */
export function applyPlan(outDir: string, plan: OutputPlan): void {
  const staged: [string, string][] = [];
  const manifest = plan.changed.find((f) => f.path === MANIFEST_NAME);
  try {
    for (const file of plan.changed) {
      if (file === manifest) continue;
      staged.push([stage(outDir, file), join(outDir, file.path)]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const path of plan.stale) {
    rmSync(join(outDir, path), { force: true });
    removeEmptyParents(outDir, path);
  }
  // The manifest goes last: until it is replaced, the previous one still lists every file an earlier run made.
  if (manifest) renameSync(stage(outDir, manifest), join(outDir, MANIFEST_NAME));
}

function stage(outDir: string, file: OutputFile): string {
  const target = join(outDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${file.path.split('/').pop()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, file.content);
  return temp;
}

function removeEmptyParents(outDir: string, path: string): void {
  let dir = dirname(path);
  while (dir !== '.' && dir !== '') {
    const full = join(outDir, dir);
    try {
      if (readdirSync(full).length > 0) return;
      rmdirSync(full);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
