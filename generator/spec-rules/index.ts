// What spec files import (`contractgen/spec`): the define functions, and the model types and
// StabilityEnum from the runtime, so generated spec constants and specs share one model.
export { defineCapability, defineIntegration, SpecValidationError } from './define.js';
export type * from '@contractgen/runtime/spec';
export { StabilityEnum, STABILITIES, type Stability } from '@contractgen/runtime/spec';
export type { SpecFinding } from './findings.js';
