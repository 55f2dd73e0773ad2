/**
 * The pipeline, stage by stage: discover -> load -> check -> emit -> write. Each stage reuses the
 * previous run's work for inputs whose content has not changed (see cache/store.ts).
 */
import type { SpecFinding } from './spec/findings.js';
import { bindAdapters } from './check/bind-adapters.js';
import { checkSpecs } from './check/check.js';
import type { CheckedModel } from './check/model.js';
import { type CacheData, type CachedSpecFile, hashFiles, outputsIntact, type SerializedSpec } from './cache/store.js';
import { enabledArtifacts } from './config/config.js';
import { hasErrors, sortDiagnostics, type Diagnostic, type SourcePosition } from './diagnostics.js';
import { createEmitContext, type EmitSettings } from './emit/context.js';
import { emitAll, unitSchemas, type UnitEmitter } from './emit/emit.js';
import { ValidatorCompiler } from './emit/standalone-validators.js';
import { TemplateError } from './emit/templates.js';
import { DEFAULT_TEMPLATES_DIR, GENERATOR_VERSION } from './package.js';
import { findAdapters } from './load/adapters.js';
import type { ProjectInputs } from './load/discover.js';
import { loadSpecs } from './load/load.js';
import { createLoadedSpec, PATH_SEPARATOR, type LoadedSpec } from './load/model.js';
import { ModuleGraph } from './load/modules.js';
import { outputTargets, type FileStatus, type GenerateResult, type ResolvedOptions, type SpecSummary } from './options.js';
import { OutputSession } from './write/write.js';
import { Workers } from './parallel/workers.js';

/** Times `run` under `stage` (until its promise settles, for async work). */
export type Timer = <T>(stage: string, run: () => T) => T;
const untimed: Timer = (_stage, run) => run();

/** The specs, loaded and checked, with adapters bound: everything before emitting. */
export interface CheckedProject {
  readonly model: CheckedModel;
  readonly diagnostics: Diagnostic[];
  readonly sourceText: (file: string) => string | undefined;
  readonly specFiles: readonly string[];
  readonly adapterFiles: readonly string[];
  /** Cache entries for this run's spec files (those that loaded without errors). */
  readonly specFileData: Record<string, CachedSpecFile>;
  /** Content hash of every input file read: spec files, what they import, adapters. */
  readonly inputs: ReadonlyMap<string, string>;
}

/** Content hashes, computed once per run and only for the files asked about. */
class Hashes {
  constructor(private readonly known = new Map<string, string | undefined>()) {}
  get(file: string): string | undefined {
    if (!this.known.has(file)) this.known.set(file, hashFiles([file]).get(file));
    return this.known.get(file);
  }
}

export async function loadAndCheck(
  options: ResolvedOptions,
  inputs: ProjectInputs,
  cache?: CacheData,
  time: Timer = untimed,
  validators = new ValidatorCompiler(),
  workers = new Workers(0),
  knownHashes?: Map<string, string | undefined>,
): Promise<CheckedProject> {
  const hashes = new Hashes(knownHashes);
  const empty = (diagnostic: Diagnostic): CheckedProject => ({
    model: { integrations: [], capabilities: [] },
    diagnostics: [diagnostic],
    sourceText: () => undefined,
    specFiles: [],
    adapterFiles: [],
    specFileData: {},
    inputs: new Map(),
  });
  if (hasErrors(inputs.diagnostics)) return { ...empty(inputs.diagnostics[0]!), diagnostics: [...inputs.diagnostics] };
  const { specFiles, adapterFiles, packages } = inputs;

  // A spec file is reused when it and every file its evaluation read are byte-identical to last time.
  const reusedFindings = new Map<LoadedSpec, readonly SpecFinding[]>();
  const reusable = (file: string) => {
    const entry = cache?.specFileData[file];
    return entry && entry.deps.every((dep) => hashes.get(dep) !== undefined && hashes.get(dep) === cache!.inputs[dep]) ? entry : undefined;
  };
  // A big cold run: start the worker threads now, so they boot while this thread parses.
  workers.get(specFiles.filter((file) => !reusable(file)).length);
  const graph = new ModuleGraph(inputs.boundary);
  const loaded = time('load', () =>
    loadSpecs(specFiles, graph, (file) => {
      const entry = reusable(file);
      if (!entry) return undefined;
      const specs = entry.specs.map((serialized) => {
        const spec = deserialize(file, serialized);
        reusedFindings.set(spec, serialized.findings);
        return spec;
      });
      return { specs, diagnostics: entry.diagnostics };
    }),
  );
  const local = time('load', () => findAdapters(adapterFiles, graph));
  const adapters = { adapters: [...packages.flatMap((p) => p.adapters), ...local.adapters], diagnostics: local.diagnostics };
  // The single-spec rules (which compile every schema) run on the worker threads when there are
  // many to run; checkSpecs then takes their findings as it takes reused ones.
  const freshFindings = new Map<LoadedSpec, readonly SpecFinding[]>();
  const pool = workers.get(loaded.specs.length - reusedFindings.size);
  if (pool) {
    await time('check', () =>
      Promise.all(
        loaded.specs
          .filter((spec) => !reusedFindings.has(spec))
          .map(async (spec) => {
            const { findings, code } = await pool.run({ type: 'rules', kind: spec.kind, value: spec.value });
            validators.add(code);
            freshFindings.set(spec, findings);
          }),
      ),
    );
  }
  const checked = time('check', () => {
    const reuse = (spec: LoadedSpec) => reusedFindings.get(spec) ?? freshFindings.get(spec);
    const result = checkSpecs(loaded.specs, { reuse, root: options.root, compile: validators.compile });
    const bound = bindAdapters(result.model, adapters.adapters);
    return { model: bound.model, diagnostics: [...result.diagnostics, ...bound.diagnostics], findings: result.findings };
  });

  const specFileData: Record<string, CachedSpecFile> = {};
  for (const file of specFiles) {
    const previous = reusable(file);
    if (previous) {
      specFileData[file] = previous;
      continue;
    }
    const diagnostics = loaded.fileDiagnostics.get(file) ?? [];
    if (hasErrors(diagnostics)) continue;
    const specs = loaded.specs.filter((s) => s.file === file);
    specFileData[file] = { deps: loaded.dependencies.get(file) ?? [file], specs: specs.map((s) => serialize(s, checked.findings.get(s) ?? [])), diagnostics };
  }
  const inputHashes = new Map<string, string>();
  const manifests = packages.map((p) => p.manifest);
  for (const file of [...new Set([...specFiles, ...adapterFiles, ...manifests, ...graph.files(), ...Object.values(specFileData).flatMap((d) => d.deps)])].sort()) {
    const hash = hashes.get(file);
    if (hash !== undefined) inputHashes.set(file, hash);
  }
  return {
    model: checked.model,
    diagnostics: [...loaded.diagnostics, ...adapters.diagnostics, ...checked.diagnostics],
    sourceText: loaded.sourceText,
    specFiles,
    adapterFiles,
    specFileData,
    inputs: inputHashes,
  };
}

