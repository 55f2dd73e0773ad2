import { type SpecFinding } from './findings.js';
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
/** Thrown when a spec module is imported directly and its spec breaks a rule. */
export declare class SpecValidationError extends Error {
    readonly specKey: string;
    readonly findings: readonly SpecFinding[];
    constructor(specKey: string, findings: readonly SpecFinding[]);
}
/**
 * Declares an integration. The generator reads the object literal statically; at runtime this
 * checks the same single-spec rules and returns the spec unchanged, literal types preserved.
 */
export declare function defineIntegration<const T extends IntegrationSpec>(spec: T): T;
/** Declares a capability: the operations and events its providers implement. */
export declare function defineCapability<const T extends CapabilitySpec>(spec: T): T;
//# sourceMappingURL=define.d.ts.map