export { createValidator, ValidationError } from './validator.js';
export type { PrecompiledError, PrecompiledValidate, ValidationIssue, ValidationResult, Validator } from './validator.js';
export type * from './standard-schema.js';
//# sourceMappingURL=index.d.ts.map