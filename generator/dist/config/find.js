/** Finds `contractgen.config.{ts,mjs,json}` upward from a folder and loads it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configProblems } from './config.js';
export const CONFIG_NAMES = ['contractgen.config.ts', 'contractgen.config.mjs', 'contractgen.config.json'];
export class ConfigError extends Error {
    file;
    constructor(file, message) {
        super(message);
        this.file = file;
        this.name = 'ConfigError';
    }
}
export function findConfigFile(from) {
    for (let dir = from;; dir = dirname(dir)) {
        const found = CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
        if (found)
            return found;
        if (dirname(dir) === dir)
            return undefined;
    }
}
/** Loads a config file: JSON is parsed, `.ts`/`.mjs` are imported (their default export, or `config`). */
/** `fresh`: import the file anew (watch mode, after the config changed) instead of from the module cache. */
export async function loadConfigFile(file, fresh = false) {
    let config;
    try {
        if (file.endsWith('.json'))
            config = JSON.parse(readFileSync(file, 'utf8'));
        else
            config = pickConfig(await importConfig(file, fresh));
    }
    catch (error) {
        throw new ConfigError(file, `cannot load the config: ${error.message.split('\n')[0]}`);
    }
    const problems = configProblems(config);
    if (problems.length > 0)
        throw new ConfigError(file, problems.join('; '));
    return config;
}
/**
 * Imports a `.ts`/`.mjs` config. A `.ts` file in a package without "type": "module" is CommonJS to
 * Node, which the ESM loader alone cannot run (ERR_REQUIRE_CYCLE_MODULE): tsx's CommonJS hook is on
 * while it loads. Either way the config shares this process's modules (one `contractgen`), unlike
 * tsx's namespaced tsImport, which would load a second copy of everything the config imports.
 */
async function importConfig(file, fresh) {
    const url = pathToFileURL(file).href + (fresh ? `?reload=${Date.now()}` : '');
    if (!file.endsWith('.ts'))
        return (await import(url));
    const { register } = await import('tsx/cjs/api');
    const unregister = register();
    try {
        return (await import(url));
    }
    finally {
        unregister();
    }
}
/** The default export, or a named `config` export; a CommonJS-compiled config arrives as { default: exports }. */
function pickConfig(loaded) {
    const exports = loaded.default;
    const module = exports && typeof exports === 'object' && exports.__esModule === true ? exports : loaded;
    return module.default ?? module.config;
}
//# sourceMappingURL=find.js.map