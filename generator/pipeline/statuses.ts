/** What a run reports: each output's status, the specs it lists, and its diagnostics once each. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { FileStatus, GenerateMode, ListedSpec } from '../options.js';
import type { SpecSummary } from '../plan/model.js';
import type { CheckedProject } from '../plan/project.js';
import { compareStrings } from '../values.js';
import type { OutputSummary } from '../write/write.js';

/**
 * Each output's status, sorted by path: written, unchanged or removed (`write`), or for `check`
 * missing, drifted, stale or unchanged, with a CG300 (`drift`) for each that is not up to date.
 */
export function outputStatuses(mode: GenerateMode, summary: OutputSummary, absolute: (path: string) => string): { statuses: { path: string; status: FileStatus }[]; drift: Diagnostic[] } {
  if (mode === 'check') {
    const missing = new Set(summary.missing);
    const drifted = [
      ...summary.changed.map((path) => ({ path, status: (missing.has(path) ? 'missing' : 'drifted') as FileStatus })),
      ...summary.stale.map((path) => ({ path, status: 'stale' as const })),
    ];
    const drift = drifted.map((file): Diagnostic => ({ code: 'CG300', severity: 'error', file: absolute(file.path), message: `${file.status}: generated output is not what the specs produce`, hint: 'run `contractgen generate` and commit the result' }));
    return { statuses: sortByPath([...drifted, ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const }))]), drift };
  }
  const statuses = [
    ...summary.changed.map((path) => ({ path, status: 'written' as const })),
    ...summary.unchanged.map((path) => ({ path, status: 'unchanged' as const })),
    ...summary.stale.map((path) => ({ path, status: 'removed' as const })),
  ];
  return { statuses: sortByPath(statuses), drift: [] };
}

/** The specs as `list` shows them: those that passed every rule, capabilities first, each kind by key. */
export function listed(project: CheckedProject): ListedSpec[] {
  const entry = (s: SpecSummary): ListedSpec => ({ kind: s.kind, key: s.key, version: s.version, file: s.file });
  return [...project.capabilities.map(entry), ...project.integrations.map(entry)];
}

export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.file, d.line, d.column, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortByPath<T extends { path: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareStrings(a.path, b.path));
}
