/**
 * Precompiled validators: ajv compiles each schema at build time into standalone JavaScript, so
 * generated code never compiles a schema at runtime. Each schema is compiled once per run: the
 * check stage compiles it (to validate the spec's example) through `ValidatorCompiler`, which
 * keeps the code for the emit stage.
 */
import type { ValidateFunction } from 'ajv';
/** Schema -> standalone code, keyed by the schema's content (so identical schemas compile once, and code can cross threads). */
export type ValidatorCode = readonly (readonly [schemaJson: string, code: string])[];
export declare class ValidatorCompiler {
    private readonly code;
    private fresh;
    /** A SchemaCompiler for the spec rules: compiles with an instance of its own and keeps the standalone code. */
    readonly compile: (schema: object) => ValidateFunction;
    /** The CommonJS standalone code of a schema, compiling it now if the check stage did not (a reused spec). */
    codeFor(schema: object): string;
    /** Code compiled since the last call (a worker sends it back to the main thread). */
    takeFresh(): ValidatorCode;
    /** The code known for these schemas (what a worker needs to emit them without compiling again). */
    known(schemas: readonly object[]): ValidatorCode;
    add(code: ValidatorCode): void;
}
/**
 * One ESM module exporting a validate function per schema (`exportName -> schema`). Each schema's
 * CommonJS standalone code runs in a scope of its own (ajv names functions per instance, so two
 * would clash), and ajv's `require("...")` helpers become lookups in contractgen's runtime table.
 */
export declare function standaloneValidators(schemas: Readonly<Record<string, object>>, compiler: ValidatorCompiler): string;
//# sourceMappingURL=standalone-validators.d.ts.map