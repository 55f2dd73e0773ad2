import { formatPath, type SpecFinding } from './findings.js';
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
import { capabilityFindings, integrationFindings } from './rules.js';

/** Thrown when a spec module is imported directly and its spec breaks a rule. */
export class SpecValidationError extends Error {
  constructor(
    readonly specKey: string,
    readonly findings: readonly SpecFinding[],
  ) {
    super(
      `invalid spec ${specKey}:\n` +
        findings.map((f) => `  ${formatPath(f.path)}: ${f.message} (${f.code})${f.hint ? ` - ${f.hint}` : ''}`).join('\n'),
    );
    this.name = 'SpecValidationError';
  }
}

function checked<T>(spec: T, findings: SpecFinding[]): T {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const key = (spec as { meta?: { key?: unknown } } | undefined)?.meta?.key;
    throw new SpecValidationError(typeof key === 'string' ? key : '(unnamed spec)', errors);
  }
  return spec;
}

/**
 * Declares an integration. The generator reads the object literal statically; at runtime this
 * checks the same single-spec rules and returns the spec unchanged, literal types preserved.
 */
export function defineIntegration<const T extends IntegrationSpec>(spec: T): T {
  return checked(spec, integrationFindings(spec));
}

/** Declares a capability: the operations and events its providers implement. */
export function defineCapability<const T extends CapabilitySpec>(spec: T): T {
  return checked(spec, capabilityFindings(spec));
}
