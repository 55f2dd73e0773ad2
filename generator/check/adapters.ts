/**
 * Which adapter each integration is bound to: at most one per integration (a project's own adapter
 * replaces a package's default), and none that declares an integration no spec defines.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AdapterBinding } from '../load/adapters.js';
import { closest } from '../spec-rules/findings.js';

/** `adapters` lists the packages' adapters first, then the project's own. */
export function resolveAdapters(adapters: readonly AdapterBinding[]): { byKey: Record<string, AdapterBinding>; diagnostics: Diagnostic[] } {
  const byKey: Record<string, AdapterBinding> = {};
  const diagnostics: Diagnostic[] = [];
  for (const adapter of adapters) {
    const first = Object.hasOwn(byKey, adapter.integration) ? byKey[adapter.integration] : undefined;
    // A local adapter replaces a package's default for the same integration: the project chose it.
    if (!first || (first.specifier && !adapter.specifier)) byKey[adapter.integration] = adapter;
    else {
      diagnostics.push({ code: 'CG141', severity: 'error', message: `a second adapter declares ${adapter.integration} (the first is ${first.exportName} in ${first.specifier ?? first.file})`, hint: 'keep one default adapter per integration; pass others as the client adapter option', ...adapter.position });
    }
  }
  return { byKey, diagnostics };
}

/** Adapters bound to a key no integration has (a typo in `integration: '...'`). */
export function unknownAdapterKeys(byKey: Readonly<Record<string, AdapterBinding>>, integrationKeys: readonly string[]): Diagnostic[] {
  const known = new Set(integrationKeys);
  return Object.values(byKey)
    .filter((adapter) => !known.has(adapter.integration))
    .map((adapter) => {
      const suggestion = closest(adapter.integration, integrationKeys);
      return { code: 'CG142', severity: 'warning' as const, message: `adapter ${adapter.exportName} declares unknown integration "${adapter.integration}"`, hint: suggestion && `did you mean "${suggestion}"?`, ...adapter.position };
    });
}
