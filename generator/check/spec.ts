/** The rules one spec must satisfy on its own (generator/spec-rules/rules.ts, which defineIntegration runs too), as located diagnostics. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { LoadedSpec } from '../load/model.js';
import { formatPath, type SpecFinding } from '../spec-rules/findings.js';
import { capabilityFindings, integrationFindings, type RuleOptions } from '../spec-rules/rules.js';

export function checkSpec(spec: LoadedSpec, rules: RuleOptions): Diagnostic[] {
  const findings = spec.kind === 'integration' ? integrationFindings(spec.value, rules) : capabilityFindings(spec.value, rules);
  return located(spec, findings);
}

/** Findings of one spec as diagnostics, each at the source of the value its path names. */
export function located(spec: LoadedSpec, findings: readonly SpecFinding[]): Diagnostic[] {
  // A finding's code and severity go together (SpecFinding's type): a Diagnostic takes both as they are.
  return findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    message: finding.path.length ? `${formatPath(finding.path)} ${finding.message}` : finding.message,
    hint: finding.hint,
    ...spec.positionOf(finding.path),
  }) as Diagnostic);
}
