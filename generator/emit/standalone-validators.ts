/**
 * Precompiled validators: ajv compiles each schema at build time into standalone JavaScript, so
 * generated code never compiles a schema at runtime. Each schema is compiled once per run: the
 * check stage compiles it (to validate the spec's example) through `ValidatorCompiler`, which
 * keeps the code for the emit stage.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const standaloneCode = ((standaloneCodeModule as { default?: unknown }).default ?? standaloneCodeModule) as (ajv: Ajv, refsOrFunc: ValidateFunction) => string;

export class ValidatorCompiler {
  private readonly code = new WeakMap<object, string>();

  /** A SchemaCompiler for the spec rules: compiles with an instance of its own and keeps the standalone code. */
  readonly compile = (schema: object): ValidateFunction => {
    // No meta-schema: the check stage has validated the schema against it already, and compiling
    // the meta-schema was most of the cost of a fresh instance.
    const ajv = new Ajv({ allErrors: true, strict: false, meta: false, validateSchema: false, addUsedSchema: false, code: { source: true, esm: false, optimize: 1 } });
    addFormats(ajv);
    const { $id: _id, ...withoutId } = schema as { $id?: unknown };
    const validate = ajv.compile(withoutId);
    this.code.set(schema, standaloneCode(ajv, validate));
    return validate;
  };

  /** The CommonJS standalone code of a schema, compiling it now if the check stage did not (a reused spec). */
  codeFor(schema: object): string {
    if (!this.code.has(schema)) this.compile(schema);
    return this.code.get(schema)!;
  }
}

/**
 * One ESM module exporting a validate function per schema (`exportName -> schema`). Each schema's
 * CommonJS standalone code runs in a scope of its own (ajv names functions per instance, so two
 * would clash), and ajv's `require("...")` helpers become lookups in contractgen's runtime table.
 */
export function standaloneValidators(schemas: Readonly<Record<string, object>>, runtimeImport: string, compiler: ValidatorCompiler): string {
  const parts = Object.entries(schemas).map(([exportName, schema]) => {
    const code = compiler
      .codeFor(schema)
      .replace(/^"use strict";/, '')
      .replace(/require\("([^"]+)"\)/g, (_match, module: string) => `__ajvRuntime[${JSON.stringify(module)}]`);
    return `export const ${exportName} = /* @__PURE__ */ (() => {const module = { exports: {} };${code}\nreturn module.exports;})();`;
  });
  return `import { ajvRuntime as __ajvRuntime } from ${JSON.stringify(runtimeImport)};\n${parts.join('\n')}\n`;
}
