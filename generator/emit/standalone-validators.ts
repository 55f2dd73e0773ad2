/**
 * Precompiled validators: ajv compiles each schema at build time into standalone JavaScript, so
 * generated code never compiles a schema at runtime.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const standaloneCode = ((standaloneCodeModule as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: Ajv,
  refs: Record<string, string>,
) => string;

/**
 * One ESM module exporting a validate function per schema (`exportName -> schema`). ajv's ESM output
 * still says `require("...")` for its helpers; each becomes a lookup in contractgen's runtime table.
 */
export function standaloneValidators(schemas: Readonly<Record<string, object>>, runtimeImport: string): string {
  // The schemas were already checked against the meta-schema by the check stage: skipping the
  // meta-schema here saves compiling it once per module, the largest cost of a fresh instance.
  const ajv = new Ajv({ allErrors: true, strict: false, meta: false, validateSchema: false, code: { source: true, esm: true, optimize: 1 } });
  addFormats(ajv);
  const refs: Record<string, string> = {};
  for (const [exportName, schema] of Object.entries(schemas)) {
    const { $id: _id, ...withoutId } = schema as { $id?: unknown };
    ajv.addSchema(withoutId, `contractgen:${exportName}`);
    refs[exportName] = `contractgen:${exportName}`;
  }
  const code = standaloneCode(ajv, refs).replace(/^"use strict";/, '');
  const rewritten = code.replace(/require\("([^"]+)"\)/g, (_match, module: string) => `__ajvRuntime[${JSON.stringify(module)}]`);
  return `import { ajvRuntime as __ajvRuntime } from ${JSON.stringify(runtimeImport)};\n${rewritten}\n`;
}
