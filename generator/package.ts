/**
 * This package on disk: its folder, version and built-in templates, found once. Compiled modules
 * (dist/) and their sources (run by the tests) sit at different depths below the package folder,
 * so the folder is found by walking up to contractgen's own package.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp } from './fs/find-up.js';

function findPackage(): { root: string; version: string } | undefined {
  return findUp(dirname(fileURLToPath(import.meta.url)), (dir) => {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      return manifest.name === 'contractgen' && manifest.version ? { root: dir, version: manifest.version } : undefined;
    } catch {
      // No package.json here: keep walking up.
      return undefined;
    }
  });
}

const found = findPackage() ?? internalError('cannot find the contractgen package folder');

function internalError(message: string): never {
  throw new Error(`internal error: ${message}`);
}

/** The contractgen package folder (holds package.json, bin/, dist/, templates/). */
export const PACKAGE_ROOT = found.root;
/** contractgen's version; generated code asks for a runtime of this version (they are released together). */
export const GENERATOR_VERSION = found.version;
/** The templates no artifact owns: the shared partials and `contractgen new`'s. */
export const DEFAULT_TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
/** The artifacts' folders, each with its templates in `templates/` (artifacts/artifact.ts). */
export const ARTIFACTS_DIR = join(PACKAGE_ROOT, 'artifacts');
