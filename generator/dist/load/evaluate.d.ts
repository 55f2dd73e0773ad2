/**
 * Static evaluation of a spec's object literal: the values a spec may contain, computed from
 * the syntax tree alone. Whatever cannot be known without running code is reported, never guessed.
 */
import { ts } from 'ts-morph';
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { type ValuePath } from './model.js';
import { type ModuleGraph, type ParsedModule } from './modules.js';
/** Where evaluated values record their source positions and their problems. */
export interface EvaluationSink {
    readonly positions: Map<string, SourcePosition>;
    readonly diagnostics: Diagnostic[];
}
type Value = unknown;
export declare class StaticEvaluator {
    private readonly graph;
    /** Declarations being evaluated right now: a const that reaches itself is a cycle, not a stack overflow. */
    private readonly active;
    /** Objects and arrays open right now, and expressions: both bounded (limits.ts), so evaluation never overflows the stack. */
    private valueDepth;
    private expressionDepth;
    constructor(graph: ModuleGraph);
    evaluate(node: ts.Expression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value;
    private value;
    private expression;
    private array;
    private object;
    private identifier;
    private binding;
    private propertyAccess;
    /** The binding an expression names (identifier or namespace member), for enum and namespace access. */
    private reference;
    /** Evaluates into a private position map, so part of the result can be re-homed under another path. */
    private scratch;
    /** A number no generated file or JSON can hold (`1e400` is Infinity) is refused where it is written. */
    private finite;
    private fail;
}
export {};
//# sourceMappingURL=evaluate.d.ts.map