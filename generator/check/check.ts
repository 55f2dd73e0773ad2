/**
 * check: every spec rule, as diagnostics at the exact source position. Single-spec rules are the
 * runtime's own (`generator/spec/rules.ts`, also run by defineIntegration); the rules that need the
 * whole set of specs are here.
 */
import { closest, formatPath, type SpecFinding } from '../spec/findings.js';
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
import { versionSatisfies } from '@contractgen/runtime';
import { capabilityFindings, integrationFindings, type RuleOptions } from '../spec/rules.js';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from '../report/format.js';
import type { LoadedSpec } from '../load/model.js';
import { pascalCase } from './identifiers.js';
import type { CapabilityModel, CheckedModel, IntegrationModel } from './model.js';

export interface CheckResult {
  readonly model: CheckedModel;
  readonly diagnostics: Diagnostic[];
  /** The single-spec rule findings of each spec, for reuse while the spec is unchanged. */
  readonly findings: ReadonlyMap<LoadedSpec, readonly SpecFinding[]>;
}

/** Single-spec findings known from an earlier run for an unchanged spec; undefined to run the rules. */
export type ReuseFindings = (spec: LoadedSpec) => readonly SpecFinding[] | undefined;

export interface CheckOptions {
  /** Findings of unchanged specs from an earlier run. */
  readonly reuse?: ReuseFindings;
  /** Paths of other specs named in messages are shown relative to it. */
  readonly root?: string;
  /** How the rules compile spec schemas (the generator keeps the compiled code for emitting). */
  readonly compile?: RuleOptions['compile'];
}

export function checkSpecs(specs: readonly LoadedSpec[], options: CheckOptions = {}): CheckResult {
  const reuse = options.reuse ?? (() => undefined);
  const root = options.root ?? process.cwd();
  const rules: RuleOptions = { compile: options.compile };
  const diagnostics: Diagnostic[] = [];
  const report = (spec: LoadedSpec, finding: SpecFinding) =>
    diagnostics.push({
      code: finding.code,
      severity: finding.severity,
      message: finding.path.length ? `${formatPath(finding.path)} ${finding.message}` : finding.message,
      hint: finding.hint,
      ...spec.positionOf(finding.path),
    });

  const findingsBySpec = new Map<LoadedSpec, readonly SpecFinding[]>();
  const valid = specs.filter((spec) => {
    const findings = reuse(spec) ?? (spec.kind === 'integration' ? integrationFindings(spec.value, rules) : capabilityFindings(spec.value, rules));
    findingsBySpec.set(spec, findings);
    for (const finding of findings) report(spec, finding);
    return !findings.some((f) => f.severity === 'error');
  });

  // Capabilities that exist but break a rule: their own diagnostics say why; an integration that
  // provides one is not generated, but must not also be told the capability is unknown.
  const brokenCapabilities = new Set(
    specs.filter((s) => s.kind === 'capability' && !valid.includes(s)).map((s) => (s.value as { meta?: { key?: unknown } } | undefined)?.meta?.key),
  );
  const unique = uniqueKeys(valid, report, root);
  const capabilities = unique
    .filter((s) => s.kind === 'capability')
    .map((loaded): CapabilityModel => ({ loaded, spec: loaded.value as CapabilitySpec, name: pascalCase(keyOf(loaded)) }));
  const byKey = new Map(capabilities.map((c) => [c.spec.meta.key, c]));

  const integrations: IntegrationModel[] = [];
  for (const loaded of unique.filter((s) => s.kind === 'integration')) {
    const spec = loaded.value as IntegrationSpec;
    const provides: CapabilityModel[] = [];
    let ok = true;
    for (const list of ['provides', 'requires'] as const) {
      (spec.capabilities[list] ?? []).forEach((ref, i) => {
        const capability = byKey.get(ref.key);
        const at = ['capabilities', list, i];
        if (!capability && brokenCapabilities.has(ref.key)) {
          ok = false;
        } else if (!capability) {
          const suggestion = closest(ref.key, [...byKey.keys()]);
          report(loaded, { code: 'CG131', severity: 'error', path: [...at, 'key'], message: `refers to unknown capability "${ref.key}"`, hint: suggestion ? `did you mean "${suggestion}"?` : 'add a defineCapability spec for it under specs/capabilities/' });
          ok = false;
        } else if (!versionSatisfies(capability.spec.meta.version, ref.version)) {
          report(loaded, { code: 'CG132', severity: 'error', path: [...at, 'version'], message: `asks for ${ref.key}@${ref.version} but the capability spec is version ${capability.spec.meta.version}`, hint: 'the capability must have the same major version and at least the requested minor/patch' });
          ok = false;
        } else if (list === 'provides') provides.push(capability);
      });
    }
    if (provides.length === 0 && (spec.capabilities.provides ?? []).length === 0) {
      report(loaded, { code: 'CG135', severity: 'warning', path: ['capabilities', 'provides'], message: 'is empty, so the generated client has no operations' });
    }
    ok = members(loaded, provides, report) && ok;
    if (ok) integrations.push({ loaded, spec, name: pascalCase(spec.meta.key), provides });
  }

  const byName = (a: { spec: { meta: { key: string } } }, b: { spec: { meta: { key: string } } }) => (a.spec.meta.key < b.spec.meta.key ? -1 : 1);
  return { model: { integrations: integrations.sort(byName), capabilities: capabilities.sort(byName) }, diagnostics, findings: findingsBySpec };
}

