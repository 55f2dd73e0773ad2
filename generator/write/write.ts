/**
 * write: compares the planned files with the output folder(s) and touches only what differs.
 * Unchanged files keep their bytes and mtimes; changed files are replaced atomically (temp file in
 * the same folder, then rename); files from an earlier run that are no longer produced are removed
 * (known from each folder's manifest); nothing else in the folders is ever touched.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../emit/context.js';
import { isInside, manifestContent, MANIFEST_NAME, readManifest } from './manifest.js';

/** An output folder and the emitted paths it receives (the first target whose prefix matches). */
export interface OutputTarget {
  readonly prefix: string;
  readonly dir: string;
}

/** A file to write, by its emitted path and its place on disk. */
interface PlannedFile extends OutputFile {
  readonly absolute: string;
  readonly isManifest: boolean;
}

export interface OutputPlan {
  /** New or changed files (including manifests), by emitted path. */
  readonly changed: readonly PlannedFile[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
  /** Files an earlier run generated that this run does not produce. */
  readonly stale: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Where an emitted path lives on disk. */
  absolute(path: string): string;
  /** The output folder an emitted path belongs to. */
  folderOf(path: string): string;
}

/** Marks a file as ours, so an existing file with it (and no manifest entry) may be replaced. */
const GENERATED_MARK = '@generated';

/**
 * Plans the writes. `kept` are paths this run produces whose bytes are known to be on disk already
 * (reused from the cache after checking them): they count as unchanged and stay in the manifest.
 */
export function planOutputs(targets: readonly OutputTarget[], files: readonly OutputFile[], kept: readonly string[] = []): OutputPlan {
  const targetOf = (path: string) => targets.find((t) => path.startsWith(t.prefix))!;
  const absolute = (path: string) => {
    const target = targetOf(path);
    return join(target.dir, path.slice(target.prefix.length));
  };
  const changed: PlannedFile[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  const stale: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const own = files.filter((f) => targetOf(f.path) === target).map((f) => ({ path: f.path.slice(target.prefix.length), content: f.content }));
    const ownKept = kept.filter((path) => targetOf(path) === target).map((path) => path.slice(target.prefix.length));
    for (const path of ownKept) unchanged.push(target.prefix + path);
    const previous = readManifest(target.dir);
    if (previous.problem) diagnostics.push({ code: 'CG302', severity: 'warning', message: previous.problem, file: join(target.dir, MANIFEST_NAME) });
    const known = new Set(previous.files);
    const all = [...own, { path: MANIFEST_NAME, content: manifestContent([...own.map((f) => f.path), ...ownKept]) }];
    for (const file of all) {
      if (!isInside(file.path)) throw new Error(`internal error: output path "${file.path}" leaves the output folder`);
      const path = target.prefix + file.path;
      const onDisk = join(target.dir, file.path);
      const existing = readIfExists(onDisk);
      if (existing === file.content) {
        unchanged.push(path);
        continue;
      }
      const isManifest = file.path === MANIFEST_NAME;
      if (existing === undefined) missing.push(path);
      else if (!known.has(file.path) && !isManifest && !existing.slice(0, 500).includes(GENERATED_MARK)) {
        diagnostics.push({ code: 'CG301', severity: 'error', file: onDisk, message: 'would overwrite a file that contractgen did not generate', hint: 'move the file away, or choose another output folder' });
        continue;
      }
      changed.push({ path, content: file.content, absolute: onDisk, isManifest });
    }
    const produced = new Set([...all.map((f) => f.path), ...ownKept]);
    for (const old of previous.files) {
      if (!produced.has(old) && readIfExists(join(target.dir, old)) !== undefined) stale.push(target.prefix + old);
    }
  }
  return { changed, missing, unchanged, stale, diagnostics, absolute, folderOf: (path) => targetOf(path).dir };
}

/**
 * Applies a plan. Every new file is written to a temp name first and only then are all renamed into
 * place, so a failure while writing leaves the folders as they were. Manifests go last: until one is
 * replaced, the previous one still lists every file an earlier run made.
 */
export function applyPlan(plan: OutputPlan): void {
  const staged: [string, string][] = [];
  try {
    for (const file of plan.changed) if (!file.isManifest) staged.push([stage(file), file.absolute]);
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const path of plan.stale) {
    const file = plan.absolute(path);
    rmSync(file, { force: true });
    removeEmptyParents(file, plan.folderOf(path));
  }
  for (const file of plan.changed) if (file.isManifest) renameSync(stage(file), file.absolute);
}

function stage(file: PlannedFile): string {
  mkdirSync(dirname(file.absolute), { recursive: true });
  const temp = join(dirname(file.absolute), `.${file.absolute.split(/[\\/]/).pop()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, file.content);
  return temp;
}

/** Removes folders left empty by a stale file, up to (not including) the output folder. */
function removeEmptyParents(file: string, outputFolder: string): void {
  for (let dir = dirname(file); dir.startsWith(outputFolder) && dir !== outputFolder; dir = dirname(dir)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
