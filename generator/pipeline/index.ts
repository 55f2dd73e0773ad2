/**
 * The pipeline, as a table of contents:
 *
 *   1. capabilities  each capability spec file: load -> check -> plan -> emit (spec-file.ts; on
 *                    worker threads in a big run), files streamed to the output; then the rules
 *                    across capabilities, and the adapters bound
 *   2. integrations  each integration spec file the same way, checked against the capabilities,
 *                    its client and docs page included
 *   3. project       the rules across integrations, and the files made from every spec (the
 *                    capabilities' docs pages, catalog, registry, runtime shim) (project.ts)
 *   4. write         compare with disk, then commit (or, for `check`, report drift) (write/)
 *   5. cache         what the next run may reuse (cache/)
 *
 * Spec files unchanged since the cached run (and whose context is unchanged) are not processed
 * again. A failed run writes nothing, and a run stopped by SIGINT/SIGTERM leaves the output as it was.
 */
import { type CacheData, type CachedSpecFile, InputHashes, type OutputStamp, stampHolds, stampOf } from '../cache/index.js';
import { resolveAdapters, uniqueSpecs, unknownAdapterKeys } from '../check/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { templateDiagnostic, TemplateError, type OutputFile } from '../emit/index.js';
import { projectRoots, type ProjectInputs } from '../load/discover.js';
import { specKindsIn } from '../load/kinds.js';
import type { SpecKind } from '../load/model.js';
import { outputTargets, type FileStatus, type GenerateResult, type ListedSpec, type ResolvedOptions } from '../options.js';
import { GENERATOR_VERSION } from '../package.js';
import { artifactFlags, BUILT_IN_TEMPLATE_DIRS, folderModules } from '../artifacts/index.js';
import { createExecutor, workerCount, type Executor } from '../parallel/executor.js';
import { RunStopped } from '../parallel/errors.js';
import { WorkerFailure } from '../parallel/pool.js';
import type { CapabilitySummary, IntegrationSummary, SpecSummary } from '../plan/model.js';
import type { CheckedProject } from '../plan/project.js';
import { formatDiagnostic } from '../report/format.js';
import { maskedSourceText } from '../report/mask.js';
import { OutputSession } from '../write/write.js';
import { renderProject, type ProjectFiles } from './project.js';
import { probes } from '../probes.js';
import { FILE_STAGES, type AdapterScan, type IntegrationContext, type SpecFileResult, type TaskSettings } from './spec-file.js';
import { Profiler } from '../profiler.js';
import { compareStrings, sameList, sha1 } from '../values.js';
import { readRegularFile } from '../fs/read-input.js';

export interface PipelineOutcome {
  readonly result: GenerateResult;
  /** What the next run may reuse; absent when this run must not be trusted (errors). */
  readonly cache?: Omit<CacheData, 'format'>;
  /** The specs that passed every rule (`contractgen new` reads the capabilities it may provide). */
  readonly project?: CheckedProject;
}

/** One spec file's part of the run, for one kind of spec: processed now, or taken from the cache. */
type FileOutcome = Omit<SpecFileResult, 'files' | 'timings'> & { readonly outputs: readonly string[]; readonly context?: string };

