// What spec files import: the define functions, the model types and StabilityEnum.
export { defineCapability, defineIntegration, SpecValidationError } from './define.js';
export type * from './model.js';
export { StabilityEnum, STABILITIES, type Stability } from './stability.js';
export type { SpecFinding } from './findings.js';
