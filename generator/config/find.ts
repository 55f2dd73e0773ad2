/**
 * Finds the project a run belongs to, and its `contractgen.config.{ts,mjs,json}`. The project is
 * the nearest folder, from the working directory up, that holds a config file or a package.json:
 * a run from any folder of a package writes the same bytes, and never picks up the config of an
 * enclosing package (a monorepo root) by accident.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findUp } from '../fs/find-up.js';
import { pathToFileURL } from 'node:url';
import { InputBoundary } from '../fs/input-boundary.js';
import { InputFileError, readInputText } from '../fs/read-input.js';
import { configProblems, type ContractgenConfig } from './options.js';
import { ConfigError } from './error.js';

export const CONFIG_NAMES = ['contractgen.config.ts', 'contractgen.config.mjs', 'contractgen.config.json'];

/** The project a run belongs to: its folder, its config file if it has one, and why that folder. */
export interface ProjectLocation {
  readonly root: string;
  readonly configFile?: string;
  /** Why `root` is the project, in words: diagnostics about a folder it lacks say so (CG103). */
  readonly reason: string;
}

/** The project folder of `from` and its config file, if it has one. */
export function findProject(from: string): ProjectLocation {
  const found = findUp(from, (dir): ProjectLocation | undefined => {
    const below = dir === from ? 'the working directory' : 'the nearest folder above the working directory';
    const configFile = configFileIn(dir);
    if (configFile) return { root: dir, configFile, reason: `${below} with a config file (${basename(configFile)})` };
    if (existsSync(join(dir, 'package.json'))) return { root: dir, reason: `${below} with a package.json (and no contractgen config file)` };
    return undefined;
  });
  return found ?? { root: from, reason: 'the working directory: no folder from there up has a package.json or a contractgen config file' };
}

/** The config file in `dir`, if it has one. */
export function configFileIn(dir: string): string | undefined {
  return CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
}

/**
 * Loads a config file. JSON is parsed; `.ts` is read statically, like specs (no TypeScript loader
 * needed, nothing executed); `.mjs` is imported. `fresh`: import a `.mjs` anew (watch mode).
 */
export async function loadConfigFile(file: string, fresh = false): Promise<ContractgenConfig> {
  let config: unknown;
  try {
    // Read (or, for .mjs, checked) like every input first: a regular file inside the project, in
    // UTF-8. A config linked to /proc/self/environ must not end up quoted in a JSON parse error.
    const text = readInputText(file, new InputBoundary([dirname(file)], []));
    if (file.endsWith('.json')) config = JSON.parse(text);
    else if (file.endsWith('.ts')) config = (await import('./read-ts.js')).readTsConfig(file);
    else config = pickConfig((await import(pathToFileURL(file).href + (fresh ? `?reload=${Date.now()}` : ''))) as ConfigModule);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof InputFileError) {
      const { message, line, column } = error.diagnostic;
      throw new ConfigError(file, message, line === undefined ? undefined : { line, column: column ?? 1 });
    }
    throw new ConfigError(file, `cannot load the config: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems = await configProblems(config);
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  return config as ContractgenConfig;
}

interface ConfigModule {
  readonly default?: unknown;
  readonly config?: unknown;
}

/** The default export, or a named `config` export. */
function pickConfig(loaded: ConfigModule): unknown {
  return loaded.default ?? loaded.config;
}
