/**
 * Joins adapters to the integrations they declare: at most one adapter per integration, none for
 * unknown keys. `adapters` lists the packages' adapters first, then the project's own.
 */
import { closest } from '../spec/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { CheckedProject } from '../plan/project.js';

export function bindAdapters(project: CheckedProject, adapters: readonly AdapterBinding[]): { project: CheckedProject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, AdapterBinding>();
  const keys = project.integrations.map((i) => i.summary.key);
  for (const adapter of adapters) {
    const first = byKey.get(adapter.integration);
    // A local adapter replaces a package's default for the same integration: the project chose it.
    if (first?.specifier && !adapter.specifier) {
      byKey.set(adapter.integration, adapter);
    } else if (first) {
      diagnostics.push({ code: 'CG141', severity: 'error', message: `a second adapter declares ${adapter.integration} (the first is ${first.exportName} in ${first.specifier ?? first.file})`, hint: 'keep one default adapter per integration; pass others as the client adapter option', ...adapter.position });
    } else if (!keys.includes(adapter.integration)) {
      const suggestion = closest(adapter.integration, keys);
      diagnostics.push({ code: 'CG142', severity: 'warning', message: `adapter ${adapter.exportName} declares unknown integration "${adapter.integration}"`, hint: suggestion && `did you mean "${suggestion}"?`, ...adapter.position });
    } else byKey.set(adapter.integration, adapter);
  }
  return { project: { ...project, integrations: project.integrations.map((i) => ({ ...i, adapter: byKey.get(i.summary.key) })) }, diagnostics };
}
