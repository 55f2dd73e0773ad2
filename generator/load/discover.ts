/**
 * Which files a run reads: the spec files of the installed spec packages and of the project, and
 * the project's adapter files. Found once per run; the cache's fast path and the pipeline share it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { InputBoundary } from '../fs/input-boundary.js';
import { listInputFiles, type InputListing } from '../fs/list-inputs.js';
import { resolvePackages, type SpecPackage } from './packages.js';

/** What discovery reads of a run's options (ResolvedOptions, options.ts): the project and its folders. */
export interface DiscoverOptions {
  readonly root: string;
  /** Why `root` is the project (CG103's hint says it). */
  readonly rootReason: string;
  readonly configFile?: string;
  readonly specs: string;
  /** The specs folder was named, so it must exist even when packages bring specs. */
  readonly specsNamed: boolean;
  readonly adapters: string;
  readonly templates: readonly string[];
  readonly packages: readonly string[];
  readonly allowEmpty: boolean;
}

export interface ProjectInputs {
  readonly packages: readonly SpecPackage[];
  /** The packages' spec files first (in config order), then the project's. */
  readonly specFiles: readonly string[];
  readonly adapterFiles: readonly string[];
  /** Packages that cannot be used, a specs folder that cannot be read, input files refused (CG104). */
  readonly diagnostics: readonly Diagnostic[];
  /** What the run may read: the loader reads every file, and code frames every file, through it. */
  readonly boundary: InputBoundary;
}

export function discoverInputs(options: DiscoverOptions): ProjectInputs {
  const { packages, diagnostics } = resolvePackages(options.packages, options.root, options.configFile);
  const specFiles: string[] = [];
  const add = (into: string[], listing: InputListing) => {
    into.push(...listing.files);
    diagnostics.push(...listing.refused);
  };
  for (const pkg of packages) {
    if (!pkg.specsDir) continue;
    try {
      add(specFiles, discoverSpecFiles(pkg.specsDir));
    } catch (error) {
      diagnostics.push({ code: 'CG150', severity: 'error', file: pkg.manifest, message: `package "${pkg.name}": cannot read its specs folder (${errorCode(error)})` });
    }
  }
  try {
    add(specFiles, discoverSpecFiles(options.specs, { optional: packages.length > 0 && !options.specsNamed }));
  } catch (error) {
    diagnostics.push(unreadableFolder(options, 'specs', options.specs, error));
  }
  // No spec would mean no output: every generated file removed. Far more often a mistake than meant.
  if (specFiles.length === 0 && diagnostics.length === 0 && !options.allowEmpty) {
    diagnostics.push({ code: 'CG108', severity: 'error', file: options.specs, message: 'no spec files found, so every generated file would be removed', hint: 'check the specs folder (--specs, or `specs` in the config); if an empty project is meant, set `allowEmpty: true` in the config' });
  }
  const adapterFiles: string[] = [];
  try {
    add(adapterFiles, discoverSpecFiles(options.adapters, { optional: true }));
  } catch (error) {
    diagnostics.push(unreadableFolder(options, 'adapters', options.adapters, error));
  }
  return { packages, specFiles, adapterFiles, diagnostics, boundary: projectBoundary(options, packages.map((p) => p.dir)) };
}

/**
 * TypeScript sources below a folder, in a stable order; declarations and tests are not specs. A
 * subfolder with a package.json of its own is another package (its adapters and specs come
 * through `packages`), so it is not read as part of this one. Symlinks that leave the folder and
 * special files are refused (list-inputs.ts).
 */
export function discoverSpecFiles(dir: string, options: { optional?: boolean } = {}): InputListing {
  try {
    return listInputFiles(dir, {
      wanted: (name) => /\.(m|c)?ts$/.test(name) && !/\.d\.(m|c)?ts$/.test(name) && !/\.(test|spec)\.(m|c)?ts$/.test(name),
      skipName: (name) => name.startsWith('.') || name === 'node_modules',
      skipFolder: (path) => existsSync(join(path, 'package.json')),
    });
  } catch (error) {
    if (options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], refused: [] };
    throw error;
  }
}

/**
 * CG103. Run from the wrong folder of a monorepo, the project is not where the user thinks: the
 * message names the folder taken as the project, and why.
 */
function unreadableFolder(options: DiscoverOptions, what: 'specs' | 'adapters', dir: string, error: unknown): Diagnostic {
  return {
    code: 'CG103',
    severity: 'error',
    file: dir,
    message: `cannot read the ${what} folder (${errorCode(error)})`,
    hint: `the project is ${options.root}: ${options.rootReason}. Run contractgen in the project that holds the ${what}, or name the folder (${what === 'specs' ? '--specs, or ' : ''}"${what}" in its contractgen.config.json)`,
  };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** The folders a run reads from (see the file comment): plain data, what a worker thread rebuilds its boundary from. */
export function projectRoots(options: DiscoverOptions, packageDirs: readonly string[]): string[] {
  return [options.root, options.specs, options.adapters, ...options.templates, ...packageDirs];
}

function projectBoundary(options: DiscoverOptions, packageDirs: readonly string[]): InputBoundary {
  return new InputBoundary(projectRoots(options, packageDirs));
}
