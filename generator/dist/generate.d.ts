import { type GenerateOptions, type GenerateResult } from './options.js';
export type { FileStatus, GenerateMode, GenerateOptions, GenerateResult, SpecSummary } from './options.js';
export declare function generate(options?: GenerateOptions): Promise<GenerateResult>;
//# sourceMappingURL=generate.d.ts.map