/**
 * The per-file work of a run, in one go: load a spec file, check each spec on its own, plan it,
 * and emit its own files. Runs on a worker thread in a big run and in the main thread otherwise;
 * the same code either way, so where it runs never changes what it produces.
 */
import type { Diagnostic } from '../diagnostics.js';
import { checkSpec } from '../check/index.js';
import { createEmitContext, emitSpecFiles, templateDiagnostic, TemplateError, type EmitContext, type EmitSettings, type OutputFile } from '../emit/index.js';
import { ValidatorCompiler } from '../emit/standalone-validators.js';
import { findAdapters, type AdapterBinding } from '../load/adapters.js';
import { StaticEvaluator } from '../load/evaluate.js';
import { importedSyntaxErrors, loadSpecFile } from '../load/load.js';
import { ModuleGraph } from '../load/modules.js';
import type { SpecSummary } from '../plan/model.js';
import { planSpec, type PlanSettings } from '../plan/spec.js';
import { hasErrors } from '../diagnostics.js';

/** What every task of a run shares (sent once to each worker). */
export interface TaskSettings {
  readonly plan: PlanSettings;
  /** Absent in validate mode: nothing is emitted. */
  readonly emit?: EmitSettings;
  /** Every spec file of the run: a spec file imported by another reports its own syntax errors. */
  readonly specFiles: readonly string[];
}

export interface SpecFileResult {
  readonly file: string;
  /** The files its values came from (itself included), with the hash of the exact bytes parsed. */
  readonly deps: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
  /** The specs that passed their own rules, in file order. */
  readonly summaries: readonly SpecSummary[];
  /** Keys of capability specs that broke their own rules (their providers are not told the capability is unknown). */
  readonly brokenCapabilities: readonly string[];
  /** Its secret example strings (code frames mask them). */
  readonly secrets: readonly string[];
  /** Its specs' own files: nothing when any of its specs broke a rule. */
  readonly files: readonly OutputFile[];
  /** Milliseconds spent in each stage on this file (summed over files for `--timings`). */
  readonly timings: Readonly<Record<'load' | 'check' | 'plan' | 'emit', number>>;
}

export interface AdapterScan {
  readonly adapters: readonly AdapterBinding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly deps: Readonly<Record<string, string>>;
}

/** One thread's task runner: keeps parsed imports, compiled validators and templates between tasks. */
export class SpecFileProcessor {
  private readonly graph = new ModuleGraph();
  private readonly evaluator = new StaticEvaluator(this.graph);
  private readonly validators = new ValidatorCompiler();
  private readonly specFiles: ReadonlySet<string>;
  private emitContext?: EmitContext;

  constructor(private readonly settings: TaskSettings) {
    this.specFiles = new Set(settings.specFiles);
  }

  async process(file: string): Promise<SpecFileResult> {
    const timings = { load: 0, check: 0, plan: 0, emit: 0 };
    let mark = performance.now();
    const lap = (stage: keyof typeof timings) => {
      const now = performance.now();
      timings[stage] += now - mark;
      mark = now;
    };
    const loaded = loadSpecFile(file, this.graph, this.evaluator);
    const imported = Object.keys(loaded.deps).filter((dep) => !this.specFiles.has(dep));
    const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...importedSyntaxErrors(this.graph, imported)];
    lap('load');
    const summaries: SpecSummary[] = [];
    const brokenCapabilities: string[] = [];
    const plans = [];
    for (const spec of loaded.specs) {
      const found = checkSpec(spec, { compile: this.validators.compile });
      diagnostics.push(...found);
      lap('check');
      if (hasErrors(found)) {
        const key = (spec.value as { meta?: { key?: unknown } } | undefined)?.meta?.key;
        if (spec.kind === 'capability' && typeof key === 'string') brokenCapabilities.push(key);
        continue;
      }
      const plan = planSpec(spec, this.settings.plan);
      plans.push(plan);
      summaries.push(plan.summary);
      lap('plan');
    }
    const files: OutputFile[] = [];
    if (this.settings.emit && !hasErrors(diagnostics)) {
      try {
        this.emitContext ??= createEmitContext(this.settings.emit, this.validators);
        for (const plan of plans) files.push(...(await emitSpecFiles(plan, this.emitContext)));
      } catch (error) {
        // A broken template override: reported at the template (every file reports the same one once).
        if (!(error instanceof TemplateError)) throw error;
        diagnostics.push(templateDiagnostic(error));
        files.length = 0;
      }
    }
    lap('emit');
    return { file, deps: loaded.deps, diagnostics, summaries, brokenCapabilities, secrets: loaded.secrets, files, timings };
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