export interface PipelineOutcome {
  readonly result: GenerateResult;
  /** What the next run may reuse; absent when this run must not be trusted (errors). */
  readonly cache?: Omit<CacheData, 'format'>;
}

/** `inputHashes`: content hashes of input files read by the caller already (this run's, not the cache's). */
export async function runPipeline(
  options: ResolvedOptions,
  inputs: ProjectInputs,
  cache: CacheData | undefined,
  tool: string,
  timings: Record<string, number>,
  inputHashes?: Map<string, string | undefined>,
): Promise<PipelineOutcome> {
  const time: Timer = (stage, run) => {
    const start = performance.now();
    const stop = () => (timings[stage] = (timings[stage] ?? 0) + performance.now() - start);
    let result;
    try {
      result = run();
    } catch (error) {
      stop();
      throw error;
    }
    if (result instanceof Promise) return result.finally(stop) as typeof result;
    stop();
    return result;
  };
  // Schemas compiled while checking examples are not compiled again to emit their validators.
  const validators = new ValidatorCompiler();
  const workers = new Workers(options.workers);
  try {
    return await loadCheckEmit();
  } finally {
    await workers.close();
  }

  async function loadCheckEmit(): Promise<PipelineOutcome> {
    const project = await loadAndCheck(options, inputs, cache, time, validators, workers, inputHashes);
    const diagnostics: Diagnostic[] = [...project.diagnostics];
    const specs = specList(project.model);
    const result = (ok: boolean, files: GenerateResult['files'] = []): GenerateResult => ({
      ok: ok && !hasErrors(diagnostics),
      diagnostics: sortDiagnostics(diagnostics),
      specs,
      files,
      timings,
      sourceText: project.sourceText,
    });
    // A failed run writes nothing: not even the files of the specs that were fine.
    if (hasErrors(diagnostics) || options.mode === 'validate') return { result: result(true) };

    const output = new OutputSession(outputTargets(options), options.mode === 'write');
    // Interrupted (Ctrl-C, CI cancel) while files are staged: remove them, so the output folder is
    // left as it was. Exits unless someone else (watch mode) handles the signal.
    const interrupted = (signal: NodeJS.Signals) => {
      output.abort();
      if (process.listenerCount(signal) === 0) process.exit(130);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      return await emitAndWrite();
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }

    async function emitAndWrite(): Promise<PipelineOutcome> {
      let units;
      const emitStart = performance.now();
      try {
        const settings: EmitSettings = {
          templateDirs: [DEFAULT_TEMPLATES_DIR, ...options.templateDirs],
          root: options.root,
          outDir: options.outDir,
          artifacts: [...enabledArtifacts(options.artifacts)],
          runtimeImport: options.runtimeImport,
          generatorVersion: GENERATOR_VERSION,
          packages: inputs.packages.map(({ name, dir }) => ({ name, dir })),
        };
        const context = createEmitContext(settings, validators);
        units = await emitAll(project.model, context, output, {
          emitterFor: (count) => {
            const pool = workers.get(count);
            if (!pool) return undefined;
            const emitter: UnitEmitter = (unit) => pool.run({ type: 'emit', unit, settings, code: validators.known(unitSchemas(unit)) });
            return { emitter, concurrency: pool.size * 16 };
          },
          reuse: (unit, fingerprint) => {
            const previous = cache?.units[unit];
            if (!previous || !cache || previous.fingerprint !== fingerprint || !outputsIntact(previous.paths, (path) => output.absolute(path), cache.outputs)) return undefined;
            return new Map(previous.paths.map((path) => [path, cache.outputs[path]!]));
          },
        });
      } catch (error) {
        output.abort();
        if (!(error instanceof TemplateError)) throw error;
        diagnostics.push({ code: 'CG201', severity: 'error', file: error.file, line: error.line, column: error.column, message: `template failed: ${error.message}` });
        return { result: result(false) };
      } finally {
        timings.emit = (timings.emit ?? 0) + performance.now() - emitStart;
      }

      const summary = time('compare', () => output.finish());
      diagnostics.push(...summary.diagnostics);
      if (output.wasAborted) {
        diagnostics.push({ code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' });
        return { result: result(false) };
      }
      if (hasErrors(diagnostics)) {
        output.abort();
        return { result: result(false) };
      }
      let files: { path: string; status: FileStatus }[];
      if (options.mode === 'check') {
        const missing = new Set(summary.missing);
        const drift = [
          ...summary.changed.map((path) => ({ path, status: (missing.has(path) ? 'missing' : 'drifted') as FileStatus })),
          ...summary.stale.map((path) => ({ path, status: 'stale' as const })),
        ];
        for (const file of drift) {
          diagnostics.push({ code: 'CG300', severity: 'error', file: output.absolute(file.path), message: `${file.status}: generated output is not what the specs produce`, hint: 'run `contractgen generate` and commit the result' });
        }
        files = [...drift, ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const }))];
        if (drift.length > 0) return { result: result(false, files) };
      } else {
        time('write', () => output.commit());
        files = [
          ...summary.changed.map((path) => ({ path, status: 'written' as const })),
          ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const })),
          ...summary.stale.map((path) => ({ path, status: 'removed' as const })),
        ];
      }
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const done = result(true, files);
      const outputs: Record<string, string> = {};
      for (const { path, status } of files) if (status !== 'removed') outputs[path] = output.hashes.get(path)!;
      return {
        result: done,
        cache: {
          tool,
          inputs: Object.fromEntries(project.inputs),
          specFiles: project.specFiles,
          adapterFiles: project.adapterFiles,
          specFileData: project.specFileData,
          units,
          outputs,
          result: { specs, diagnostics: done.diagnostics },
        },
      };
    }
  }
}

