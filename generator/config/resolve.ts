/**
 * Project options from the project's config file (see find.ts), overridden by command-line flags.
 * Config paths are relative to the project folder, so a run from any folder of the project
 * produces the same bytes.
 */
import { dirname, resolve } from 'node:path';
import type { GenerateOptions } from '../generate.js';
import type { ContractgenConfig } from './config.js';
import { findProject, loadConfigFile, type ProjectLocation } from './find.js';

/** Flags as given on the command line (paths relative to the working directory). */
export interface FlagOptions {
  readonly specs?: string;
  readonly out?: string;
  readonly templates?: readonly string[];
  readonly config?: string;
}

export interface ProjectOptions extends GenerateOptions {
  readonly root: string;
  readonly configFile?: string;
  /** Template override folders, absolute (for watch mode). */
  readonly templates: readonly string[];
}

export async function projectOptions(cwd: string, flags: FlagOptions = {}, fresh = false): Promise<ProjectOptions> {
  const project: ProjectLocation = flags.config ? { root: dirname(resolve(cwd, flags.config)), configFile: resolve(cwd, flags.config), reason: 'the folder of the --config file' } : findProject(cwd);
  const { root, configFile } = project;
  const config: ContractgenConfig = configFile ? await loadConfigFile(configFile, fresh) : {};
  const fromConfig = (path: string | undefined) => (path === undefined ? undefined : resolve(root, path));
  const fromFlag = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  const configTemplates = config.templates === undefined ? [] : typeof config.templates === 'string' ? [config.templates] : config.templates;
  return {
    root,
    rootReason: project.reason,
    configFile,
    // Left out when not named: a default folder may be missing when packages bring the specs, a named one may not.
    specs: fromFlag(flags.specs) ?? fromConfig(config.specs),
    out: fromFlag(flags.out) ?? fromConfig(config.out) ?? resolve(root, 'generated'),
    adapters: fromConfig(config.adapters) ?? resolve(root, 'adapters'),
    docsOut: fromConfig(config.docsOut),
    templates: flags.templates?.length ? flags.templates.map((t) => resolve(cwd, t)) : configTemplates.map((t) => resolve(root, t)),
    artifacts: config.artifacts,
    runtimeImport: config.runtimeImport,
    packages: config.packages,
    allowEmpty: config.allowEmpty,
  };
}
