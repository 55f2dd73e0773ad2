/**
 * check: every spec rule, as diagnostics at the exact source position. Single-spec rules are the
 * runtime's own (`generator/spec/rules.ts`, also run by defineIntegration); the rules that need the
 * whole set of specs are here.
 */
import { type SpecFinding } from '../spec/findings.js';
import { type RuleOptions } from '../spec/rules.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/model.js';
import type { CheckedModel } from './model.js';
export interface CheckResult {
    readonly model: CheckedModel;
    readonly diagnostics: Diagnostic[];
    /** The single-spec rule findings of each spec, for reuse while the spec is unchanged. */
    readonly findings: ReadonlyMap<LoadedSpec, readonly SpecFinding[]>;
}
/** Single-spec findings known from an earlier run for an unchanged spec; undefined to run the rules. */
export type ReuseFindings = (spec: LoadedSpec) => readonly SpecFinding[] | undefined;
export interface CheckOptions {
    /** Findings of unchanged specs from an earlier run. */
    readonly reuse?: ReuseFindings;
    /** Paths of other specs named in messages are shown relative to it. */
    readonly root?: string;
    /** How the rules compile spec schemas (the generator keeps the compiled code for emitting). */
    readonly compile?: RuleOptions['compile'];
}
export declare function checkSpecs(specs: readonly LoadedSpec[], options?: CheckOptions): CheckResult;
//# sourceMappingURL=check.d.ts.map