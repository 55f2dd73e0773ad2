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
export async function loadConfigFile(file: string): Promise<ContractgenConfig> {
  let config: unknown;
  try {
    if (file.endsWith('.json')) config = JSON.parse(readFileSync(file, 'utf8'));
    else {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown; config?: unknown };
      config = module.default ?? module.config;
    }
  } catch (error) {
    throw new ConfigError(file, `cannot load the config: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems = configProblems(config);
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  return config as ContractgenConfig;
}
