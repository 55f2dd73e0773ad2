import { type ContractgenConfig } from './config.js';
export declare const CONFIG_NAMES: string[];
export declare class ConfigError extends Error {
    readonly file: string;
    constructor(file: string, message: string);
}
export declare function findConfigFile(from: string): string | undefined;
/** Loads a config file: JSON is parsed, `.ts`/`.mjs` are imported (their default export, or `config`). */
/** `fresh`: import the file anew (watch mode, after the config changed) instead of from the module cache. */
export declare function loadConfigFile(file: string, fresh?: boolean): Promise<ContractgenConfig>;
//# sourceMappingURL=find.d.ts.map