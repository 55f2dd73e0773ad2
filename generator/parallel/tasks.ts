/**
 * The work a worker thread does, as plain-data tasks and results: the single-spec rules (which
 * compile every schema, the costliest step of a cold run) and emitting one unit. The same
 * functions run in-process when no pool is used, so a pool changes where work runs, never what
 * it produces.
 */
import type { SpecFinding } from '../spec/findings.js';
import { capabilityFindings, integrationFindings } from '../spec/rules.js';
import { createEmitContext, type EmitContext, type EmitSettings, type OutputFile } from '../emit/context.js';
import { emitUnit, type EmitUnit } from '../emit/emit.js';
import { ValidatorCompiler, type ValidatorCode } from '../emit/standalone-validators.js';
import type { SpecKind } from '../load/model.js';

export type Task =
  | { readonly type: 'rules'; readonly kind: SpecKind; readonly value: unknown }
  | { readonly type: 'emit'; readonly unit: EmitUnit; readonly settings: EmitSettings; readonly code: ValidatorCode };

export interface RulesResult {
  readonly findings: SpecFinding[];
  /** Standalone code of the schemas the rules compiled, for the emit stage. */
  readonly code: ValidatorCode;
}

export type TaskResult<T extends Task> = T extends { type: 'rules' } ? RulesResult : OutputFile[];

/** What a thread keeps between tasks: its compiled code and one emit context per settings. */
export class TaskRunner {
  private readonly validators = new ValidatorCompiler();
  private readonly contexts = new Map<string, EmitContext>();

  async run(task: Task): Promise<RulesResult | OutputFile[]> {
    if (task.type === 'rules') {
      const rules = { compile: this.validators.compile };
      const findings = task.kind === 'integration' ? integrationFindings(task.value, rules) : capabilityFindings(task.value, rules);
      return { findings, code: this.validators.takeFresh() };
    }
    this.validators.add(task.code);
    const key = JSON.stringify(task.settings);
    let context = this.contexts.get(key);
    if (!context) this.contexts.set(key, (context = createEmitContext(task.settings, this.validators)));
    return emitUnit(task.unit, context);
  }
}