/** The run after discovery; `hashes`: the input hashes the caller took already (each input is read once per run). */
export async function runPipeline(
  options: ResolvedOptions,
  inputs: ProjectInputs,
  cache: CacheData | undefined,
  tool: string,
  profiler: Profiler,
  hashes = new InputHashes(),
): Promise<PipelineOutcome> {
  const time = <T>(stage: string, run: () => T) => profiler.time(stage, run);
  const writing = options.mode !== 'validate';
  const output = writing ? new OutputSession(outputTargets(options), options.mode === 'write') : undefined;
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  /** Secret example strings of every spec read: code frames mask them. */
  const secrets = new Set<string>();
  const stopOnSignal = interruptible(output);
  const emitted = new Set<string>();
  const addFile = (file: OutputFile) => {
    // Two specs with one key emit the same paths; the run fails on CG130 and writes nothing.
    if (emitted.has(file.path)) return;
    emitted.add(file.path);
    output?.add(file);
  };
  /** Outputs kept from the cache: their stamps were checked against the disk in this run. */
  const kept = new Set<string>();
  const keep = (path: string, hash: string) => {
    emitted.add(path);
    kept.add(path);
    output?.keep(path, hash);
  };
  let executor: Executor | undefined;
  try {
    const { kinds, hashes: specFileHashes } = readSpecFiles(inputs.specFiles);
    const byKind = (kind: SpecKind) => inputs.specFiles.filter((file) => kinds.get(file)!.includes(kind));
    const settings = taskSettings(options, inputs, [...kinds].filter(([, k]) => k.length > 0).map(([file]) => file));
    const cached = (kind: SpecKind, file: string, context?: string) => reusableFile(cache?.specs[cacheKey(kind, file)], context, hashes, output, cache);
    // Files to process (an estimate: an integration's context is known only later): worth worker threads?
    const fresh = inputs.specFiles.filter((file) => kinds.get(file)!.some((kind) => !hashes.unchanged(cache?.specs[cacheKey(kind, file)]?.deps ?? { [file]: '' })));
    executor = await createExecutor(settings, workerCount(options.workers, fresh.length), () => output?.wasAborted ?? false);
    const run = runFiles(executor, cache, cached, hashes, addFile, keep, profiler, progressOf(options, byKind('capability').length + byKind('integration').length));

    // 1. Capabilities, and the adapters. Their tasks are queued first: integration tasks, queued
    // right after, make their own files at once and wait for this context only for the rest.
    const adaptersReusable = cache?.adapters && sameList(cache.adapterFiles, inputs.adapterFiles) && hashes.unchanged(cache.adapters.deps) ? cache.adapters : undefined;
    const adapterScan: Promise<AdapterScan> = adaptersReusable
      ? Promise.resolve(adaptersReusable)
      : executor.run({ kind: 'adapters', files: inputs.adapterFiles }).catch((error: unknown) => (error instanceof RunStopped ? { adapters: [], diagnostics: [], deps: {} } : Promise.reject(error)));
    const capabilitiesDone = time('capabilities', () => run('capability', byKind('capability')));
    const contextKnown = Promise.all([capabilitiesDone, adapterScan]).then(([capabilityFiles, adapters]) => {
      const capabilityCheck = uniqueSpecs(summariesOf<CapabilitySummary>(capabilityFiles), options.root);
      const bound = resolveAdapters([...inputs.packages.flatMap((p) => p.adapters), ...adapters.adapters]);
      diagnostics.push(...adapters.diagnostics, ...capabilityCheck.diagnostics, ...bound.diagnostics);
      const context: IntegrationContext = {
        capabilities: capabilityCheck.kept,
        broken: [...new Set(capabilityFiles.flatMap((f) => f.brokenCapabilities))].sort(),
        adapters: bound.byKey,
      };
      executor!.setContext(context);
      return { context, capabilityFiles, capabilities: capabilityCheck.kept, adapters, bound };
    });

    // 2. Integrations, against the capabilities.
    const integrationFiles = await time('integrations', () => run('integration', byKind('integration'), contextKnown.then(({ context }) => context)));
    const { capabilityFiles, capabilities, adapters, bound } = await contextKnown;
    await executor.close();
    executor = undefined;
    // Interrupted: the files not processed would only add diagnostics about what is missing.
    if (output?.wasAborted) {
      diagnostics.splice(0, diagnostics.length, INTERRUPTED);
      return fail();
    }
    const files = [...capabilityFiles, ...integrationFiles];
    for (const file of files) {
      diagnostics.push(...file.diagnostics);
      for (const secret of file.secrets) secrets.add(secret);
    }

    // 3. The project: the rules across integrations, and the files made from every spec.
    const integrationCheck = uniqueSpecs(summariesOf<IntegrationSummary>(integrationFiles), options.root);
    diagnostics.push(...integrationCheck.diagnostics);
    // An adapter whose key no spec has (CG142) is news only in a run without errors: otherwise its
    // spec may be the one that failed (or was not read), and that error is the one to fix.
    if (!hasErrors(diagnostics)) diagnostics.push(...unknownAdapterKeys(bound.byKey, integrationCheck.kept.map((i) => i.key)));
    const project: CheckedProject = { capabilities, integrations: integrationCheck.kept };
    const specs = listed(project);
    if (!output) return { result: result(!hasErrors(diagnostics), specs, []), project };
    if (hasErrors(diagnostics)) return fail(specs);
    let projectFiles: ProjectFiles;
    try {
      projectFiles = await time('project', () =>
        renderProject(project, options, (path, fingerprint) => (cache?.jobs[path] === fingerprint && cachedOutputHolds(cache, output, path) ? cache.outputs[path]![0] : undefined)),
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error));
      return fail(specs);
    }
    for (const file of projectFiles.files) {
      if (file.content === undefined) keep(file.path, file.hash);
      else addFile({ path: file.path, content: file.content });
    }

    // 4. Write (or compare, for `check`).
    const summary = time('compare', () => output.finish());
    diagnostics.push(...summary.diagnostics);
    if (output.wasAborted) {
      diagnostics.push(INTERRUPTED);
      return fail(specs);
    }
    if (hasErrors(diagnostics)) return fail(specs);
    probes.inputsRead?.();
    const changedInputs = inputsChangedDuringRun(files, specFileHashes, inputs);
    if (changedInputs.length > 0) {
      diagnostics.push({ code: 'CG306', severity: 'error', file: changedInputs[0], message: `changed while contractgen was reading it${changedInputs.length > 1 ? ` (and ${changedInputs.length - 1} more input files)` : ''}: nothing was written`, hint: 'run contractgen again' });
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

    // 5. Cache: what this run read and produced.
    const outputs: Record<string, OutputStamp> = {};
    for (const { path, status } of statuses) {
      if (status === 'removed') continue;
      const previous = cache?.outputs[path];
      const hash = output.hashes.get(path)!;
      // A kept output's stamp held moments ago (a change since moves its ctime, and the next run
      // compares content); any other output was just compared or written: stamp it as it is now.
      const stamp = previous && kept.has(path) ? previous : stampOf(output.absolute(path), hash);
      if (stamp) outputs[path] = stamp;
    }
    return { result: done, cache: cacheData(tool, inputs, specFileHashes, files, adapters, projectFiles.fingerprints, outputs, done) };
  } finally {
    stopOnSignal();
    await executor?.close();
  }

  function result(ok: boolean, specs: ListedSpec[], statuses: { path: string; status: FileStatus }[]): GenerateResult {
    return { ok: ok && !hasErrors(diagnostics), diagnostics: dedupe(sortDiagnostics(diagnostics)), specs, files: statuses, timings: profiler.timings, sourceText: maskedSourceText(secrets, inputs.boundary) };
  }
  function fail(specs: ListedSpec[] = []): PipelineOutcome {
    output?.abort();
    return { result: result(false, specs, []) };
  }
}

