/** The spec files as a run first read them, and whether any input changed before the run wrote. */
import type { CacheData, InputHashes } from '../cache/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { readRegularFile } from '../fs/read-input.js';
import type { ProjectInputs } from '../load/discover.js';
import { SPEC_KINDS, specKindsIn } from '../load/kinds.js';
import type { SpecKind } from '../load/model.js';
import { sha1 } from '../values.js';
import { cacheKey, type FileOutcome } from './reuse.js';

/**
 * Each listed spec file as the run first read it: the spec kinds it may define, from its text (a
 * file that defines none is not processed), and the hash of those bytes. Every listed file is part
 * of what the cache is keyed on, spec or not: an empty file that gets a spec written into it is a
 * changed input like any other. A file the cached run listed too, whose state (`hashes`) is the one
 * the cache recorded, is not read again: the cache has an entry for each kind of spec it may define
 * (a file that run read only as an import has none, whatever it defines).
 */
export function readSpecFiles(files: readonly string[], hashes: InputHashes, cache: CacheData | undefined): { kinds: Map<string, SpecKind[]>; hashes: Record<string, string> } {
  const kinds = new Map<string, SpecKind[]>();
  const read: Record<string, string> = {};
  const listedBefore = new Set(cache?.specFiles);
  for (const file of files) {
    const state = cache?.inputs[file];
    if (state !== undefined && listedBefore.has(file) && hashes.get(file) === state) {
      read[file] = state;
      kinds.set(file, SPEC_KINDS.filter((kind) => Object.hasOwn(cache!.specs, cacheKey(kind, file))));
      continue;
    }
    let text: string;
    try {
      // Through the one reading path for inputs: a regular file only.
      const bytes = readRegularFile(file);
      read[file] = sha1(bytes);
      text = bytes.toString('utf8');
    } catch {
      // Unreadable: the task reports why (and a run with errors leaves no cache).
      text = 'defineIntegration defineCapability';
    }
    kinds.set(file, specKindsIn(text));
  }
  return { kinds, hashes: read };
}

/** Input files whose bytes now differ from those read: their output would be stale the moment it is written. */
function inputsChangedDuringRun(files: readonly FileOutcome[], specFiles: Readonly<Record<string, string>>, inputs: ProjectInputs, hashes: InputHashes): string[] {
  const now = hashes.again();
  const changed = new Set<string>();
  for (const [file, hash] of Object.entries(specFiles)) if (now.get(file) !== hash) changed.add(file);
  for (const file of files) for (const [dep, hash] of Object.entries(file.deps)) if (now.get(dep) !== hash) changed.add(dep);
  for (const pkg of inputs.packages) if (now.get(pkg.manifest) !== pkg.manifestHash) changed.add(pkg.manifest);
  return [...changed].sort();
}

/** CG306 when an input changed while the run read it (its output would be stale the moment it is written). */
export function inputsChanged(files: readonly FileOutcome[], specFiles: Readonly<Record<string, string>>, inputs: ProjectInputs, hashes: InputHashes): Diagnostic | undefined {
  const changed = inputsChangedDuringRun(files, specFiles, inputs, hashes);
  if (changed.length === 0) return undefined;
  return { code: 'CG306', severity: 'error', file: changed[0], message: `changed while contractgen was reading it${changed.length > 1 ? ` (and ${changed.length - 1} more input files)` : ''}: nothing was written`, hint: 'run contractgen again' };
}
