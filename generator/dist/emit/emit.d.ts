import type { CheckedModel } from '../check/model.js';
import { type EmitCapability, type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
/** Output paths (and content hashes) of a unit from an earlier run with the same fingerprint, still intact on disk; undefined to emit it. */
export type ReuseUnit = (unit: string, fingerprint: string) => ReadonlyMap<string, string> | undefined;
/** Where emitted files go, as soon as each unit is done (so memory holds a few units' output at a time). */
export interface EmitSink {
    add(file: OutputFile): void;
    /** A reused unit's file: produced by this run too, and known to be on disk already (with this content hash). */
    keep(path: string, hash: string): void;
}
export type EmitUnits = Record<string, {
    fingerprint: string;
    paths: string[];
}>;
/** One spec's files to emit: plain data, so it can cross to a worker thread (generator/parallel). */
export type EmitUnit = {
    readonly kind: 'capability';
    readonly key: string;
    readonly capability: EmitCapability;
    readonly providers: readonly string[];
} | {
    readonly kind: 'integration';
    readonly key: string;
    readonly integration: EmitIntegration;
};
/** Emits a unit somewhere: in this thread (`emitUnit`) or in a worker pool. */
export type UnitEmitter = (unit: EmitUnit) => Promise<OutputFile[]>;
export interface EmitAllOptions {
    readonly reuse?: ReuseUnit;
    /**
     * Where the units that must be emitted go, told how many there are (so a caller can start a
     * worker pool only for a big run), and how many may be in flight at once. Default: this thread, one at a time.
     */
    readonly emitterFor?: (units: number) => {
        emitter: UnitEmitter;
        concurrency: number;
    } | undefined;
}
/** Emits every unit into `sink` and returns each unit's fingerprint and paths (for the cache). */
export declare function emitAll(model: CheckedModel, context: EmitContext, sink: EmitSink, options?: EmitAllOptions): Promise<EmitUnits>;
/** The per-spec units of a model: capabilities first, then integrations, each sorted by key. */
export declare function planUnits(model: CheckedModel): EmitUnit[];
/** The files of one unit. Pure: the same unit and context give the same files on any thread. */
export declare function emitUnit(unit: EmitUnit, context: EmitContext): Promise<OutputFile[]>;
/** The schemas a unit compiles validators for (so a worker can be handed their code). */
export declare function unitSchemas(unit: EmitUnit): object[];
//# sourceMappingURL=emit.d.ts.map