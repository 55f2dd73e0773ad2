/**
 * `contractgen new --http`: the `http` section a scaffolded spec starts with, from the operations
 * of the capabilities it provides, so that it validates, generates and compiles at once and shows
 * each part of the binding (HTTP-DESIGN.md, section 1) where the author will change it:
 * - a lookup (idempotent operation) is a GET with its input in the query, anything else a POST of
 *   its input as JSON; paths are the operation's name in kebab case;
 * - every output field reads the field of the same name in the answer; an enum field maps the
 *   provider's values onto the capability's (identity until the author writes the provider's);
 * - bearer auth with the `apiKey` secret, named rules for 401 and 429 (the test double scripts
 *   errors by these names) and a health probe.
 * Values are prepared here as TypeScript source text (tsLiteral); the template lays them out.
 */
import type { CapabilitySpec, JsonSchema } from '@contractgen/runtime/spec';
import { tsPropertyKey, tsLiteral, tsString } from '../emit/escape.js';

/** A field name a reference (`input.x`, `body.x`) can spell: a reference splits on dots. */
const REFERENCE_SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export interface ScaffoldEntry {
  /** The name, as TypeScript source (a property name). */
  readonly name: string;
  /** The value, as TypeScript source. */
  readonly value: string;
}

export interface ScaffoldOperation {
  /** As TypeScript source (a property name). */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query: readonly ScaffoldEntry[];
  readonly body: readonly ScaffoldEntry[];
  readonly unsupported: readonly ScaffoldEntry[];
  readonly output: readonly ScaffoldEntry[];
}

/** The operations of each capability, in the order the capabilities are given. */
export function httpOperations(capabilities: readonly CapabilitySpec[]): ScaffoldOperation[] {
  return capabilities.flatMap((capability) =>
    Object.entries(capability.operations ?? {}).map(([name, operation]): ScaffoldOperation => {
      const inputs = Object.entries(operation.input.properties ?? {}) as [string, JsonSchema][];
      const sent = inputs.filter(([field]) => REFERENCE_SEGMENT.test(field));
      const lookup = operation.idempotent;
      // Indented as the template places them: query fields at 10 spaces, body and output fields at 12.
      const request = sent.map(([field, schema]) => entry(field, lookup && isStructured(schema) ? { from: `input.${field}`, as: 'json' } : `input.${field}`, lookup ? 10 : 12));
      return {
        name: tsPropertyKey(name),
        method: lookup ? 'GET' : 'POST',
        path: tsString(`/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
        query: lookup ? request : [],
        body: lookup ? [] : request,
        unsupported: inputs.filter(([field]) => !REFERENCE_SEGMENT.test(field)).map(([field]) => ({ name: tsPropertyKey(field), value: tsString('TODO: the provider field this is sent as') })),
        output: (Object.entries(operation.output.properties ?? {}) as [string, JsonSchema][]).map(([field, schema]) => entry(field, outputValue(field, schema), 12)),
      };
    }),
  );
}

function entry(field: string, value: unknown, indent: number): ScaffoldEntry {
  return { name: tsPropertyKey(field), value: tsLiteral(value, ' '.repeat(indent)) };
}

/** An object or array: sent in a query as JSON text. */
function isStructured(schema: JsonSchema): boolean {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  return types.includes('object') || types.includes('array');
}

/** Where an output field comes from: the answer's field of the same name, through a map onto the capability's values for an enum. */
function outputValue(field: string, schema: JsonSchema): unknown {
  const values = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : [];
  if (values.length === 0 || !values.every((v) => typeof v === 'string')) return `body.${field}`;
  return { from: `body.${field}`, map: Object.fromEntries((values as string[]).map((v) => [v, v])) };
}
