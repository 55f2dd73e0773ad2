/**
 * One fuzz project on disk, `<watched>/project`, and the same state before every case: the
 * companion specs, their generated output and a warm build cache (in a node_modules of its own),
 * as the first run left them, restored byte for byte. A case places its files (case.ts), runs the
 * pipeline in-process through the programmatic API, and comes back with the invariants it broke
 * (invariants.ts) and what its kind requires that it did not show (kinds.ts). Nothing a case does
 * reaches the next one: its outcome depends on the case alone, whatever ran before it on this thread.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/index.js';
import { WATCHED_BAIT, type CaseFile, type FuzzCase } from './case.js';
import { fileTree, treeChanges } from '../support/file-tree.js';
import { brokenInvariants, watchedTree } from './invariants.js';
import { kindViolations } from './kinds.js';
import { COMPANIONS } from './seeds.js';

export const OUT = 'generated';

export interface CaseOutcome {
  readonly ok: boolean;
  readonly errors: number;
  /** The diagnostics' severities and codes, sorted: what must come out the same whenever the case runs. */
  readonly codes: readonly string[];
  readonly violations: string[];
  readonly ms: number;
}

export class FuzzProject {
  readonly watched: string;
  readonly root: string;
  /** The project after the first run (build cache included): every entry's state (file-tree.ts), and each file's bytes. */
  private pristine = new Map<string, string>();
  private readonly bytes = new Map<string, Buffer>();

  constructor(dir: string) {
    this.watched = join(dir, 'watched');
    this.root = join(this.watched, 'project');
    rmSync(this.watched, { recursive: true, force: true });
    mkdirSync(join(this.root, 'node_modules'), { recursive: true });
    this.restoreBait();
    writeFileSync(join(this.root, 'package.json'), '{ "name": "fuzz-project", "private": true }\n');
    for (const [path, source] of Object.entries(COMPANIONS)) this.place({ path, content: readFileSync(source) });
  }

  /** The first run: loads every stage of the pipeline, writes the companions' output and build cache, and keeps the result as the state every case starts from. */
  async warmUp(): Promise<void> {
    const before = watchedTree(this.watched, this.root);
    const result = await this.generate('write');
    if (!result.ok) throw new Error(`the fuzz project does not generate cleanly: ${JSON.stringify(result.diagnostics)}`);
    const changed = treeChanges(before, watchedTree(this.watched, this.root));
    if (changed.length > 0) throw new Error(`the fuzz project's first run changed ${changed.join(', ')}, outside its output folder and build cache`);
    this.pristine = fileTree(this.root);
    for (const [path, state] of this.pristine) if (state !== 'folder') this.bytes.set(path, readFileSync(join(this.root, path)));
  }

  /** Puts the project back as the first run left it, byte for byte: what differs is removed or written again. */
  restore(): void {
    this.restoreBait();
    const now = fileTree(this.root);
    // Deepest first: whatever the last case or run added (a folder goes with what is in it).
    for (const path of [...now.keys()].sort().reverse()) if (!this.pristine.has(path)) rmSync(join(this.root, path), { recursive: true, force: true });
    // Parents first: whatever it changed or removed.
    for (const [path, state] of [...this.pristine].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (now.get(path) === state) continue;
      if (state === 'folder') {
        if (now.has(path)) rmSync(join(this.root, path), { force: true });
        mkdirSync(join(this.root, path), { recursive: true });
      } else this.place({ path, content: this.bytes.get(path)! });
    }
  }

  /** The bait beside the project (case.ts) as it was: a case that changed it is a finding already, and the next one must not see the change. */
  private restoreBait(): void {
    for (const [path, content] of Object.entries(WATCHED_BAIT)) {
      const at = join(this.root, path);
      if (existsSync(at) && readFileSync(at, 'utf8') === content) continue;
      mkdirSync(dirname(at), { recursive: true });
      writeFileSync(at, content);
    }
  }

  /** One case's entry in the project. */
  place(file: CaseFile): void {
    const at = join(this.root, file.path);
    // Read before anything is removed: an edit is of the fixed state, whatever the case placed before.
    const content = 'insert' in file ? this.edited(file) : 'content' in file ? file.content : undefined;
    mkdirSync(dirname(at), { recursive: true });
    rmSync(at, { recursive: true, force: true });
    if (content !== undefined) writeFileSync(at, content);
    else if ('symlink' in file) symlinkSync(file.symlink, at);
    else mkdirSync(at);
  }

  /** The fixed state's bytes of `path`, with `insert` after the first `after`. */
  private edited({ path, after, insert }: { path: string; after: string; insert: string }): string {
    const text = this.bytes.get(path)?.toString('utf8');
    const at = text?.indexOf(after) ?? -1;
    if (at < 0) throw new Error(`a case edits ${path}, but the project's fixed state has ${text === undefined ? 'no such file' : `no "${after}" in it`}`);
    return text!.slice(0, at + after.length) + insert + text!.slice(at + after.length);
  }

  /** Places the case's files on the restored project: what `run` runs on, and what a CLI run may run on instead. */
  prepare(fuzzCase: FuzzCase): void {
    this.restore();
    for (const file of fuzzCase.files) this.place(file);
  }

  async run(fuzzCase: FuzzCase): Promise<CaseOutcome> {
    this.prepare(fuzzCase);
    const before = { watched: watchedTree(this.watched, this.root), output: fileTree(join(this.root, OUT)) };
    const start = performance.now();
    let result: GenerateResult | undefined;
    let thrown: unknown;
    try {
      result = await this.generate(fuzzCase.mode);
    } catch (error) {
      thrown = error;
    }
    const ms = performance.now() - start;
    if (thrown !== undefined) return { ok: false, errors: 0, codes: [], violations: [`an exception escaped generate(): ${(thrown as Error).stack ?? String(thrown)}`], ms };
    const codes = result!.diagnostics.map((d) => `${d.severity} ${d.code}`).sort();
    const caseRun = { root: this.root, watched: this.watched, result: result!, before, fuzzCase };
    const violations = [...brokenInvariants(caseRun), ...kindViolations(caseRun)];
    return { ok: result!.ok, errors: result!.diagnostics.filter((d) => d.severity === 'error').length, codes, violations, ms };
  }

  private generate(mode: FuzzCase['mode']): Promise<GenerateResult> {
    return generate({ root: this.root, out: OUT, adapters: 'none', mode, workers: 0 });
  }
}