function specList(model: CheckedModel): SpecSummary[] {
  return [
    ...model.capabilities.map((c) => ({ kind: 'capability' as const, key: c.spec.meta.key, version: c.spec.meta.version, file: c.loaded.file })),
    ...model.integrations.map((i) => ({ kind: 'integration' as const, key: i.spec.meta.key, version: i.spec.meta.version, file: i.loaded.file })),
  ];
}

function serialize(spec: LoadedSpec, findings: readonly SpecFinding[]): SerializedSpec {
  const files: string[] = [];
  const fileIndex = (file: string) => {
    let index = files.indexOf(file);
    if (index < 0) index = files.push(file) - 1;
    return index;
  };
  const index = new Map<string, number>();
  const segments: string[] = [];
  const parents: number[] = [];
  const coordinates: number[] = [];
  for (const [key, position] of spec.positions) {
    const cut = key.lastIndexOf(PATH_SEPARATOR);
    const parent = cut < 0 ? undefined : index.get(key.slice(0, cut));
    index.set(key, segments.length);
    segments.push(parent === undefined ? key : key.slice(cut + 1));
    parents.push(parent ?? -1);
    coordinates.push(fileIndex(position.file), position.line, position.column);
  }
  return {
    kind: spec.kind,
    exportName: spec.exportName,
    value: spec.value,
    files,
    segments,
    parents,
    coordinates,
    start: [fileIndex(spec.start.file), spec.start.line, spec.start.column],
    source: spec.source,
    findings,
  };
}

function deserialize(file: string, spec: SerializedSpec): LoadedSpec {
  const position = (index: number, line: number, column: number): SourcePosition => ({ file: spec.files[index]!, line, column });
  const positions = new Map<string, SourcePosition>();
  const keys: string[] = [];
  spec.segments.forEach((segment, i) => {
    const parent = spec.parents[i]!;
    const key = parent < 0 ? segment : keys[parent] + PATH_SEPARATOR + segment;
    keys.push(key);
    positions.set(key, position(spec.coordinates[3 * i]!, spec.coordinates[3 * i + 1]!, spec.coordinates[3 * i + 2]!));
  });
  return createLoadedSpec({
    kind: spec.kind,
    file,
    exportName: spec.exportName,
    value: spec.value,
    positions,
    start: position(...spec.start),
    source: spec.source,
  });
}
