import type { CodeAndSeverity } from '../diagnostics/index.js';

/** A problem found in one spec, located by its path inside the spec object; its code (and severity) from generator/diagnostics/codes.ts. */
export type SpecFinding = CodeAndSeverity & {
  /** Path inside the spec object, e.g. `['configSchema', 'example', 'fromNumber']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
};

/** A finding that is an error (what ajv's errors become). */
export type ErrorFinding = Extract<SpecFinding, { readonly severity: 'error' }>;

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(spec)';
}

/**
 * Levenshtein-based "did you mean" among known names; undefined when nothing is close. A candidate
 * must keep at least one of its own characters: otherwise it is a guess, not a correction (an
 * empty or two-letter name is "close" to every two-letter name).
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d < candidate.length) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
