/**
 * The rules that need every spec, over their summaries: one spec per key, distinct identifiers,
 * capability references that resolve to a compatible version, clients without clashing members.
 * What passes is the checked project the project plan is made from.
 */
import { versionSatisfies } from '@contractgen/runtime';
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { pathKey, type ValuePath } from '../load/model.js';
import type { BoundIntegration, CheckedProject } from '../plan/project.js';
import type { CapabilitySummary, IntegrationSummary, SpecSummary } from '../plan/model.js';
import { displayPath } from '../report/format.js';
import { closest, formatPath } from '../spec/findings.js';

type Report = (spec: SpecSummary, path: ValuePath, finding: Omit<Diagnostic, 'severity' | 'file' | 'line' | 'column'> & { severity?: Diagnostic['severity'] }) => void;

/**
 * `specs`: every spec that passed its own rules, in file order. `broken`: keys of capability specs
 * that did not (an integration providing one is not generated, but not told it is unknown either).
 */
export function checkProject(specs: readonly SpecSummary[], broken: ReadonlySet<string>, root: string): { project: Omit<CheckedProject, 'integrations'> & { integrations: BoundIntegration[] }; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (spec, path, finding) =>
    diagnostics.push({ severity: 'error', ...finding, message: path.length ? `${formatPath(path)} ${finding.message}` : finding.message, ...positionOf(spec, path) });
  const unique = uniqueKeys(specs, report, root);
  const capabilities = unique.filter((s): s is CapabilitySummary => s.kind === 'capability').sort(byKey);
  const byCapabilityKey = new Map(capabilities.map((c) => [c.key, c]));
  const integrations: BoundIntegration[] = [];
  for (const summary of unique.filter((s): s is IntegrationSummary => s.kind === 'integration').sort(byKey)) {
    const provides: CapabilitySummary[] = [];
    let ok = true;
    for (const list of ['provides', 'requires'] as const) {
      summary[list].forEach((ref, i) => {
        const capability = byCapabilityKey.get(ref.key);
        const at = ['capabilities', list, i];
        if (!capability && broken.has(ref.key)) {
          ok = false;
        } else if (!capability) {
          const suggestion = closest(ref.key, [...byCapabilityKey.keys()]);
          report(summary, [...at, 'key'], { code: 'CG131', message: `refers to unknown capability "${ref.key}"`, hint: suggestion ? `did you mean "${suggestion}"?` : 'add a defineCapability spec for it under specs/capabilities/' });
          ok = false;
        } else if (!versionSatisfies(capability.version, ref.version)) {
          report(summary, [...at, 'version'], { code: 'CG132', message: `asks for ${ref.key}@${ref.version} but the capability spec is version ${capability.version}`, hint: 'the capability must have the same major version and at least the requested minor/patch' });
          ok = false;
        } else if (list === 'provides') provides.push(capability);
      });
    }
    if (summary.provides.length === 0) report(summary, ['capabilities', 'provides'], { code: 'CG135', severity: 'warning', message: 'is empty, so the generated client has no operations' });
    ok = distinctMembers(summary, provides, report) && ok;
    if (ok) integrations.push({ summary, provides });
  }
  return { project: { capabilities, integrations }, diagnostics };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The recorded position of `path`, or of its deepest recorded ancestor. */
function positionOf(spec: SpecSummary, path: ValuePath): SourcePosition {
  for (let length = path.length; length >= 0; length--) {
    const position = spec.positions[pathKey(path.slice(0, length))];
    if (position) return position;
  }
  return spec.positions[pathKey(['meta', 'key'])] ?? { file: spec.file, line: 1, column: 1 };
}

/**
 * One spec per key and kind (every key is one output folder and one set of identifiers), and no
 * two keys that map to the same identifier.
 */
function uniqueKeys(specs: readonly SpecSummary[], report: Report, root: string): SpecSummary[] {
  const seen = new Map<string, SpecSummary>();
  const names = new Map<string, SpecSummary>();
  const kept: SpecSummary[] = [];
  const where = (other: SpecSummary) => {
    const p = positionOf(other, ['meta', 'key']);
    return `${displayPath(p.file, root)}:${p.line}:${p.column}`;
  };
  for (const spec of specs) {
    const first = seen.get(`${spec.kind}:${spec.key}`);
    if (first) {
      report(spec, ['meta', 'key'], {
        code: 'CG130',
        message: first.version === spec.version ? `duplicates ${spec.kind} ${spec.key}@${spec.version}, already defined at ${where(first)}` : `is already used by ${where(first)} (version ${first.version}); one version per key can be generated`,
        hint: first.version === spec.version ? 'give one of them another key' : 'keep one version of the spec per key (bump the version in place)',
      });
      continue;
    }
    const clash = names.get(`${spec.kind}:${spec.name}`);
    if (clash) {
      report(spec, ['meta', 'key'], { code: 'CG133', message: `generates the same identifier ${spec.name} as ${clash.key} (${where(clash)})`, hint: 'keys that differ only in separators collide; rename one' });
      continue;
    }
    seen.set(`${spec.kind}:${spec.key}`, spec);
    names.set(`${spec.kind}:${spec.name}`, spec);
    kept.push(spec);
  }
  return kept;
}

/** A client has one method per operation of every capability it provides: names must not collide. */
function distinctMembers(spec: IntegrationSummary, provides: readonly CapabilitySummary[], report: Report): boolean {
  const owner = new Map<string, string>();
  let ok = true;
  for (const capability of provides) {
    for (const name of [...capability.operations.map((op) => op.name), ...capability.events.map((ev) => ev.name)]) {
      const first = owner.get(name);
      if (first && first !== capability.key) {
        report(spec, ['capabilities', 'provides'], { code: 'CG134', message: `lists ${first} and ${capability.key}, which both define "${name}", so the client cannot have one method for each` });
        ok = false;
      }
      owner.set(name, capability.key);
    }
  }
  return ok;
}
