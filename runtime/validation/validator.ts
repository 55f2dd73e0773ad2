/**
 * Typed guards, asserters and Standard Schema objects around the validators that contractgen
 * precompiles (ajv standalone code): no schema is compiled at runtime.
 */
import type { StandardSchemaV1, StandardSchemaV1Issue, StandardSchemaV1Result } from './standard-schema.js';

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

export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export class ValidationError extends Error {
  constructor(
    readonly typeName: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`invalid ${typeName}: ${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ')}`);
    this.name = 'ValidationError';
  }
}

export interface Validator<T> extends StandardSchemaV1<T> {
  /** The generated type this validator checks, e.g. `SmsTwilioConfig`. */
  readonly typeName: string;
  readonly is: (value: unknown) => value is T;
  readonly assert: (value: unknown) => asserts value is T;
  readonly validate: (value: unknown) => ValidationResult<T>;
}

export function createValidator<T>(typeName: string, precompiled: PrecompiledValidate): Validator<T> {
  const validate = (value: unknown): ValidationResult<T> =>
    precompiled(value) ? { ok: true, value: value as T } : { ok: false, issues: issuesOf(precompiled.errors) };
  return {
    typeName,
    // The precompiled function itself: a guard costs exactly what ajv's own validator costs.
    is: precompiled as unknown as (value: unknown) => value is T,
    assert(value: unknown): asserts value is T {
      if (!precompiled(value)) throw new ValidationError(typeName, issuesOf(precompiled.errors));
    },
    validate,
    '~standard': {
      version: 1,
      vendor: 'contractgen',
      validate: (value: unknown): StandardSchemaV1Result<T> => {
        const result = validate(value);
        return result.ok ? { value: result.value } : { issues: result.issues.map(standardIssue) };
      },
    },
  };
}

function issuesOf(errors: readonly PrecompiledError[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const segments = pointerSegments(error.instancePath);
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
    const message =
      error.keyword === 'required' ? 'is required' : error.keyword === 'additionalProperties' ? 'is not allowed' : (error.message ?? `fails ${error.keyword}`);
    return { path: dotted(segments), message };
  });
}

function pointerSegments(pointer: string): string[] {
  return pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

function dotted(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function standardIssue(issue: ValidationIssue): StandardSchemaV1Issue {
  const path = issue.path
    ? issue.path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s))
    : undefined;
  return { message: issue.message, path };
}
