import type { SourcePosition } from '../diagnostics.js';
import { type ContractgenConfig } from './config.js';
export declare const CONFIG_NAMES: string[];
export declare class ConfigError extends Error {
    readonly file: string;
    readonly position?: Omit<SourcePosition, 'file'> | undefined;
    constructor(file: string, message: string, position?: Omit<SourcePosition, 'file'> | undefined);
}
/** The project folder of `from` and its config file, if it has one. */
export declare function findProject(from: string): {
    root: string;
    configFile?: string;
};
/**
 * Loads a config file. JSON is parsed; `.ts` is read statically, like specs (no TypeScript loader
 * needed, nothing executed); `.mjs` is imported. `fresh`: import a `.mjs` anew (watch mode).
 */
export declare function loadConfigFile(file: string, fresh?: boolean): Promise<ContractgenConfig>;
//# sourceMappingURL=find.d.ts.map