function keyOf(spec: LoadedSpec): string {
  return (spec.value as { meta: { key: string } }).meta.key;
}

/**
 * One spec per key and kind (every key is one output folder and one set of identifiers), and no
 * two keys that map to the same identifier.
 */
function uniqueKeys(specs: readonly LoadedSpec[], report: (spec: LoadedSpec, finding: SpecFinding) => void, root: string): LoadedSpec[] {
  const seen = new Map<string, LoadedSpec>();
  const names = new Map<string, LoadedSpec>();
  const kept: LoadedSpec[] = [];
  for (const spec of specs) {
    const { key, version } = (spec.value as { meta: { key: string; version: string } }).meta;
    const first = seen.get(`${spec.kind}:${key}`);
    const where = (other: LoadedSpec) => {
      const p = other.positionOf(['meta', 'key']);
      return `${displayPath(p.file, root)}:${p.line}:${p.column}`;
    };
    if (first) {
      const firstVersion = (first.value as { meta: { version: string } }).meta.version;
      report(spec, {
        code: 'CG130',
        severity: 'error',
        path: ['meta', 'key'],
        message: firstVersion === version ? `duplicates ${spec.kind} ${key}@${version}, already defined at ${where(first)}` : `is already used by ${where(first)} (version ${firstVersion}); one version per key can be generated`,
        hint: firstVersion === version ? 'give one of them another key' : 'keep one version of the spec per key (bump the version in place)',
      });
      continue;
    }
    const name = `${spec.kind}:${pascalCase(key)}`;
    const clash = names.get(name);
    if (clash) {
      report(spec, { code: 'CG133', severity: 'error', path: ['meta', 'key'], message: `generates the same identifier ${pascalCase(key)} as ${keyOf(clash)} (${where(clash)})`, hint: 'keys that differ only in separators collide; rename one' });
      continue;
    }
    seen.set(`${spec.kind}:${key}`, spec);
    names.set(name, spec);
    kept.push(spec);
  }
  return kept;
}

/** A client has one method per operation of every capability it provides: names must not collide. */
function members(spec: LoadedSpec, provides: readonly CapabilityModel[], report: (spec: LoadedSpec, finding: SpecFinding) => void): boolean {
  const owner = new Map<string, string>();
  let ok = true;
  for (const capability of provides) {
    for (const name of [...Object.keys(capability.spec.operations ?? {}), ...Object.keys(capability.spec.events ?? {})]) {
      const first = owner.get(name);
      if (first && first !== capability.spec.meta.key) {
        report(spec, { code: 'CG134', severity: 'error', path: ['capabilities', 'provides'], message: `lists ${first} and ${capability.spec.meta.key}, which both define "${name}", so the client cannot have one method for each` });
        ok = false;
      }
      owner.set(name, capability.spec.meta.key);
    }
  }
  return ok;
}
