/**
 * One spec per key and kind (every key is one output folder and one set of identifiers), and no
 * two keys that map to the same identifier. Run on the summaries of every spec of a kind.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics/index.js';
import { pathKey } from '../load/model.js';
import { displayPath } from '../fs/display-path.js';
import { compareStrings } from '../values.js';

/** The specs kept (the first of each key, in file order), sorted by key, and why the others were not. */
/** What these rules need of a spec (its summary has more). */
export interface UniqueCandidate {
  readonly kind: string;
  readonly key: string;
  readonly version: string;
  /** The identifier its key maps to. */
  readonly name: string;
  readonly file: string;
  readonly positions: Readonly<Record<string, SourcePosition>>;
}

export function uniqueSpecs<T extends UniqueCandidate>(specs: readonly T[], root: string): { kept: T[]; diagnostics: Diagnostic[] } {
  const seen = new Map<string, T>();
  const names = new Map<string, T>();
  const kept: T[] = [];
  const diagnostics: Diagnostic[] = [];
  const keyAt = (spec: UniqueCandidate): SourcePosition => spec.positions[pathKey(['meta', 'key'])] ?? { file: spec.file, line: 1, column: 1 };
  const where = (other: UniqueCandidate) => {
    const p = keyAt(other);
    return `${displayPath(p.file, root)}:${p.line}:${p.column}`;
  };
  const report = (spec: UniqueCandidate, code: 'CG130' | 'CG133', message: string, hint: string) => diagnostics.push({ code, severity: 'error', message: `meta.key ${message}`, hint, ...keyAt(spec) });
  for (const spec of specs) {
    const first = seen.get(spec.key);
    if (first) {
      if (first.version === spec.version) report(spec, 'CG130', `duplicates ${spec.kind} ${spec.key}@${spec.version}, already defined at ${where(first)}`, 'give one of them another key');
      else report(spec, 'CG130', `is already used by ${where(first)} (version ${first.version}); one version per key can be generated`, 'keep one version of the spec per key (bump the version in place)');
      continue;
    }
    const clash = names.get(spec.name);
    if (clash) {
      report(spec, 'CG133', `generates the same identifier ${spec.name} as ${clash.key} (${where(clash)})`, 'keys that differ only in separators collide; rename one');
      continue;
    }
    seen.set(spec.key, spec);
    names.set(spec.name, spec);
    kept.push(spec);
  }
  return { kept: kept.sort((a, b) => compareStrings(a.key, b.key)), diagnostics };
}
