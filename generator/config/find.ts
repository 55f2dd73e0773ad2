/** Finds `contractgen.config.{ts,mjs,json}` upward from a folder and loads it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configProblems, type ContractgenConfig } from './config.js';

export const CONFIG_NAMES = ['contractgen.config.ts', 'contractgen.config.mjs', 'contractgen.config.json'];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function findConfigFile(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads a config file: JSON is parsed, `.ts`/`.mjs` are imported (their default export, or `config`). */
/** `fresh`: import the file anew (watch mode, after the config changed) instead of from the module cache. */
export async function loadConfigFile(file: string, fresh = false): Promise<ContractgenConfig> {
  let config: unknown;
  try {
    if (file.endsWith('.json')) config = JSON.parse(readFileSync(file, 'utf8'));
    else config = pickConfig(await importConfig(file, fresh));
  } catch (error) {
    throw new ConfigError(file, `cannot load the config: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems = configProblems(config);
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  return config as ContractgenConfig;
}

interface ConfigModule {
  readonly default?: unknown;
  readonly config?: unknown;
}

/**
 * Imports a `.ts`/`.mjs` config. A `.ts` file in a package without "type": "module" is CommonJS to
 * Node, which the ESM loader alone cannot run (ERR_REQUIRE_CYCLE_MODULE): tsx's CommonJS hook is on
 * while it loads. Either way the config shares this process's modules (one `contractgen`), unlike
 * tsx's namespaced tsImport, which would load a second copy of everything the config imports.
 */
async function importConfig(file: string, fresh: boolean): Promise<ConfigModule> {
  const url = pathToFileURL(file).href + (fresh ? `?reload=${Date.now()}` : '');
  if (!file.endsWith('.ts')) return (await import(url)) as ConfigModule;
  const { register } = await import('tsx/cjs/api');
  const unregister = register();
  try {
    return (await import(url)) as ConfigModule;
  } finally {
    unregister();
  }
}

/** The default export, or a named `config` export; a CommonJS-compiled config arrives as { default: exports }. */
function pickConfig(loaded: ConfigModule): unknown {
  const exports = loaded.default as (ConfigModule & { __esModule?: unknown }) | undefined;
  const module = exports && typeof exports === 'object' && exports.__esModule === true ? exports : loaded;
  return module.default ?? module.config;
}
