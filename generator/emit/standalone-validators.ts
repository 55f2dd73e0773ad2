/**
 * Precompiled validators: ajv compiles each schema at build time into standalone JavaScript, so
 * generated code never compiles a schema at runtime. Each schema is compiled once per run: the
 * check stage compiles it (to validate the spec's example) through `ValidatorCompiler`, which
 * keeps the code for the emit stage.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { ValueScope } from 'ajv/dist/compile/codegen/index.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { BoundedCache } from './bounded-cache.js';
import { schemaKey } from './schema-key.js';
import { compileSpecSchemaWith, specSchemaAjv } from '../spec-rules/schema-checks.js';
import { tsCodeText } from './escape.js';

const standaloneCode = ((standaloneCodeModule as { default?: unknown }).default ?? standaloneCodeModule) as (ajv: Ajv, refsOrFunc: ValidateFunction) => string;

/**
 * Compiles schemas with ajv and keeps each one's standalone code by content: the check stage
 * compiles a schema to validate the spec's example, and the emit stage takes the same code.
 */
export class ValidatorCompiler {
  /** Standalone code by schema content: what emitting needs, kept for the schemas seen most recently. */
  private readonly code = new BoundedCache<string>(16);
  /** The latest compilations: a spec's rules and its emitting ask for the same schemas back to back. */
  private readonly compiled = new BoundedCache<{ validate: ValidateFunction; scope: ValueScope }>(8);
  /** One instance for every schema of this thread: creating one (and adding its formats) cost as much as compiling a small schema. */
  private ajv?: Ajv;

  /** A SchemaCompiler for the spec rules. */
  readonly compile = (schema: object): ValidateFunction => this.compilation(schemaKey(schema), schema).validate;

  /** The CommonJS standalone code of a schema, compiling it now if the check stage did not. */
  codeFor(schema: object): string {
    const key = schemaKey(schema);
    return this.code.get(key, () => {
      const { validate, scope } = this.compilation(key, schema);
      const ajv = this.instance();
      // Standalone code is written from the scope the function was compiled in.
      (ajv as { scope: ValueScope }).scope = scope;
      return standaloneCode(ajv, validate);
    });
  }

  private compilation(key: string, schema: object) {
    return this.compiled.get(key, () => {
      const ajv = this.instance();
      // Each schema compiles as if in a fresh instance: no schema from before, and a scope of its
      // own, so ajv's generated names (validate10, schema11) do not depend on what was compiled
      // before and the output does not depend on the order of work.
      ajv.removeSchema();
      const scope = new ValueScope({ ...ajv.scope.opts, scope: {} });
      (ajv as { scope: ValueScope }).scope = scope;
      return { validate: compileSpecSchemaWith(ajv, schema), scope };
    });
  }

  private instance(): Ajv {
    // No meta-schema: the check stage has validated the schema against it already, and compiling
    // the meta-schema was most of the cost of a fresh instance. No codegen optimiser: its name
    // pass re-walks the code tree at every level (about half of all compile time on nested
    // schemas), and V8 makes the same simplifications itself: the unoptimised validators run as
    // fast as ajv's default output (the validator rows of `npm run bench`, BENCHMARKS.md).
    return (this.ajv ??= specSchemaAjv({ code: { source: true, esm: false, optimize: false } }));
  }
}

/**
 * One ESM module exporting a validate function per schema (`exportName -> schema`). Each schema's
 * CommonJS standalone code runs in a scope of its own (ajv names functions per instance, so two
 * would clash), and ajv's `require("...")` helpers become lookups in contractgen's runtime table.
 */
export function standaloneValidators(schemas: Readonly<Record<string, object>>, compiler: ValidatorCompiler): string {
  const parts = Object.entries(schemas).map(([exportName, schema]) => {
    const code = compiler
      .codeFor(schema)
      .replace(/^"use strict";/, '')
      .replace(/require\("([^"]+)"\)/g, (_match, module: string) => `__ajvRuntime[${JSON.stringify(module)}]`);
    return `export const ${exportName}: PrecompiledValidate = /* @__PURE__ */ (() => {const module = { exports: {} };${code}\nreturn module.exports;})();`;
  });
  // ajv quotes schema strings with JSON.stringify, which leaves DEL and C1 controls raw.
  return tsCodeText(`${parts.join('\n')}\n`);
}
