/**
 * The rules between an integration and the capabilities it names: each exists, in a compatible
 * version, and no two it provides define the same member. Checked where the integration is loaded,
 * against the summaries of every capability (checked first).
 */
import { versionSatisfies } from '@contractgen/runtime';
import type { CodeAndSeverity, Diagnostic } from '../diagnostics/index.js';
import type { LoadedSpec, ValuePath } from '../load/model.js';
import { closest, formatPath } from '../spec-rules/findings.js';

/** What these rules need of a capability (its summary has more). */
export interface CheckedCapability {
  readonly key: string;
  readonly version: string;
  readonly operations: readonly { readonly name: string }[];
  readonly events: readonly { readonly name: string }[];
}

interface Ref {
  readonly key: string;
  readonly version: string;
}

/** The capabilities the integration provides, or undefined when a reference is wrong (the diagnostics say why). */
export function checkReferences<C extends CheckedCapability>(spec: LoadedSpec, capabilities: ReadonlyMap<string, C>, broken: ReadonlySet<string>): { provides?: C[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (path: ValuePath, finding: CodeAndSeverity & { message: string; hint?: string }) => diagnostics.push({ ...finding, message: `${formatPath(path)} ${finding.message}`, ...spec.positionOf(path) });
  const refs = (spec.value as { capabilities: { provides?: readonly Ref[]; requires?: readonly Ref[] } }).capabilities;
  const provides: C[] = [];
  let ok = true;
  for (const list of ['provides', 'requires'] as const) {
    (refs[list] ?? []).forEach((ref, i) => {
      const capability = capabilities.get(ref.key);
      const at = ['capabilities', list, i];
      if (!capability && broken.has(ref.key)) {
        ok = false;
      } else if (!capability) {
        const suggestion = closest(ref.key, [...capabilities.keys()]);
        report([...at, 'key'], { code: 'CG131', severity: 'error', message: `refers to unknown capability "${ref.key}"`, hint: suggestion ? `did you mean "${suggestion}"?` : 'add a defineCapability spec for it under specs/capabilities/' });
        ok = false;
      } else if (!versionSatisfies(capability.version, ref.version)) {
        report([...at, 'version'], { code: 'CG132', severity: 'error', message: `asks for ${ref.key}@${ref.version} but the capability spec is version ${capability.version}`, hint: 'the capability must have the same major version and at least the requested minor/patch' });
        ok = false;
      } else if (list === 'provides') provides.push(capability);
    });
  }
  if ((refs.provides ?? []).length === 0) report(['capabilities', 'provides'], { code: 'CG135', severity: 'warning', message: 'is empty, so the generated client has no operations' });
  // A client has one method per operation of every capability it provides: names must not collide.
  const owner = new Map<string, string>();
  for (const capability of provides) {
    for (const name of [...capability.operations.map((op) => op.name), ...capability.events.map((ev) => ev.name)]) {
      const first = owner.get(name);
      if (first && first !== capability.key) {
        report(['capabilities', 'provides'], { code: 'CG134', severity: 'error', message: `lists ${first} and ${capability.key}, which both define "${name}", so the client cannot have one method for each` });
        ok = false;
      }
      owner.set(name, capability.key);
    }
  }
  return ok ? { provides, diagnostics } : { diagnostics };
}
