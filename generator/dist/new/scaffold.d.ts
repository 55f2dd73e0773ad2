import type { Diagnostic } from '../diagnostics.js';
import { type GenerateResult } from '../generate.js';
import type { ProjectOptions } from '../config/resolve.js';
export interface NewProviderRequest {
    readonly key: string;
    readonly category: string;
    /** `key` or `key@version`; the version defaults to the capability spec's own. */
    readonly capabilities: readonly string[];
    readonly adapter: boolean;
}
export interface NewProviderResult {
    readonly ok: boolean;
    readonly diagnostics: readonly Diagnostic[];
    /** Files written, absolute. */
    readonly written: readonly string[];
    readonly generation?: GenerateResult;
}
export declare function scaffoldProvider(project: ProjectOptions, request: NewProviderRequest): Promise<NewProviderResult>;
//# sourceMappingURL=scaffold.d.ts.map