/**
 * The pipeline, as a table of contents:
 *
 *   1. files    each spec file that changed since the cached run: load -> check -> plan -> emit its
 *               own files (spec-file.ts; on worker threads in a big run), streamed to the output
 *   2. project  every spec's summary: the cross-spec rules, adapters bound, the project plan, and
 *               its files (clients, docs, registry, catalog) rendered (project.ts)
 *   3. write    compare with disk, then commit (or, for `check`, report drift) (write/)
 *   4. cache    what the next run may reuse (cache/)
 *
 * A failed run writes nothing, and a run stopped by SIGINT/SIGTERM leaves the output as it was.
 */
import { type CacheData, type CachedSpecFile, InputHashes, type OutputStamp, stampHolds, stampOf } from '../cache/index.js';
import { enabledArtifacts } from '../config/config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { templateDiagnostic, TemplateError, type OutputFile } from '../emit/index.js';
import type { ProjectInputs } from '../load/discover.js';
import { maskedSourceText } from '../load/load.js';
import { outputTargets, type FileStatus, type GenerateResult, type ListedSpec, type ResolvedOptions } from '../options.js';
import { DEFAULT_TEMPLATES_DIR, GENERATOR_VERSION } from '../package.js';
import { createExecutor, workerCount, type Executor } from '../parallel/executor.js';
import { WorkerFailure } from '../parallel/pool.js';
import type { SpecSummary } from '../plan/model.js';
import type { CheckedProject } from '../plan/project.js';
import { OutputSession } from '../write/write.js';
import { buildProject, type ProjectOutcome } from './project.js';
import type { AdapterScan, SpecFileResult, TaskSettings } from './spec-file.js';

/** Times `run` under `stage` (until its promise settles, for async work). */
export type Timer = <T>(stage: string, run: () => T) => T;

export interface PipelineOutcome {
  readonly result: GenerateResult;
  /** What the next run may reuse; absent when this run must not be trusted (errors). */
  readonly cache?: Omit<CacheData, 'format'>;
  /** The specs that passed every rule, joined (`contractgen new` reads the capabilities it may provide). */
  readonly project?: CheckedProject;
}

/** One spec file's part of the run: processed now, or taken from the cache. */
type FileOutcome = Omit<SpecFileResult, 'files' | 'timings'> & { readonly outputs: readonly string[] };

