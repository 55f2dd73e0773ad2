export { defineCapability, defineIntegration, SpecValidationError } from './define.js';
export type * from '@contractgen/runtime/spec';
export { StabilityEnum, STABILITIES, type Stability } from '@contractgen/runtime/spec';
export type { SpecFinding } from './findings.js';
//# sourceMappingURL=index.d.ts.map