/**
 * Processes (or takes from the cache) each file of one kind, in file order; files go to the
 * output as each task finishes. For integrations, what they are checked and bound against
 * (`context`, known once the capabilities are) is part of what a cached result must match.
 */
function runFiles(
  executor: Executor,
  cache: CacheData | undefined,
  cached: (kind: SpecKind, file: string, context?: string) => CachedSpecFile | undefined,
  hashes: InputHashes,
  addFile: (file: OutputFile) => void,
  keep: (path: string, hash: string) => void,
  profiler: Profiler,
  fileDone: () => void,
) {
  return (kind: SpecKind, files: readonly string[], context?: Promise<IntegrationContext>): Promise<FileOutcome[]> => {
    const fingerprinted = context?.then(contextFingerprints);
    return Promise.all(
      files.map(async (file): Promise<FileOutcome> => {
        const previous = cache?.specs[cacheKey(kind, file)];
        // Only a file whose bytes are unchanged can be reused, and only then is its context worth waiting for.
        if (previous && hashes.unchanged(previous.deps)) {
          const fingerprint = fingerprinted && (await fingerprinted)(previous.summaries);
          const reused = cached(kind, file, fingerprint);
          if (reused) {
            for (const path of reused.outputs) keep(path, cache!.outputs[path]![0]);
            fileDone();
            return { file, kind, ...reused };
          }
        }
        const result = await executor.run({ kind: 'spec', file, specKind: kind }).catch((error: unknown) => failedFile(file, kind, error));
        for (const produced of result.files) addFile(produced);
        // Per-stage time summed over files (on worker threads, time spent in parallel).
        profiler.merge(result.timings);
        const { files: produced, timings: _timings, ...rest } = result;
        fileDone();
        return { ...rest, outputs: produced.map((f) => f.path), ...(fingerprinted && { context: (await fingerprinted)(rest.summaries) }) };
      }),
    );
  };
}