/** `stagingDir`: where changed files wait for the commit (the cache's folder), so a failed run leaves the output untouched. */
export async function runPipeline(options: ResolvedOptions, inputs: ProjectInputs, cache: CacheData | undefined, tool: string, timings: Record<string, number>, stagingDir?: string): Promise<PipelineOutcome> {
  const time = timer(timings);
  const hashes = new InputHashes();
  const writing = options.mode !== 'validate';
  const output = writing ? new OutputSession(outputTargets(options), options.mode === 'write', stagingDir) : undefined;
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  const stopOnSignal = interruptible(output);
  /** Secret example strings of every spec read: code frames mask them. */
  const secrets = new Set<string>();
  let executor: Executor | undefined;
  try {
    // 1. Spec files: reuse what the cache knows for unchanged ones, process the rest.
    const reusable = (file: string) => reusableFile(file, cache, hashes, writing ? output : undefined);
    const fresh = inputs.specFiles.filter((file) => !reusable(file));
    const settings = taskSettings(options, inputs);
    const adaptersReusable = cache?.adapters && sameList(cache.adapterFiles, inputs.adapterFiles) && hashes.unchanged(cache.adapters.deps) ? cache.adapters : undefined;
    executor = await createExecutor(settings, workerCount(options.workers, fresh.length));
    const adapterScan: Promise<AdapterScan> = adaptersReusable ? Promise.resolve(adaptersReusable) : executor.run({ kind: 'adapters', files: inputs.adapterFiles });
    const emitted = new Set<string>();
    const addFile = (file: OutputFile) => {
      // Two specs with one key emit the same paths; the run fails on CG130 and writes nothing.
      if (emitted.has(file.path)) return;
      emitted.add(file.path);
      output?.add(file);
    };
    const files = await time('files', () =>
      Promise.all(
        inputs.specFiles.map(async (file): Promise<FileOutcome> => {
          const cached = reusable(file);
          if (cached) {
            for (const path of cached.outputs) output?.keep(path, cache!.outputs[path]![0]);
            return { file, ...cached };
          }
          const result = await executor!.run({ kind: 'spec', file }).catch((error: unknown) => failedFile(file, error));
          for (const produced of result.files) addFile(produced);
          // Per-stage time summed over files (on worker threads, CPU time spent in parallel).
          for (const [stage, ms] of Object.entries(result.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
          const { files: produced, timings: _timings, ...rest } = result;
          return { ...rest, outputs: produced.map((f) => f.path) };
        }),
      ),
    );
    const adapters = await adapterScan;
    await executor.close();
    executor = undefined;
    for (const file of files) {
      diagnostics.push(...file.diagnostics);
      for (const secret of file.secrets) secrets.add(secret);
    }
    diagnostics.push(...adapters.diagnostics);

    // 2. The project: cross-spec rules, adapters, and the files made from every spec.
    const summaries = files.flatMap((f) => f.summaries);
    const broken = new Set(files.flatMap((f) => f.brokenCapabilities));
    const packageAdapters = inputs.packages.flatMap((p) => p.adapters);
    let project: ProjectOutcome;
    try {
      project = await time('project', () =>
        buildProject(summaries, broken, [...packageAdapters, ...adapters.adapters], options, inputs, {
          render: writing && !hasErrors(diagnostics),
          reuse: (path, fingerprint) => (cache?.jobs[path] === fingerprint && output && cachedOutputHolds(cache, output, path) ? cache.outputs[path]![0] : undefined),
        }),
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      output?.abort();
      diagnostics.push(templateDiagnostic(error));
      return fail();
    }
    diagnostics.push(...project.diagnostics);
    for (const job of project.files) {
      if (job.content === undefined) output?.keep(job.path, job.hash);
      else addFile({ path: job.path, content: job.content });
    }
    const specs = listed(project);
    if (!output) return { result: result(!hasErrors(diagnostics), specs, []), project: project.project };
    if (hasErrors(diagnostics)) return fail(specs);

    // 3. Write (or compare, for `check`).
    const summary = time('compare', () => output.finish());
    diagnostics.push(...summary.diagnostics);
    if (output.wasAborted) {
      diagnostics.push({ code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' });
      return fail(specs);
    }
    if (hasErrors(diagnostics)) return fail(specs);
    const changedInputs = inputsChangedDuringRun(files, inputs);
    if (changedInputs.length > 0) {
      diagnostics.push({ code: 'CG305', severity: 'error', file: changedInputs[0], message: `changed while contractgen was reading it${changedInputs.length > 1 ? ` (and ${changedInputs.length - 1} more input files)` : ''}: nothing was written`, hint: 'run contractgen again' });
      return fail(specs);
    }
    let statuses: { path: string; status: FileStatus }[];
    if (options.mode === 'check') {
      const missing = new Set(summary.missing);
      const drift = [
        ...summary.changed.map((path) => ({ path, status: (missing.has(path) ? 'missing' : 'drifted') as FileStatus })),
        ...summary.stale.map((path) => ({ path, status: 'stale' as const })),
      ];
      for (const file of drift) {
        diagnostics.push({ code: 'CG300', severity: 'error', file: output.absolute(file.path), message: `${file.status}: generated output is not what the specs produce`, hint: 'run `contractgen generate` and commit the result' });
      }
      statuses = [...drift, ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const }))];
      if (drift.length > 0) return { result: result(false, specs, sortByPath(statuses)) };
    } else {
      time('write', () => output.commit());
      statuses = [
        ...summary.changed.map((path) => ({ path, status: 'written' as const })),
        ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const })),
        ...summary.stale.map((path) => ({ path, status: 'removed' as const })),
      ];
    }
    sortByPath(statuses);
    const done = result(true, specs, statuses);

    // 4. Cache: what this run read and produced.
    const outputs: Record<string, OutputStamp> = {};
    for (const { path, status } of statuses) {
      if (status === 'removed') continue;
      const previous = cache?.outputs[path];
      const hash = output.hashes.get(path)!;
      const stamp = previous && previous[0] === hash && status === 'unchanged' && stampHolds(output.absolute(path), previous) ? previous : stampOf(output.absolute(path), hash);
      if (stamp) outputs[path] = stamp;
    }
    return { result: done, cache: cacheData(tool, inputs, files, adapters, project, outputs, done) };
  } finally {
    stopOnSignal();
    await executor?.close();
  }

  function result(ok: boolean, specs: ListedSpec[], statuses: { path: string; status: FileStatus }[]): GenerateResult {
    return { ok: ok && !hasErrors(diagnostics), diagnostics: dedupe(sortDiagnostics(diagnostics)), specs, files: statuses, timings, sourceText: sourceText() };
  }
  function fail(specs: ListedSpec[] = []): PipelineOutcome {
    output?.abort();
    return { result: result(false, specs, []) };
  }
  function sourceText() {
    return maskedSourceText(secrets);
  }
}

