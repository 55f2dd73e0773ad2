/**
 * The one way a run's options are made, for the CLI and for `generate()` alike: find the project,
 * read its config file (unless told not to), then each project option from what the caller gave,
 * else the config file, else its default (config/options.ts), paths against the project folder.
 * The same project gives the same options, and so the same bytes, however the run is started.
 */
import { dirname, resolve } from 'node:path';
import type { GenerateOptions, ResolvedOptions } from '../options.js';
import { ConfigError } from './error.js';
import { configFileIn, findProject, loadConfigFile, type ProjectLocation } from './find.js';
import { configProblems, OPTIONS, resolveConfig, type ContractgenConfig } from './options.js';

export interface ResolveContext {
  /** Where relative `root` and `config` paths start, and where the project is looked for (default: the working directory). */
  readonly cwd?: string;
  /** Import an `.mjs` config anew (watch mode, after it changed). */
  readonly fresh?: boolean;
}

/** Throws a ConfigError (CG160) for a config file that cannot be read or an option that is wrong. */
export async function resolveOptions(options: GenerateOptions = {}, context: ResolveContext = {}): Promise<ResolvedOptions> {
  const cwd = context.cwd ?? process.cwd();
  const project = locate(options, cwd);
  const config = project.configFile ? await loadConfigFile(project.configFile, context.fresh) : {};
  const given = Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, options[name as keyof ContractgenConfig]]).filter(([, value]) => value !== undefined)) as ContractgenConfig;
  const problems = await configProblems(given);
  if (problems.length > 0) throw new ConfigError(undefined, problems.join('; '));
  return {
    ...resolveConfig([given, config], (path) => resolve(project.root, path)),
    root: project.root,
    rootReason: project.reason,
    configFile: project.configFile,
    specsNamed: given.specs !== undefined || config.specs !== undefined,
    mode: options.mode ?? 'write',
    cache: options.cache ?? true,
    workers: options.workers ?? 'auto',
    onProgress: options.onProgress,
  };
}

/** The project folder, its config file (none with `config: false`), and why that folder. */
function locate(options: GenerateOptions, cwd: string): ProjectLocation {
  const root = options.root === undefined ? undefined : resolve(cwd, options.root);
  if (typeof options.config === 'string') {
    const configFile = resolve(cwd, options.config);
    return { root: root ?? dirname(configFile), configFile, reason: root ? 'the root option' : 'the folder of the config file named (--config)' };
  }
  const found = root ? { root, configFile: configFileIn(root), reason: 'the root option' } : findProject(cwd);
  return options.config === false ? { root: found.root, reason: found.reason } : found;
}
