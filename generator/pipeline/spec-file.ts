/**
 * The per-file work of a run: load a spec file's specs of one kind, check each on its own (and an
 * integration against the capabilities), plan it, and emit its files. The event loop turns after
 * loading and after each check, so a signal waits for one stage, not for a whole file. Runs on a
 * worker thread in a big run and in the main thread otherwise; the same code either way, so
 * where it runs never changes what it produces.
 *
 * Capabilities go first: an integration's client and docs page show the capabilities it provides,
 * so integrations are processed once every capability's summary is known (`setContext`).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { checkHttpBinding, checkReferences, checkSpec } from '../check/index.js';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import type { ArtifactFiles, FilesSettings } from '../artifacts/artifact.js';
import { loadArtifacts } from '../artifacts/index.js';
import { createEmitContext, renderJob, templateDiagnostic, TemplateError, type EmitContext, type EmitSettings, type OutputFile } from '../emit/index.js';
import { ValidatorCompiler } from '../emit/standalone-validators.js';
import { findAdapters, type AdapterBinding } from '../load/adapters.js';
import { StaticEvaluator } from '../load/evaluate.js';
import { importedSyntaxErrors, loadSpecFile } from '../load/load.js';
import type { LoadedSpec, SpecKind } from '../load/model.js';
import { InputBoundary } from '../fs/input-boundary.js';
import { ModuleGraph } from '../load/modules.js';
import type { CapabilitySummary, SpecSummary } from '../plan/model.js';
import { planSpec, type SpecPlan } from '../plan/spec.js';
import { Profiler } from '../profiler.js';
import { FILE_STAGES } from './file-stages.js';

/** What integrations are checked and bound against: the same for every integration of a run. */
export interface IntegrationContext {
  /** The capabilities that passed every rule. */
  readonly capabilities: readonly CapabilitySummary[];
  /** Keys of capability specs that broke a rule: an integration naming one is not generated, but not told it is unknown. */
  readonly broken: readonly string[];
  /** The adapter bound to each integration key. */
  readonly adapters: Readonly<Record<string, AdapterBinding>>;
}

/** What every task of a run shares (sent once to each worker). */
export interface TaskSettings {
  readonly plan: FilesSettings;
  /** The artifacts switched on, by name (generator/artifacts/). */
  readonly artifacts: readonly string[];
  /** Absent in validate mode: nothing is emitted. */
  readonly emit?: EmitSettings;
  /** Every spec file of the run: a spec file imported by another reports its own syntax errors. */
  readonly specFiles: readonly string[];
  /** The folders files may be read from (input-boundary.ts). */
  readonly inputRoots: readonly string[];
}

export interface SpecFileResult {
  readonly file: string;
  readonly kind: SpecKind;
  /**
   * Every input its result depends on: the files its values came from (itself included), by the
   * hash of the exact bytes parsed, and what resolving its imports looked at (paths found empty,
   * package.json files read), by input state (fs/input-state.ts).
   */
  readonly deps: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
  /** Its specs that passed their rules, in file order. */
  readonly summaries: readonly SpecSummary[];
  /** Keys of capability specs that broke their own rules (their providers are not told the capability is unknown). */
  readonly brokenCapabilities: readonly string[];
  /** The key each of its specs declares, passed or failed; null where the key could not be read (load.ts, LoadedFile.keys). */
  readonly keys: readonly (string | null)[];
  /** Its secret example strings (code frames mask them). */
  readonly secrets: readonly string[];
  /** Its specs' files: nothing when any of its specs broke a rule. */
  readonly files: readonly OutputFile[];
  /** Milliseconds spent in each stage on this file (FILE_STAGES; summed over files for `--timings`). */
  readonly timings: Readonly<Record<string, number>>;
}

export interface AdapterScan {
  readonly adapters: readonly AdapterBinding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly deps: Readonly<Record<string, string>>;
}

interface LoadedContext {
  readonly capabilities: ReadonlyMap<string, CapabilitySummary>;
  readonly broken: ReadonlySet<string>;
  readonly adapters: IntegrationContext['adapters'];
}

/** One thread's task runner: keeps parsed imports, compiled validators and templates between tasks. */
export class SpecFileProcessor {
  private readonly graph: ModuleGraph;
  private readonly evaluator: StaticEvaluator;
  private readonly validators = new ValidatorCompiler();
  private readonly specFiles: ReadonlySet<string>;
  private emitContext?: EmitContext;
  /** The files of each artifact switched on (loaded with the first spec file). */
  private artifacts?: readonly (ArtifactFiles & { readonly name: string })[];
  private resolveContext!: (context: LoadedContext) => void;
  /** Set once the capabilities are known: what integrations are checked and bound against. */
  private context = this.contextToCome();

  constructor(private readonly settings: TaskSettings) {
    this.specFiles = new Set(settings.specFiles);
    this.graph = new ModuleGraph(new InputBoundary(settings.inputRoots));
    this.evaluator = new StaticEvaluator(this.graph);
  }

