/**
 * Typed guards, asserters and Standard Schema objects around the validators that contractgen
 * precompiles (ajv standalone code): no schema is compiled at runtime.
 */
import type { StandardSchemaV1 } from './standard-schema.js';
/** The shape of an ajv standalone validate function. */
export interface PrecompiledValidate {
    (data: unknown): boolean;
    errors?: readonly PrecompiledError[] | null;
}
export interface PrecompiledError {
    readonly instancePath: string;
    readonly keyword: string;
    readonly message?: string;
    readonly params: Record<string, unknown>;
}
/** One problem with a value. Messages describe the rule, never the value, so a secret is never echoed. */
export interface ValidationIssue {
    /** Dotted path from the checked value, e.g. `content.templateId` or `mediaUrls[2]`; empty for the value itself. */
    readonly path: string;
    readonly message: string;
}
export type ValidationResult<T> = {
    readonly ok: true;
    readonly value: T;
} | {
    readonly ok: false;
    readonly issues: readonly ValidationIssue[];
};
export declare class ValidationError extends Error {
    readonly typeName: string;
    readonly issues: readonly ValidationIssue[];
    constructor(typeName: string, issues: readonly ValidationIssue[]);
}
export interface Validator<T> extends StandardSchemaV1<T> {
    /** The generated type this validator checks, e.g. `SmsTwilioConfig`. */
    readonly typeName: string;
    readonly is: (value: unknown) => value is T;
    readonly assert: (value: unknown) => asserts value is T;
    readonly validate: (value: unknown) => ValidationResult<T>;
}
export declare function createValidator<T>(typeName: string, precompiled: PrecompiledValidate): Validator<T>;
//# sourceMappingURL=validator.d.ts.map