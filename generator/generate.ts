/**
 * The pipeline, stage by stage: discover -> load -> check -> emit -> write. The CLI is a thin shell
 * over this function; tools can call it directly (`import { generate } from 'contractgen'`).
 */
import { resolve } from 'node:path';
import { checkSpecs } from './check/check.js';
import type { CheckedModel } from './check/model.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { EmitContext } from './emit/context.js';
import { emitAll } from './emit/emit.js';
import { DEFAULT_TEMPLATES_DIR, TemplateError, TemplateSet } from './emit/templates.js';
import { discoverSpecFiles } from './load/discover.js';
import { findAdapters } from './load/adapters.js';
import { loadSpecs } from './load/load.js';
import { ModuleGraph } from './load/modules.js';
import { bindAdapters } from './check/bind-adapters.js';
import { enabledArtifacts, type ArtifactToggles } from './config/config.js';
import { applyPlan, planOutputs, type OutputTarget } from './write/write.js';

export type GenerateMode = 'write' | 'check' | 'validate';

export interface GenerateOptions {
  /** Project root: relative paths below are resolved against it; docs and headers show paths relative to it. */
  readonly root?: string;
  readonly specs?: string;
  readonly out?: string;
  /** Folder of hand-written adapters bound to the generated clients (default `adapters`). */
  readonly adapters?: string;
  /** Folders of template overrides, applied over the built-in templates in order. */
  readonly templates?: readonly string[];
  /** Where docs go (default `<out>/docs`). Reported file paths keep the `docs/` prefix either way. */
  readonly docsOut?: string;
  /** Artifacts to switch off, e.g. `{ docs: false }`. */
  readonly artifacts?: ArtifactToggles;
  /** write: generate into `out`; check: compare only (drift is an error); validate: load and check specs only. */
  readonly mode?: GenerateMode;
  readonly runtimeImport?: string;
  readonly specImport?: string;
}

export type FileStatus = 'written' | 'unchanged' | 'removed' | 'missing' | 'drifted' | 'stale';

export interface GenerateResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly specs: readonly { kind: 'integration' | 'capability'; key: string; version: string; file: string }[];
  readonly files: readonly { path: string; status: FileStatus }[];
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
  /** Text of every source file read, for code frames. */
  readonly sourceText: (file: string) => string | undefined;
}

/** The specs, loaded and checked, with adapters bound: everything before emitting. */
export interface CheckedProject {
  readonly model: CheckedModel;
  readonly diagnostics: Diagnostic[];
  readonly sourceText: (file: string) => string | undefined;
  /** Every source file read (specs, their imports, adapters): what a cache or a watcher depends on. */
  readonly files: readonly string[];
}

type Timer = <T>(stage: string, run: () => T) => T;
const untimed: Timer = (_stage, run) => run();

export function loadAndCheck(options: GenerateOptions, time: Timer = untimed): CheckedProject {
  const root = resolve(options.root ?? process.cwd());
  const specsDir = resolve(root, options.specs ?? 'specs');
  const adaptersDir = resolve(root, options.adapters ?? 'adapters');
  const files = time('discover', () => {
    try {
      return discoverSpecFiles(specsDir);
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
  });
  if (files instanceof Error) {
    const diagnostic: Diagnostic = { code: 'CG103', severity: 'error', file: specsDir, message: `cannot read the specs folder (${files.code ?? files.message})` };
    return { model: { integrations: [], capabilities: [] }, diagnostics: [diagnostic], sourceText: () => undefined, files: [] };
  }
  const graph = new ModuleGraph();
  const loaded = time('load', () => loadSpecs(files, graph));
  const adapters = time('load', () => findAdapters(discoverSpecFiles(adaptersDir, { optional: true }), graph));
  const checked = time('check', () => {
    const result = checkSpecs(loaded.specs);
    const bound = bindAdapters(result.model, adapters.adapters);
    return { model: bound.model, diagnostics: [...result.diagnostics, ...bound.diagnostics] };
  });
  return {
    model: checked.model,
    diagnostics: [...loaded.diagnostics, ...adapters.diagnostics, ...checked.diagnostics],
    sourceText: loaded.sourceText,
    files: graph.files(),
  };
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.out ?? 'generated');
  const mode = options.mode ?? 'write';
  const timings: Record<string, number> = {};
  const time: Timer = (stage, run) => {
    const start = performance.now();
    try {
      return run();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };

  const checked = loadAndCheck(options, time);
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const result = (ok: boolean, fileList: GenerateResult['files'] = []): GenerateResult => ({
    ok: ok && !hasErrors(diagnostics),
    diagnostics: sortDiagnostics(diagnostics),
    specs: specList(checked.model),
    files: fileList,
    timings,
    sourceText: checked.sourceText,
  });
  // A failed run writes nothing: not even the files of the specs that were fine.
  if (hasErrors(diagnostics) || mode === 'validate') return result(true);

  let outputs;
  const emitStart = performance.now();
  try {
    const templates = new TemplateSet([DEFAULT_TEMPLATES_DIR, ...(options.templates ?? []).map((dir) => resolve(root, dir))]);
    const context: EmitContext = { templates, root, outDir, artifacts: enabledArtifacts(options.artifacts), runtimeImport: options.runtimeImport ?? 'contractgen/runtime', specImport: options.specImport ?? 'contractgen/spec' };
    outputs = await emitAll(checked.model, context);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    diagnostics.push({ code: 'CG201', severity: 'error', file: error.file, line: error.line, column: error.column, message: `template failed: ${error.message}` });
    return result(false);
  } finally {
    timings.emit = performance.now() - emitStart;
  }

  const targets: OutputTarget[] = options.docsOut ? [{ prefix: 'docs/', dir: resolve(root, options.docsOut) }, { prefix: '', dir: outDir }] : [{ prefix: '', dir: outDir }];
  const plan = time('compare', () => planOutputs(targets, outputs));
  diagnostics.push(...plan.diagnostics);
  if (hasErrors(diagnostics)) return result(false);
  if (mode === 'check') {
    const missing = new Set(plan.missing);
    const fileList = [
      ...plan.changed.map((f) => ({ path: f.path, status: (missing.has(f.path) ? 'missing' : 'drifted') as FileStatus })),
      ...plan.stale.map((path) => ({ path, status: 'stale' as const })),
    ];
    for (const file of fileList) {
      diagnostics.push({ code: 'CG300', severity: 'error', file: plan.absolute(file.path), message: `${file.status}: generated output is not what the specs produce`, hint: 'run `contractgen generate` and commit the result' });
    }
    return result(fileList.length === 0, [...fileList, ...plan.unchanged.map((path) => ({ path, status: 'unchanged' as const }))]);
  }
  time('write', () => applyPlan(plan));
  return result(true, [
    ...plan.changed.map((f) => ({ path: f.path, status: 'written' as const })),
    ...plan.unchanged.map((path) => ({ path, status: 'unchanged' as const })),
    ...plan.stale.map((path) => ({ path, status: 'removed' as const })),
  ]);
}

function specList(model: CheckedModel): GenerateResult['specs'] {
  return [
    ...model.capabilities.map((c) => ({ kind: 'capability' as const, key: c.spec.meta.key, version: c.spec.meta.version, file: c.loaded.file })),
    ...model.integrations.map((i) => ({ kind: 'integration' as const, key: i.spec.meta.key, version: i.spec.meta.version, file: i.loaded.file })),
  ];
}
