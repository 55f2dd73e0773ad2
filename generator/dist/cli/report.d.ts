/** What a run prints: diagnostics, then one summary line (human), or one JSON document (`--reporter json`). */
import type { GenerateResult } from '../generate.js';
import { type Colors } from '../report/format.js';
export interface ReportOptions {
    readonly root: string;
    readonly reporter: 'human' | 'json';
    readonly quiet: boolean;
    readonly timings: boolean;
    readonly colors: Colors;
    readonly command: string;
    readonly elapsedMs: number;
}
export declare function report(result: GenerateResult, options: ReportOptions, out: (s: string) => void, err: (s: string) => void): void;
//# sourceMappingURL=report.d.ts.map