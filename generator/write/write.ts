/**
 * write: compares each emitted file with the output folder(s) as it arrives and touches only what
 * differs. Unchanged files keep their bytes and mtimes. A changed file is written at once to a
 * temp name beside its target and renamed into place only when the whole run has succeeded, so
 * memory holds one spec's output at a time and a failed run leaves the folders as they were.
 * Files from an earlier run that are no longer produced are removed (known from each folder's
 * manifest); nothing else in the folders is ever touched.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../emit/context.js';
import { isInside, manifestContent, MANIFEST_NAME, readManifest } from './manifest.js';

/** An output folder and the emitted paths it receives (the first target whose prefix matches). */
export interface OutputTarget {
  readonly prefix: string;
  readonly dir: string;
}

export interface OutputSummary {
  /** New or changed files (manifests included), by emitted path. */
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
  /** Files an earlier run generated that this run does not produce. */
  readonly stale: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Marks a file as ours, so an existing file with it (and no manifest entry) may be replaced. */
const GENERATED_MARK = '@generated';

interface TargetState {
  readonly target: OutputTarget;
  readonly known: Set<string>;
  readonly previous: readonly string[];
  readonly produced: string[];
}

export class OutputSession {
  private readonly states: TargetState[];
  private readonly staged: [temp: string, target: string][] = [];
  /** Folders this run created for staged files, so an abort leaves no empty folder behind either. */
  private readonly createdDirs: string[] = [];
  private readonly changed: string[] = [];
  private readonly missing: string[] = [];
  private readonly unchanged: string[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private stale: string[] = [];

  /** `write`: stage changed files for `commit`; otherwise only compare (check mode). */
  constructor(
    targets: readonly OutputTarget[],
    private readonly write: boolean,
  ) {
    this.states = targets.map((target) => {
      const previous = readManifest(target.dir);
      if (previous.problem) this.diagnostics.push({ code: 'CG302', severity: 'warning', message: previous.problem, file: join(target.dir, MANIFEST_NAME) });
      return { target, known: new Set(previous.files), previous: previous.files, produced: [] };
    });
  }

  absolute(path: string): string {
    const state = this.stateOf(path);
    return join(state.target.dir, path.slice(state.target.prefix.length));
  }

  /** A file this run produces whose bytes are known to be on disk already (verified by the caller). */
  keep(path: string): void {
    const state = this.stateOf(path);
    state.produced.push(path.slice(state.target.prefix.length));
    this.unchanged.push(path);
  }

  add(file: OutputFile): void {
    const state = this.stateOf(file.path);
    const relative = file.path.slice(state.target.prefix.length);
    state.produced.push(relative);
    this.compare(state, relative, file.content, false);
  }

  /** Adds the manifests and finds stale files; call once, after every file was added. */
  finish(): OutputSummary {
    for (const state of this.states) {
      this.compare(state, MANIFEST_NAME, manifestContent(state.produced), true);
      const produced = new Set([...state.produced, MANIFEST_NAME]);
      for (const old of state.previous) {
        if (!produced.has(old) && readIfExists(join(state.target.dir, old)) !== undefined) this.stale.push(state.target.prefix + old);
      }
    }
    return { changed: this.changed, missing: this.missing, unchanged: this.unchanged, stale: this.stale, diagnostics: this.diagnostics };
  }

  /** Renames every staged file into place (manifests last), then removes stale files. */
  commit(): void {
    const manifests = this.staged.filter(([, target]) => target.endsWith(MANIFEST_NAME));
    for (const [temp, target] of this.staged) if (!manifests.some(([t]) => t === temp)) renameSync(temp, target);
    for (const path of this.stale) {
      const file = this.absolute(path);
      rmSync(file, { force: true });
      removeEmptyParents(file, this.stateOf(path).target.dir);
    }
    // Until a manifest is replaced, the previous one still lists every file an earlier run made.
    for (const [temp, target] of manifests) renameSync(temp, target);
    this.staged.length = 0;
  }

  /** Deletes every staged temp file: the folders are left exactly as they were. */
  abort(): void {
    for (const [temp] of this.staged) rmSync(temp, { force: true });
    this.staged.length = 0;
    for (const dir of this.createdDirs.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (something else lives there now): leave it.
      }
    }
    this.createdDirs.length = 0;
  }

  private compare(state: TargetState, relative: string, content: string, isManifest: boolean): void {
    if (!isInside(relative)) throw new Error(`internal error: output path "${relative}" leaves the output folder`);
    const path = state.target.prefix + relative;
    const onDisk = join(state.target.dir, relative);
    const existing = readIfExists(onDisk);
    if (existing === content) {
      this.unchanged.push(path);
      return;
    }
    if (existing === undefined) this.missing.push(path);
    else if (!isManifest && !state.known.has(relative) && !existing.slice(0, 500).includes(GENERATED_MARK)) {
      this.diagnostics.push({ code: 'CG301', severity: 'error', file: onDisk, message: 'would overwrite a file that contractgen did not generate', hint: 'move the file away, or choose another output folder' });
      return;
    }
    this.changed.push(path);
    if (this.write) {
      try {
        this.staged.push([this.stage(onDisk, content), onDisk]);
      } catch (error) {
        this.abort();
        throw error;
      }
    }
  }

  private stage(target: string, content: string): string {
    const dir = dirname(target);
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
    if (missing.length > 0) {
      mkdirSync(dir, { recursive: true });
      this.createdDirs.push(...missing);
    }
    const temp = join(dir, `.${target.split(/[\\/]/).pop()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temp, content);
    return temp;
  }

  private stateOf(path: string): TargetState {
    return this.states.find((s) => path.startsWith(s.target.prefix))!;
  }
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