/**
 * Counts spec files done for the caller's progress line (a file that defines both kinds of spec
 * counts once per kind). It reports 0 done at once: the work starts now.
 */
function progressOf(options: ResolvedOptions, total: number): () => void {
  const report = options.onProgress;
  if (!report) return () => {};
  let done = 0;
  report({ done, total });
  return () => report({ done: ++done, total });
}

/**
 * Each listed spec file as the run first read it: the spec kinds it may define, from its text (a
 * file that defines none is not processed), and the hash of those bytes. Every listed file is part
 * of what the cache is keyed on, spec or not: an empty file that gets a spec written into it is a
 * changed input like any other.
 */
function readSpecFiles(files: readonly string[]): { kinds: Map<string, SpecKind[]>; hashes: Record<string, string> } {
  const kinds = new Map<string, SpecKind[]>();
  const hashes: Record<string, string> = {};
  for (const file of files) {
    let text: string;
    try {
      // Through the one reading path for inputs: a regular file only.
      const bytes = readRegularFile(file);
      hashes[file] = sha1(bytes);
      text = bytes.toString('utf8');
    } catch {
      // Unreadable: the task reports why (and a run with errors leaves no cache).
      text = 'defineIntegration defineCapability';
    }
    kinds.set(file, specKindsIn(text));
  }
  return { kinds, hashes };
}

function cacheKey(kind: SpecKind, file: string): string {
  return `${kind}:${file}`;
}

/**
 * What an integration file's results depend on besides its own bytes: the capabilities its
 * integrations provide (their summaries), every capability key (an unknown one's hint names the
 * closest), the broken ones, and the adapters bound to its keys. Each capability is fingerprinted
 * once per run.
 */
function contextFingerprints(context: IntegrationContext): (summaries: readonly SpecSummary[]) => string {
  const capabilities = new Map(context.capabilities.map((c) => [c.key, sha1(JSON.stringify(c))]));
  const shared = sha1(JSON.stringify([[...capabilities.keys()], context.broken]));
  return (summaries) => {
    const used = summaries.flatMap((s) => (s.kind === 'integration' ? s.provides.map((ref) => capabilities.get(ref.key) ?? null) : []));
    const adapters = summaries.map((s) => (Object.hasOwn(context.adapters, s.key) ? context.adapters[s.key] : null));
    return sha1(JSON.stringify([shared, used, adapters]));
  };
}

/** A cached result whose inputs are byte-identical, whose context matches, and whose outputs are still on disk as written. */
function reusableFile(entry: CachedSpecFile | undefined, context: string | undefined, hashes: InputHashes, output: OutputSession | undefined, cache: CacheData | undefined): CachedSpecFile | undefined {
  if (!entry || !cache || entry.context !== context || !hashes.unchanged(entry.deps)) return undefined;
  // Without an output (validate) the disk is not looked at, but each output must have its record.
  if (!entry.outputs.every((path) => (output ? cachedOutputHolds(cache, output, path) : Object.hasOwn(cache.outputs, path)))) return undefined;
  return entry;
}

function cachedOutputHolds(cache: CacheData, output: OutputSession, path: string): boolean {
  const stamp = cache.outputs[path];
  return stamp !== undefined && output.reachable(path) && stampHolds(output.absolute(path), stamp);
}

function summariesOf<T extends SpecSummary>(files: readonly FileOutcome[]): T[] {
  return files.flatMap((f) => f.summaries as T[]);
}

/**
 * A task that could not run: one the run was interrupted before (nothing to report: the run ends
 * in CG303), or one that killed two workers (a diagnostic naming the file, not a crash of the run).
 */
