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
 * again (reuse.ts). A failed run writes nothing, and a run stopped by SIGINT/SIGTERM leaves the
 * output as it was (interrupt.ts). The per-file tasks are files.ts's, the statuses a run reports
 * statuses.ts's; this file only orders the stages.
 */
import { InputHashes, outputCheck, type CacheData, type TrustedOutput, type WarmState } from '../cache/index.js';
import { resolveAdapters, uniqueSpecs, unknownAdapterKeys } from '../check/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { templateDiagnostic, TemplateError, type OutputFile } from '../emit/index.js';
import type { ProjectInputs } from '../load/discover.js';
import type { SpecKind } from '../load/model.js';
import { outputTargets, type FileStatus, type GenerateResult, type ListedSpec, type ResolvedOptions } from '../options.js';
import { createExecutor, workerCount, type Executor } from '../parallel/executor.js';
import { RunStopped } from '../parallel/errors.js';
import type { CapabilitySummary, IntegrationSummary } from '../plan/model.js';
import type { CheckedProject } from '../plan/project.js';
import { probes } from '../probes.js';
import type { Profiler } from '../profiler.js';
import { maskedSourceText } from '../report/mask.js';
import { OutputSession } from '../write/write.js';
import { keptProcessor, progressOf, runFiles, summariesOf, taskSettings } from './files.js';
import { inputsChanged, readSpecFiles } from './inputs.js';
import { refuseMatches } from '../spec-rules/pattern-budget.js';
import { INTERRUPTED, interruptible } from './interrupt.js';
import { renderProject, type ProjectFiles } from './project.js';
import { cacheData, cacheKey, filesToProcess, outputStamps, reusableAdapters, reusableFile } from './reuse.js';
import type { AdapterScan, IntegrationContext } from './spec-file.js';
import { dedupe, listed, outputStatuses } from './statuses.js';

export interface PipelineOutcome {
  readonly result: GenerateResult;
  /** What the next run may reuse; absent when this run must not be trusted (errors). */
  readonly cache?: Omit<CacheData, 'format'>;
  /** The specs that passed every rule (`contractgen new` reads the capabilities it may provide). */
  readonly project?: CheckedProject;
}

/**
 * The run after discovery; `hashes`: the input hashes the caller took already (each input is read
 * once per run); `warm`: what a watch process's runs keep (the spec files' processor, here);
 * `trusted`: the outputs a watch process knows are as the cache stamped them (cache/watched-outputs.ts).
 */
export async function runPipeline(
  options: ResolvedOptions,
  inputs: ProjectInputs,
  cache: CacheData | undefined,
  tool: string,
  profiler: Profiler,
  hashes = new InputHashes(),
  warm?: WarmState,
  trusted?: TrustedOutput,
): Promise<PipelineOutcome> {
  const time = <T>(stage: string, run: () => T) => profiler.time(stage, run);
  const writing = options.mode !== 'validate';
  const output = writing ? new OutputSession(outputTargets(options), options.mode === 'write') : undefined;
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  /** Secret example strings of every spec read: code frames mask them. */
  const secrets = new Set<string>();
  // Stopping: the spec file being checked refuses further pattern matches, so the run ends within a turn.
  const stopOnSignal = interruptible(output, refuseMatches);
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
    const { kinds, hashes: specFileHashes } = readSpecFiles(inputs.specFiles, hashes, cache);
    const byKind = (kind: SpecKind) => inputs.specFiles.filter((file) => kinds.get(file)!.includes(kind));
    const settings = taskSettings(options, inputs, [...kinds].filter(([, k]) => k.length > 0).map(([file]) => file));
    const outputHolds = cache ? outputCheck(cache.outputs, output, trusted) : () => false;
    const cached = (kind: SpecKind, file: string, context?: string) => reusableFile(cache?.specs[cacheKey(kind, file)], context, hashes, outputHolds);
    const fresh = filesToProcess(inputs.specFiles, kinds, cache, hashes);
    const workers = workerCount(options.workers, fresh.length);
    executor = await createExecutor(settings, workers, () => output?.wasAborted ?? false, workers === 0 && warm ? await keptProcessor(warm, settings, tool, hashes) : undefined);
    const run = runFiles(executor, cache, cached, hashes, addFile, keep, profiler, progressOf(options, byKind('capability').length + byKind('integration').length));

    // 1. Capabilities, and the adapters. Their tasks are queued first: integration tasks, queued
    // right after, make their own files at once and wait for this context only for the rest.
    const adaptersReusable = reusableAdapters(cache, inputs, hashes);
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
    // An adapter names an unknown integration (CG142) when no integration spec declares its key,
    // passed or failed: an adapter whose own spec failed is told nothing more (the spec's error is
    // the one to fix), any other is, whatever else failed. Unless some spec's key could not be read
    // at all (an unreadable file, a spec that failed with a key that is not a literal): that spec
    // may be the one the adapter names.
    const declared = integrationFiles.flatMap((f) => f.keys);
    if (!declared.includes(null)) diagnostics.push(...unknownAdapterKeys(bound.byKey, [...new Set(declared as string[])]));
    const project: CheckedProject = { capabilities, integrations: integrationCheck.kept, adapters: Object.keys(bound.byKey).sort() };
    const specs = listed(project);
    if (!output) return { result: result(!hasErrors(diagnostics), specs, []), project };
    if (hasErrors(diagnostics)) return fail(specs);
    let projectFiles: ProjectFiles;
    try {
      projectFiles = await time('project', () =>
        renderProject(project, options, (path, fingerprint) => (cache?.jobs[path] === fingerprint && outputHolds(path) ? cache.outputs[path]![0] : undefined)),
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
    const changed = inputsChanged(files, specFileHashes, inputs, hashes);
    if (changed) {
      diagnostics.push(changed);
      return fail(specs);
    }
    const { statuses, drift } = outputStatuses(options.mode, summary, (path) => output.absolute(path));
    if (drift.length > 0) {
      diagnostics.push(...drift);
      return { result: result(false, specs, statuses) };
    }
    if (options.mode === 'write') time('write', () => output.commit());
    const done = result(true, specs, statuses);

    // 5. Cache: what this run read and produced.
    const outputs = outputStamps(statuses, cache, output, kept);
    return { result: done, cache: cacheData(tool, hashes, inputs, specFileHashes, files, adapters, projectFiles.fingerprints, outputs, done) };
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
