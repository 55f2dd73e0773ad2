/**
 * Which files a run may read. A spec is input from a pull request, so a symlink in it may point
 * anywhere (`specs/env.ts -> /proc/self/environ`): a file is judged by where it really is,
 * symlinks resolved, and must lie inside one of the run's own folders. Those are the project
 * root and the folders the options name (specs, adapters, template overrides), the folders of
 * installed spec packages, and, for declaration files only, contractgen's and its runtime's own
 * packages (spec files import `contractgen/spec`, whose StabilityEnum the loader reads).
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package.js';
import { isInsideFolder } from './inside.js';
import { installedManifest } from './find-up.js';

const DECLARATION_FILE = /\.d\.(m|c)?ts$/;

/** Where a file really is, or why it may not be read. */
export type BoundaryVerdict = { readonly realPath: string } | { readonly refusal: string };

export class InputBoundary {
  private readonly roots: readonly string[];
  private readonly declarationRoots: readonly string[];

  constructor(roots: readonly string[], declarationRoots: readonly string[] = contractgenPackages()) {
    this.roots = roots.map(realFolder);
    this.declarationRoots = declarationRoots.map(realFolder);
  }

  /** Loaders used outside a run (tests, tools): the working directory is the project. */
  static workingDirectory(): InputBoundary {
    return new InputBoundary([process.cwd()]);
  }

  /**
   * The real path of `file` when it may be read. A file that does not exist passes: reading it
   * fails with its own error (ENOENT), which says more than a refusal would.
   */
  judge(file: string): BoundaryVerdict {
    let realPath: string;
    try {
      realPath = realpathSync.native(file);
    } catch {
      return { realPath: resolve(file) };
    }
    if (this.roots.some((root) => isInsideFolder(realPath, root))) return { realPath };
    if (DECLARATION_FILE.test(realPath) && this.declarationRoots.some((root) => isInsideFolder(realPath, root))) return { realPath };
    return { refusal: realPath === resolve(file) ? 'the file is outside the project, so it is not read' : `the file is a symlink to ${realPath}, outside the project, so it is not read` };
  }
}

let ownPackages: string[] | undefined;
/** contractgen's package folder and that of the runtime it depends on (their .d.ts files declare StabilityEnum). */
function contractgenPackages(): string[] {
  if (!ownPackages) {
    const runtime = installedManifest('@contractgen/runtime', PACKAGE_ROOT);
    ownPackages = [PACKAGE_ROOT, ...(runtime ? [dirname(runtime)] : [])];
  }
  return ownPackages;
}

/** A folder as it really is (a root that does not exist yet is kept as given). */
export function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}