function failedFile(file: string, kind: SpecKind, error: unknown): SpecFileResult {
  const nothing = { file, kind, deps: {}, diagnostics: [], summaries: [], brokenCapabilities: [], secrets: [], files: [], timings: new Profiler(FILE_STAGES).timings };
  if (error instanceof RunStopped) return nothing;
  if (!(error instanceof WorkerFailure)) throw error;
  return {
    ...nothing,
    diagnostics: [{ code: 'CG109', severity: 'error', file, message: `could not be processed: ${error.message}`, hint: 'this is a contractgen bug or the machine ran out of memory; please report it with this file' }],
  };
}

function taskSettings(options: ResolvedOptions, inputs: ProjectInputs, specFiles: readonly string[]): TaskSettings {
  const { artifacts } = options;
  const plan = { root: options.root, packages: inputs.packages.map(({ name, dir }) => ({ name, dir })), outDir: options.out };
  const emit =
    options.mode === 'validate'
      ? undefined
      : { templateDirs: [...BUILT_IN_TEMPLATE_DIRS, ...options.templates], runtimeImport: options.runtimeImport, artifacts: artifactFlags(artifacts), folderModules: folderModules(artifacts) };
  return { plan, artifacts, ...(emit && { emit }), specFiles, inputRoots: projectRoots(options, inputs.packages.map((p) => p.dir)) };
}

/** Input files whose bytes now differ from those read: their output would be stale the moment it is written. */
function inputsChangedDuringRun(files: readonly FileOutcome[], specFiles: Readonly<Record<string, string>>, inputs: ProjectInputs): string[] {
  const now = new InputHashes();
  const changed = new Set<string>();
  for (const [file, hash] of Object.entries(specFiles)) if (now.get(file) !== hash) changed.add(file);
  for (const file of files) for (const [dep, hash] of Object.entries(file.deps)) if (now.get(dep) !== hash) changed.add(dep);
  for (const pkg of inputs.packages) if (now.get(pkg.manifest) !== pkg.manifestHash) changed.add(pkg.manifest);
  return [...changed].sort();
}

function cacheData(
  tool: string,
  inputs: ProjectInputs,
  specFiles: Readonly<Record<string, string>>,
  files: readonly FileOutcome[],
  adapters: AdapterScan,
  jobs: Readonly<Record<string, string>>,
  outputs: Record<string, OutputStamp>,
  done: GenerateResult,
): Omit<CacheData, 'format'> {
  const allInputs: Record<string, string> = { ...specFiles, ...adapters.deps };
  for (const pkg of inputs.packages) allInputs[pkg.manifest] = pkg.manifestHash;
  const specs: Record<string, CachedSpecFile> = {};
  for (const { file, kind, ...entry } of files) {
    Object.assign(allInputs, entry.deps);
    specs[cacheKey(kind, file)] = entry;
  }
  return {
    tool,
    specFiles: inputs.specFiles,
    adapterFiles: inputs.adapterFiles,
    inputs: sortedRecord(allInputs),
    specs,
    adapters: { deps: adapters.deps, adapters: adapters.adapters, diagnostics: adapters.diagnostics },
    jobs,
    outputs,
    result: { specs: done.specs, diagnostics: done.diagnostics },
  };
}

/** The specs as `list` shows them: those that passed every rule, capabilities first, each kind by key. */
function listed(project: CheckedProject): ListedSpec[] {
  const entry = (s: SpecSummary): ListedSpec => ({ kind: s.kind, key: s.key, version: s.version, file: s.file });
  return [...project.capabilities.map(entry), ...project.integrations.map(entry)];
}

const INTERRUPTED: Diagnostic = { code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' };

/**
 * Ctrl-C or a CI cancel while files are staged: the staged files are removed, so the output
 * folder is left as it was. Unless someone else handles the signal (watch mode, a program calling
 * `generate`), which then gets CG303 as the run's result, the process says so and exits (130).
 * Returns the function that stops listening.
 */
function interruptible(output: OutputSession | undefined): () => void {
  const interrupted = (signal: NodeJS.Signals) => {
    output?.abort();
    if (process.listenerCount(signal) > 0) return;
    process.stderr.write(`${formatDiagnostic(INTERRUPTED, { root: process.cwd() })}\n`);
    process.exit(130);
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
  return items.sort((a, b) => compareStrings(a.path, b.path));
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