  /**
   * Another run with the same settings (a watch process's next): the modules whose file is unchanged
   * (`current`) stay parsed, validators compiled and templates loaded; the context is the new run's.
   */
  nextRun(current: (file: string, hash: string) => boolean): void {
    this.graph.keepCurrent(current);
    this.context = this.contextToCome();
  }

  private contextToCome(): Promise<LoadedContext> {
    return new Promise<LoadedContext>((resolve) => (this.resolveContext = resolve));
  }

  /** The capabilities and adapters integrations are checked and bound against. */
  setContext(context: IntegrationContext): void {
    this.resolveContext({ capabilities: new Map(context.capabilities.map((c) => [c.key, c])), broken: new Set(context.broken), adapters: context.adapters });
  }

  /**
   * An integration's own files need nothing from other specs, so they are made at once; only its
   * references, client and docs page wait for the capabilities (which go first in the queue).
   */
  async process(file: string, kind: SpecKind): Promise<SpecFileResult> {
    const profiler = new Profiler(FILE_STAGES);
    const lap = profiler.laps();
    const loaded = loadSpecFile(file, this.graph, this.evaluator, kind);
    const imported = Object.keys(loaded.deps).filter((dep) => !this.specFiles.has(dep));
    const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...importedSyntaxErrors(this.graph, imported)];
    lap('load');
    await yieldToEventLoop();
    const brokenCapabilities: string[] = [];
    const artifacts = (this.artifacts ??= await loadArtifacts(this.settings.artifacts));
    const planned: { spec: LoadedSpec; plan: SpecPlan; files: OutputFile[] }[] = [];
    for (const spec of loaded.specs) {
      const found = checkSpec(spec, { compile: this.validators.compile });
      diagnostics.push(...found);
      lap('check');
      await yieldToEventLoop();
      if (hasErrors(found)) {
        const key = (spec.value as { meta?: { key?: unknown } } | undefined)?.meta?.key;
        if (spec.kind === 'capability' && typeof key === 'string') brokenCapabilities.push(key);
        continue;
      }
      planned.push({ spec, plan: withParts(planSpec(spec, this.settings.plan), artifacts), files: [] });
      lap('plan');
    }
    const emit = async (make: () => Promise<OutputFile[]> | OutputFile[], into: OutputFile[]) => {
      if (!this.settings.emit || hasErrors(diagnostics)) return;
      try {
        this.emitContext ??= createEmitContext(this.settings.emit, this.validators);
        into.push(...(await make()));
      } catch (error) {
        // A broken template override: reported at the template (every file reports the same one once).
        if (!(error instanceof TemplateError)) throw error;
        diagnostics.push(templateDiagnostic(error));
      }
      lap('emit');
    };
    for (const entry of planned) {
      for (const artifact of artifacts) if (artifact.specFiles) await emit(() => artifact.specFiles!(entry.plan, this.emitContext!), entry.files);
    }
    const kept = [];
    for (const entry of planned) {
      const { plan } = entry;
      if (plan.kind === 'integration') {
        const context = await this.context;
        const references = checkReferences(entry.spec, context.capabilities, context.broken);
        diagnostics.push(...references.diagnostics);
        lap('check');
        if (!references.provides) continue;
        const provides = references.provides;
        const adapter = Object.hasOwn(context.adapters, entry.plan.summary.key) ? context.adapters[entry.plan.summary.key] : undefined;
        const binding = checkHttpBinding(entry.spec, provides, adapter);
        diagnostics.push(...binding);
        if (hasErrors(binding)) continue;
        const jobs = artifacts.flatMap((artifact) => artifact.integrationJobs?.(plan, { provides, adapter, settings: this.settings.plan }) ?? []);
        lap('plan');
        await emit(() => jobs.map((job) => renderJob(job, this.emitContext!)), entry.files);
      }
      kept.push(entry);
    }
    const files = hasErrors(diagnostics) ? [] : kept.flatMap((entry) => entry.files);
    return { file, kind, deps: { ...loaded.probes, ...loaded.deps }, diagnostics, summaries: kept.map((entry) => entry.plan.summary), brokenCapabilities, keys: loaded.keys, secrets: loaded.secrets, files, timings: profiler.timings };
  }

  /** The adapters the project's adapter files declare (read statically, like specs). */
  scanAdapters(files: readonly string[]): AdapterScan {
    const { files: read, result } = this.graph.record(() => findAdapters(files, this.graph));
    const deps: Record<string, string> = {};
    for (const file of read) {
      const hash = this.graph.hashOf(file);
      if (hash !== undefined) deps[file] = hash;
    }
    return { ...result, deps };
  }
}

/** The plan, its summary carrying what each artifact keeps of the spec for the project's files. */
function withParts(plan: SpecPlan, artifacts: readonly (ArtifactFiles & { readonly name: string })[]): SpecPlan {
  const parts = Object.fromEntries(artifacts.flatMap((artifact) => {
    const part = artifact.summarize?.(plan);
    return part === undefined ? [] : [[artifact.name, part]];
  }));
  if (Object.keys(parts).length === 0) return plan;
  return plan.kind === 'integration' ? { ...plan, summary: { ...plan.summary, parts } } : { ...plan, summary: { ...plan.summary, parts } };
}
