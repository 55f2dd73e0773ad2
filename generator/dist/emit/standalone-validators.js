import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { compileSpecSchemaWith, specSchemaAjv } from '../spec/schema-checks.js';
import { tsCodeText } from './escape.js';
const standaloneCode = (standaloneCodeModule.default ?? standaloneCodeModule);
export class ValidatorCompiler {
    code = new Map();
    fresh = [];
    /** A SchemaCompiler for the spec rules: compiles with an instance of its own and keeps the standalone code. */
    compile = (schema) => {
        // No meta-schema: the check stage has validated the schema against it already, and compiling
        // the meta-schema was most of the cost of a fresh instance. No codegen optimiser: its name
        // pass re-walks the code tree at every level (about half of all compile time on nested
        // schemas), and V8 makes the same simplifications itself: the unoptimised validators run as
        // fast as ajv's default output (the validator rows of `npm run bench`, BENCHMARKS.md).
        const ajv = specSchemaAjv({ code: { source: true, esm: false, optimize: false } });
        const validate = compileSpecSchemaWith(ajv, schema);
        const key = JSON.stringify(schema);
        if (!this.code.has(key)) {
            const code = standaloneCode(ajv, validate);
            this.code.set(key, code);
            this.fresh.push([key, code]);
        }
        return validate;
    };
    /** The CommonJS standalone code of a schema, compiling it now if the check stage did not (a reused spec). */
    codeFor(schema) {
        const key = JSON.stringify(schema);
        if (!this.code.has(key))
            this.compile(schema);
        return this.code.get(key);
    }
    /** Code compiled since the last call (a worker sends it back to the main thread). */
    takeFresh() {
        const fresh = this.fresh;
        this.fresh = [];
        return fresh;
    }
    /** The code known for these schemas (what a worker needs to emit them without compiling again). */
    known(schemas) {
        return schemas.flatMap((schema) => {
            const key = JSON.stringify(schema);
            const code = this.code.get(key);
            return code === undefined ? [] : [[key, code]];
        });
    }
    add(code) {
        for (const [key, text] of code)
            this.code.set(key, text);
    }
}
/**
 * One ESM module exporting a validate function per schema (`exportName -> schema`). Each schema's
 * CommonJS standalone code runs in a scope of its own (ajv names functions per instance, so two
 * would clash), and ajv's `require("...")` helpers become lookups in contractgen's runtime table.
 */
export function standaloneValidators(schemas, compiler) {
    const parts = Object.entries(schemas).map(([exportName, schema]) => {
        const code = compiler
            .codeFor(schema)
            .replace(/^"use strict";/, '')
            .replace(/require\("([^"]+)"\)/g, (_match, module) => `__ajvRuntime[${JSON.stringify(module)}]`);
        return `export const ${exportName}: PrecompiledValidate = /* @__PURE__ */ (() => {const module = { exports: {} };${code}\nreturn module.exports;})();`;
    });
    // ajv quotes schema strings with JSON.stringify, which leaves DEL and C1 controls raw.
    return tsCodeText(`${parts.join('\n')}\n`);
}
//# sourceMappingURL=standalone-validators.js.map