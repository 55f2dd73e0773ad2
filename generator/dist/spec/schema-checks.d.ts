/**
 * JSON Schema checks shared by spec rules: is a schema valid, does a value match it.
 * ajv is the one JSON Schema engine of the project (build time and spec-time checks here,
 * precompiled standalone validators in generated code).
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { type SpecFinding } from './findings.js';
type Path = readonly (string | number)[];
/** One ajv instance for spec checking: all errors, draft-07, formats on, unknown keywords tolerated. */
export declare function specAjv(): Ajv;
/**
 * How a spec's own schemas compile: for checking its examples and for the generated validators
 * alike, so the rules accept exactly what the runtime accepts. `ownProperties`: a config without
 * a `toString` field is not checked against Object.prototype.toString (nor a polluted prototype's
 * fields). The schema is registered (ajv's default), so `$ref: '#'` finds the root. No
 * meta-schema: schemas are validated against it separately, first.
 */
export declare function specSchemaAjv(options?: Options): Ajv;
/** Compiles a spec schema without its `$id`: an id names nothing the generator resolves, and two specs may share one. */
export declare function compileSpecSchemaWith(ajv: Ajv, schema: object): ValidateFunction;
/** The JSON Schema (draft-07) type names. */
export declare const JSON_SCHEMA_TYPES: readonly ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
/** Where an ajv error is, below `base`: a missing or unknown property is located at that property. */
export declare function ajvErrorPath(error: ErrorObject, base: Path): (string | number)[];
/** ajv error -> path segments below `base` and a message that never quotes the checked value. */
export declare function findingsFromAjv(errors: readonly ErrorObject[] | null | undefined, base: Path, code: string, describe?: (error: ErrorObject) => string): SpecFinding[];
/**
 * ajv errors -> ONE finding per location. With `allErrors`, ajv reports an `anyOf` failure as the
 * combinator's own error plus one error per alternative, all at the same spot; those become one
 * message ("must be a string or a number"). A combinator whose alternatives failed deeper down is
 * dropped in favour of the deeper, more precise findings.
 */
export declare function groupedFindings(errors: readonly ErrorObject[] | null | undefined, base: Path, code: string, describe?: (errors: readonly ErrorObject[], path: Path) => {
    message: string;
    hint?: string;
}): SpecFinding[];
/**
 * The errors ajv reports at one location, as one message: alternatives of an `anyOf`/`oneOf` joined
 * with "or", independent failures with "and"; type errors merged ("must be an object or a boolean").
 */
export declare function describeGroup(errors: readonly ErrorObject[]): string;
/** One ajv error as a phrase that reads after the path of the value it is about. */
export declare function ajvMessage(error: ErrorObject): string;
/** Compiles a spec-supplied schema, or returns the findings that say why it is not valid JSON Schema. */
/** Compiles a (meta-schema-valid) schema to a validate function; throws as ajv.compile does. */
export type SchemaCompiler = (schema: object) => ValidateFunction;
export declare function compileSpecSchema(schema: unknown, at: Path, compile?: SchemaCompiler): {
    validate?: ValidateFunction;
    findings: SpecFinding[];
};
/**
 * ajv compares objects with fast-deep-equal, which calls a value's own `toString`/`valueOf` when
 * it has one: an `enum` or `const` object with such a key (not a function) throws instead of
 * comparing. Reported where it happens, as a finding, never as an exception.
 */
export declare function uncheckable(code: 'CG120' | 'CG121', path: Path, error: unknown): SpecFinding;
export {};
//# sourceMappingURL=schema-checks.d.ts.map