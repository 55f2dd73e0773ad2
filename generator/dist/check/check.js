/**
 * check: every spec rule, as diagnostics at the exact source position. Single-spec rules are the
 * runtime's own (`generator/spec/rules.ts`, also run by defineIntegration); the rules that need the
 * whole set of specs are here.
 */
import { closest, formatPath } from '../spec/findings.js';
import { versionSatisfies } from '@contractgen/runtime';
import { capabilityFindings, integrationFindings } from '../spec/rules.js';
import { displayPath } from '../report/format.js';
import { pascalCase } from './identifiers.js';
export function checkSpecs(specs, options = {}) {
    const reuse = options.reuse ?? (() => undefined);
    const root = options.root ?? process.cwd();
    const rules = { compile: options.compile };
    const diagnostics = [];
    const report = (spec, finding) => diagnostics.push({
        code: finding.code,
        severity: finding.severity,
        message: finding.path.length ? `${formatPath(finding.path)} ${finding.message}` : finding.message,
        hint: finding.hint,
        ...spec.positionOf(finding.path),
    });
    const findingsBySpec = new Map();
    const valid = specs.filter((spec) => {
        const findings = reuse(spec) ?? (spec.kind === 'integration' ? integrationFindings(spec.value, rules) : capabilityFindings(spec.value, rules));
        findingsBySpec.set(spec, findings);
        for (const finding of findings)
            report(spec, finding);
        return !findings.some((f) => f.severity === 'error');
    });
    // Capabilities that exist but break a rule: their own diagnostics say why; an integration that
    // provides one is not generated, but must not also be told the capability is unknown.
    const brokenCapabilities = new Set(specs.filter((s) => s.kind === 'capability' && !valid.includes(s)).map((s) => s.value?.meta?.key));
    const unique = uniqueKeys(valid, report, root);
    const capabilities = unique
        .filter((s) => s.kind === 'capability')
        .map((loaded) => ({ loaded, spec: loaded.value, name: pascalCase(keyOf(loaded)) }));
    const byKey = new Map(capabilities.map((c) => [c.spec.meta.key, c]));
    const integrations = [];
    for (const loaded of unique.filter((s) => s.kind === 'integration')) {
        const spec = loaded.value;
        const provides = [];
        let ok = true;
        for (const list of ['provides', 'requires']) {
            (spec.capabilities[list] ?? []).forEach((ref, i) => {
                const capability = byKey.get(ref.key);
                const at = ['capabilities', list, i];
                if (!capability && brokenCapabilities.has(ref.key)) {
                    ok = false;
                }
                else if (!capability) {
                    const suggestion = closest(ref.key, [...byKey.keys()]);
                    report(loaded, { code: 'CG131', severity: 'error', path: [...at, 'key'], message: `refers to unknown capability "${ref.key}"`, hint: suggestion ? `did you mean "${suggestion}"?` : 'add a defineCapability spec for it under specs/capabilities/' });
                    ok = false;
                }
                else if (!versionSatisfies(capability.spec.meta.version, ref.version)) {
                    report(loaded, { code: 'CG132', severity: 'error', path: [...at, 'version'], message: `asks for ${ref.key}@${ref.version} but the capability spec is version ${capability.spec.meta.version}`, hint: 'the capability must have the same major version and at least the requested minor/patch' });
                    ok = false;
                }
                else if (list === 'provides')
                    provides.push(capability);
            });
        }
        if (provides.length === 0 && (spec.capabilities.provides ?? []).length === 0) {
            report(loaded, { code: 'CG135', severity: 'warning', path: ['capabilities', 'provides'], message: 'is empty, so the generated client has no operations' });
        }
        ok = members(loaded, provides, report) && ok;
        if (ok)
            integrations.push({ loaded, spec, name: pascalCase(spec.meta.key), provides });
    }
    const byName = (a, b) => (a.spec.meta.key < b.spec.meta.key ? -1 : 1);
    return { model: { integrations: integrations.sort(byName), capabilities: capabilities.sort(byName) }, diagnostics, findings: findingsBySpec };
}
function keyOf(spec) {
    return spec.value.meta.key;
}
/**
 * One spec per key and kind (every key is one output folder and one set of identifiers), and no
 * two keys that map to the same identifier.
 */
function uniqueKeys(specs, report, root) {
    const seen = new Map();
    const names = new Map();
    const kept = [];
    for (const spec of specs) {
        const { key, version } = spec.value.meta;
        const first = seen.get(`${spec.kind}:${key}`);
        const where = (other) => {
            const p = other.positionOf(['meta', 'key']);
            return `${displayPath(p.file, root)}:${p.line}:${p.column}`;
        };
        if (first) {
            const firstVersion = first.value.meta.version;
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
function members(spec, provides, report) {
    const owner = new Map();
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
//# sourceMappingURL=check.js.map