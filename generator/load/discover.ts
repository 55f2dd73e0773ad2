/**
 * Which files a run reads: the spec files of the installed spec packages and of the project, and
 * the project's adapter files. Found once per run; the cache's fast path and the pipeline share it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedOptions } from '../options.js';
import { resolvePackages, type SpecPackage } from './packages.js';

export interface ProjectInputs {
  readonly packages: readonly SpecPackage[];
  /** The packages' spec files first (in config order), then the project's. */
  readonly specFiles: readonly string[];
  readonly adapterFiles: readonly string[];
  /** Packages that cannot be used, a specs folder that cannot be read. */
  readonly diagnostics: readonly Diagnostic[];
}

export function discoverInputs(options: ResolvedOptions): ProjectInputs {
  const { packages, diagnostics } = resolvePackages(options.packages, options.root, options.configFile);
  const specFiles: string[] = [];
  for (const pkg of packages) {
    if (!pkg.specsDir) continue;
    try {
      specFiles.push(...discoverSpecFiles(pkg.specsDir));
    } catch (error) {
      diagnostics.push({ code: 'CG150', severity: 'error', file: pkg.manifest, message: `package "${pkg.name}": cannot read its specs folder (${errorCode(error)})` });
    }
  }
  try {
    specFiles.push(...discoverSpecFiles(options.specsDir, { optional: packages.length > 0 && !options.specsNamed }));
  } catch (error) {
    diagnostics.push({ code: 'CG103', severity: 'error', file: options.specsDir, message: `cannot read the specs folder (${errorCode(error)})` });
  }
  // No spec would mean no output: every generated file removed. Far more often a mistake than meant.
  if (specFiles.length === 0 && diagnostics.length === 0 && !options.allowEmpty) {
    diagnostics.push({ code: 'CG104', severity: 'error', file: options.specsDir, message: 'no spec files found, so every generated file would be removed', hint: 'check the specs folder (--specs, or `specs` in the config); if an empty project is meant, set `allowEmpty: true` in the config' });
  }
  let adapterFiles: string[] = [];
  try {
    adapterFiles = discoverSpecFiles(options.adaptersDir, { optional: true });
  } catch (error) {
    diagnostics.push({ code: 'CG103', severity: 'error', file: options.adaptersDir, message: `cannot read the adapters folder (${errorCode(error)})` });
  }
  return { packages, specFiles, adapterFiles, diagnostics };
}

/**
 * TypeScript sources below a folder, in a stable order; declarations and tests are not specs. A
 * subfolder with a package.json of its own is another package (its adapters and specs come
 * through `packages`), so it is not read as part of this one.
 */
export function discoverSpecFiles(dir: string, options: { optional?: boolean } = {}): string[] {
  const files: string[] = [];
  const walk = (folder: string, top: boolean) => {
    if (!top && existsSync(join(folder, 'package.json'))) return;
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, false);
      else if (/\.(m|c)?ts$/.test(entry.name) && !/\.d\.(m|c)?ts$/.test(entry.name) && !/\.(test|spec)\.(m|c)?ts$/.test(entry.name)) files.push(path);
    }
  };
  try {
    walk(dir, true);
  } catch (error) {
    if (!(options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
  }
  return files;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
