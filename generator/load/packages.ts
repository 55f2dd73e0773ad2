/**
 * Spec packages: installed npm packages that contribute specs and adapters, named in the config
 * (`packages: ["@contractgen/twilio"]`). A package says what it contributes in its package.json:
 *
 *   "contractgen": {
 *     "specs": "specs",
 *     "adapters": { "sms.twilio": { "module": "./sms", "export": "twilioSmsAdapter" } }
 *   }
 *
 * Its specs load like local ones. Its adapters bind by package specifier (`@contractgen/twilio/sms`,
 * built from the package name and an `exports` subpath), never by a path into node_modules, so the
 * generated code is the same wherever the package manager put the package.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { AdapterBinding } from './adapters.js';
import { installedManifest } from '../fs/find-up.js';
import { isInsideFolder } from '../fs/inside.js';
import { isRecord, sha1 } from '../values.js';

export interface SpecPackage {
  readonly name: string;
  /** The package folder, symlinks resolved. */
  readonly dir: string;
  /** Its package.json: an input of every run (its `contractgen` field binds the adapters). */
  readonly manifest: string;
  /** Content hash of the package.json bytes read. */
  readonly manifestHash: string;
  /** Its folder of spec files, if it ships specs. */
  readonly specsDir?: string;
  readonly adapters: readonly AdapterBinding[];
}

/** The package.json field a spec package declares its specs and adapters in. */
export const PACKAGE_FIELD = 'contractgen';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Finds each named package the way Node does (node_modules folders from `root` upward) and reads
 * its `contractgen` field. `configFile` is where the names come from, for diagnostics.
 */
export function resolvePackages(names: readonly string[], root: string, configFile?: string): { packages: SpecPackage[]; diagnostics: Diagnostic[] } {
  const packages: SpecPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of new Set(names)) {
    const manifest = installedManifest(name, root);
    if (!manifest) {
      diagnostics.push({ code: 'CG150', severity: 'error', ...(configFile && { file: configFile }), message: `package "${name}" is not installed (no node_modules/${name} from the project folder up)`, hint: `npm install ${name}` });
      continue;
    }
    const problems: string[] = [];
    const found = readPackage(name, manifest, problems);
    for (const problem of problems) diagnostics.push({ code: 'CG150', severity: 'error', file: manifest, message: `package "${name}": ${problem}`, hint: `see "Publishing a spec package" in contractgen's README` });
    if (found && problems.length === 0) packages.push(found);
  }
  return { packages, diagnostics };
}

function readPackage(name: string, manifest: string, problems: string[]): SpecPackage | undefined {
  let json: { contractgen?: unknown; exports?: unknown };
  let manifestHash: string;
  try {
    const bytes = readFileSync(manifest);
    manifestHash = sha1(bytes);
    json = JSON.parse(bytes.toString('utf8')) as typeof json;
  } catch (error) {
    problems.push(`cannot read its package.json (${(error as Error).message})`);
    return undefined;
  }
  const field = json[PACKAGE_FIELD];
  if (!isRecord(field)) {
    problems.push(`its package.json has no "${PACKAGE_FIELD}" object, so it contributes no specs or adapters`);
    return undefined;
  }
  const dir = dirname(manifest);
  let specsDir: string | undefined;
  if (field.specs !== undefined) {
    if (typeof field.specs !== 'string' || !isInsideFolder(join(dir, field.specs), dir)) problems.push(`"${PACKAGE_FIELD}.specs" must be a folder inside the package`);
    else specsDir = join(dir, field.specs);
  }
  const adapters: AdapterBinding[] = [];
  const declared = field.adapters ?? {};
  if (!isRecord(declared)) problems.push(`"${PACKAGE_FIELD}.adapters" must map integration keys to { "module": "./subpath", "export": "name" }`);
  else {
    const subpaths = exportedSubpaths(json.exports);
    for (const [integration, target] of Object.entries(declared)) {
      const where = `"${PACKAGE_FIELD}.adapters.${integration}"`;
      if (!isRecord(target) || typeof target.module !== 'string' || typeof target.export !== 'string') {
        problems.push(`${where} must be { "module": "./subpath", "export": "name" }`);
      } else if (!IDENTIFIER.test(target.export)) {
        problems.push(`${where}.export must be an export name, got "${target.export}"`);
      } else if (!subpaths.has(target.module)) {
        problems.push(`${where}.module "${target.module}" is not one of the package's "exports" (${[...subpaths].join(', ') || 'none'})`);
      } else {
        adapters.push({
          integration,
          exportName: target.export,
          file: manifest,
          specifier: target.module === '.' ? name : `${name}/${target.module.slice(2)}`,
          position: { file: manifest, line: 1, column: 1 },
        });
      }
    }
  }
  return { name, dir, manifest, manifestHash, specsDir, adapters };
}

/** The subpaths a package exports (`"."`, `"./sms"`); wildcard patterns are not bindable. */
function exportedSubpaths(exports: unknown): Set<string> {
  if (typeof exports === 'string' || Array.isArray(exports)) return new Set(['.']);
  if (!isRecord(exports)) return new Set();
  const keys = Object.keys(exports);
  // Conditions only (`{ "types": ..., "default": ... }`) describe ".".
  if (keys.every((key) => !key.startsWith('.'))) return new Set(['.']);
  return new Set(keys.filter((key) => key.startsWith('.') && !key.includes('*') && key !== './package.json'));
}


/** How a file inside a package is named in generated headers and docs: `@scope/name/specs/x.ts`. */
export function packageLabel(file: string, packages: readonly Pick<SpecPackage, 'name' | 'dir'>[]): string | undefined {
  for (const pkg of packages) {
    if (isInsideFolder(file, pkg.dir)) return `${pkg.name}/${file.slice(pkg.dir.length + 1).split(/[\\/]/).join('/')}`;
  }
  return undefined;
}
