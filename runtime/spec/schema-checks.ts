/**
 * JSON Schema checks shared by spec rules: is a schema valid, does a value match it.
 * ajv is the one JSON Schema engine of the project (build time and spec-time checks here,
 * precompiled standalone validators in generated code).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SpecFinding } from './findings.js';

// ajv-formats is CommonJS with a default export; under NodeNext its typing is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let shared: Ajv | undefined;
/** One ajv instance for spec checking: all errors, draft-07, formats on, unknown keywords tolerated. */
export function specAjv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, validateSchema: false, addUsedSchema: false });
    addFormats(shared);
  }
  return shared;
}

/** ajv error -> path segments below `base` and a message that never quotes the checked value. */
export function findingsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  base: readonly (string | number)[],
  code: string,
  describe: (error: ErrorObject) => string = ajvMessage,
): SpecFinding[] {
  return (errors ?? []).map((error) => {
    const path = [...base, ...pointerSegments(error.instancePath)];
    if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
    if (error.keyword === 'required') path.push(String(error.params.missingProperty));
    return { code, severity: 'error', path, message: describe(error) };
  });
}

export function ajvMessage(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `is required`;
    case 'additionalProperties':
      return `is not allowed here`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Compiles a spec-supplied schema, or returns the findings that say why it is not valid JSON Schema. */
export function compileSpecSchema(
  schema: unknown,
  at: readonly (string | number)[],
): { validate?: ValidateFunction; findings: SpecFinding[] } {
  const ajv = specAjv();
  if (!ajv.validateSchema(schema as object)) {
    return {
      findings: findingsFromAjv(ajv.errors, at, 'CG120', (e) => `is not valid JSON Schema: ${e.message ?? e.keyword}`),
    };
  }
  const external = findExternalRef(schema, at);
  if (external) return { findings: [external] };
  try {
    return { validate: ajv.compile(schema as object), findings: [] };
  } catch (error) {
    return {
      findings: [{ code: 'CG120', severity: 'error', path: at, message: `is not valid JSON Schema: ${(error as Error).message}` }],
    };
  }
}

/** Only local `#/...` references: the generator never reads files or the network a spec points at. */
function findExternalRef(node: unknown, at: readonly (string | number)[]): SpecFinding | undefined {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) {
      const found = findExternalRef(item, [...at, i]);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && (typeof value !== 'string' || !value.startsWith('#'))) {
        return {
          code: 'CG124',
          severity: 'error',
          path: [...at, key],
          message: `only local references ("#/definitions/...") are supported`,
        };
      }
      const found = findExternalRef(value, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}
