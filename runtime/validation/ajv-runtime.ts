/**
 * The helpers ajv's standalone code needs at run time (string length in code points, deep
 * equality, URI and format checks). ajv emits them as `require(...)` calls even in ESM output, so
 * the generator rewrites each call to a lookup here: generated validators then depend on
 * contractgen's runtime only, and run wherever ESM runs.
 */
import * as ucs2length from 'ajv/dist/runtime/ucs2length.js';
import * as uri from 'ajv/dist/runtime/uri.js';
import * as formats from 'ajv-formats/dist/formats.js';
import { jsonEqual } from './json-equal.js';

/**
 * What `require(name).default` gives: a CommonJS module's `exports.default`. Through ESM interop it
 * arrives as `namespace.default.default` (Node) or `namespace.default` (bundlers that unwrap).
 */
function defaultFunction(namespace: { default?: unknown }): unknown {
  const exportsObject = namespace.default as { default?: unknown; __esModule?: boolean } | undefined;
  return exportsObject && typeof exportsObject === 'object' && exportsObject.__esModule ? exportsObject.default : exportsObject;
}

export const ajvRuntime: Readonly<Record<string, unknown>> = {
  // Not ajv's own (fast-deep-equal): it calls the data's own `toString`/`valueOf` (json-equal.ts).
  'ajv/dist/runtime/equal': { default: jsonEqual },
  'ajv/dist/runtime/ucs2length': { default: defaultFunction(ucs2length) },
  'ajv/dist/runtime/uri': { default: defaultFunction(uri) },
  'ajv-formats/dist/formats': { fullFormats: formats.fullFormats },
};
