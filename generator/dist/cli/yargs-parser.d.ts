import { type RunArgs } from './arguments.js';
export interface NewArgs extends RunArgs {
    readonly key: string;
    readonly category?: string;
    readonly capability?: string[];
    readonly adapter: boolean;
}
export type ParsedCommand = {
    readonly kind: 'run';
    readonly args: RunArgs;
} | {
    readonly kind: 'new';
    readonly args: NewArgs;
} | {
    readonly kind: 'done';
};
export declare class UsageError extends Error {
    name: string;
}
/** Parses `argv`; `done` when yargs handled it itself (help). Throws UsageError for bad arguments. */
export declare function parseWithYargs(argv: readonly string[]): Promise<ParsedCommand>;
//# sourceMappingURL=yargs-parser.d.ts.map