/** A cached spec file whose inputs are byte-identical and whose outputs are still on disk as written. */
function reusableFile(file: string, cache: CacheData | undefined, hashes: InputHashes, output: OutputSession | undefined): CachedSpecFile | undefined {
  const entry = cache?.specs[file];
  if (!entry || !hashes.unchanged(entry.deps)) return undefined;
  if (output && !entry.outputs.every((path) => cachedOutputHolds(cache!, output, path))) return undefined;
  return entry;
}

function cachedOutputHolds(cache: CacheData, output: OutputSession, path: string): boolean {
  const stamp = cache.outputs[path];
  return stamp !== undefined && stampHolds(output.absolute(path), stamp);
}

/** A task that could not run (a worker that died twice on it): a diagnostic naming the file, not a crash of the run. */
function failedFile(file: string, error: unknown): SpecFileResult {
  if (!(error instanceof WorkerFailure)) throw error;
  return {
    file,
    deps: {},
    diagnostics: [{ code: 'CG104', severity: 'error', file, message: `could not be processed: ${error.message}`, hint: 'this is a contractgen bug or the machine ran out of memory; please report it with this file' }],
    summaries: [],
    brokenCapabilities: [],
    secrets: [],
    files: [],
    timings: { load: 0, check: 0, plan: 0, emit: 0 },
  };
}

function taskSettings(options: ResolvedOptions, inputs: ProjectInputs): TaskSettings {
  const plan = { root: options.root, packages: inputs.packages.map(({ name, dir }) => ({ name, dir })) };
  const emit = options.mode === 'validate' ? undefined : { templateDirs: [DEFAULT_TEMPLATES_DIR, ...options.templateDirs], runtimeImport: options.runtimeImport, artifacts: [...enabledArtifacts(options.artifacts)] };
  return { plan, ...(emit && { emit }), specFiles: inputs.specFiles };
}

/** Input files whose bytes now differ from those parsed: their output would be stale the moment it is written. */
function inputsChangedDuringRun(files: readonly FileOutcome[], inputs: ProjectInputs): string[] {
  const now = new InputHashes();
  const changed = new Set<string>();
  for (const file of files) for (const [dep, hash] of Object.entries(file.deps)) if (now.get(dep) !== hash) changed.add(dep);
  for (const pkg of inputs.packages) if (now.get(pkg.manifest) !== pkg.manifestHash) changed.add(pkg.manifest);
  return [...changed].sort();
}

function cacheData(tool: string, inputs: ProjectInputs, files: readonly FileOutcome[], adapters: AdapterScan, project: ProjectOutcome, outputs: Record<string, OutputStamp>, done: GenerateResult): Omit<CacheData, 'format'> {
  const allInputs: Record<string, string> = { ...adapters.deps };
  for (const pkg of inputs.packages) allInputs[pkg.manifest] = pkg.manifestHash;
  const specs: Record<string, CachedSpecFile> = {};
  for (const { file, ...entry } of files) {
    Object.assign(allInputs, entry.deps);
    specs[file] = entry;
  }
  return {
    tool,
    specFiles: inputs.specFiles,
    adapterFiles: inputs.adapterFiles,
    inputs: sortedRecord(allInputs),
    specs,
    adapters: { deps: adapters.deps, adapters: adapters.adapters, diagnostics: adapters.diagnostics },
    jobs: project.fingerprints,
    outputs,
    result: { specs: done.specs, diagnostics: done.diagnostics },
  };
}

/** The specs as `list` shows them: those that passed every rule, capabilities first, each kind by key. */
function listed(project: ProjectOutcome): ListedSpec[] {
  const entry = (s: SpecSummary): ListedSpec => ({ kind: s.kind, key: s.key, version: s.version, file: s.file });
  return [...project.project.capabilities.map(entry), ...project.project.integrations.map((i) => entry(i.summary))];
}

function timer(timings: Record<string, number>): Timer {
  return (stage, run) => {
    const start = performance.now();
    const stop = () => (timings[stage] = (timings[stage] ?? 0) + performance.now() - start);
    let value;
    try {
      value = run();
    } catch (error) {
      stop();
      throw error;
    }
    if (value instanceof Promise) return value.finally(stop) as typeof value;
    stop();
    return value;
  };
}

/**
 * Ctrl-C or a CI cancel while files are staged: the staged files are removed, so the output
 * folder is left as it was, and the process exits unless someone else (watch mode) handles the
 * signal. Returns the function that stops listening.
 */
function interruptible(output: OutputSession | undefined): () => void {
  const interrupted = (signal: NodeJS.Signals) => {
    output?.abort();
    if (process.listenerCount(signal) === 0) process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.file, d.line, d.column, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortByPath<T extends { path: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
