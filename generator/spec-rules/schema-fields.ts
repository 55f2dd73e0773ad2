/**
 * The fields a JSON Schema declares, by path: what a reference such as `input.metadata.team` or
 * `config.region` names. A field is declared by `properties` (or an `additionalProperties` /
 * `items` schema below it), through local `$ref`s and the branches of `allOf`/`anyOf`/`oneOf`.
 * An object schema that declares nothing (no `properties`, no `additionalProperties` schema)
 * declares no field: a reference into it is a typo until the schema says otherwise.
 */
import { isRecord } from '../values.js';

type Obj = Record<string, unknown>;

/** The schema of the field at `segments`, or where the path leaves what the schema declares (and the names known there). */
export type FieldLookup = { readonly schema: Obj } | { readonly missingAt: number; readonly known: readonly string[] };

/** `$ref: '#/...'` followed inside `root` (a few hops; a cycle ends as "no schema"). */
export function resolveLocal(node: unknown, root: Obj): Obj | undefined {
  let current = node;
  for (let hops = 0; hops < 16; hops++) {
    if (!isRecord(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#')) return undefined;
    current = ref
      .slice(1)
      .split('/')
      .filter((part) => part !== '')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (isRecord(at) || Array.isArray(at) ? (at as Obj)[part] : undefined), root);
  }
  return undefined;
}

/** The schema itself and the branches of its combinators, resolved: where a field may be declared. */
function alternatives(node: unknown, root: Obj): Obj[] {
  const schema = resolveLocal(node, root);
  if (!schema) return [];
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((keyword) => (Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : []));
  return [schema, ...branches.flatMap((branch) => alternatives(branch, root))];
}

function child(schema: Obj, segment: string | number): unknown {
  if (typeof segment === 'number') {
    if (Array.isArray(schema.items)) return schema.items[segment];
    if (isRecord(schema.items)) return schema.items;
  }
  const key = String(segment);
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, key)) return schema.properties[key];
  if (isRecord(schema.additionalProperties)) return schema.additionalProperties;
  if (schema.additionalProperties === true) return {};
  return undefined;
}

export function fieldAt(root: Obj, segments: readonly (string | number)[]): FieldLookup {
  let candidates = alternatives(root, root);
  for (const [i, segment] of segments.entries()) {
    const next = candidates.flatMap((schema) => {
      const found = child(schema, segment);
      return found === undefined ? [] : alternatives(found, root);
    });
    if (next.length === 0) return { missingAt: i, known: candidates.flatMap((schema) => (isRecord(schema.properties) ? Object.keys(schema.properties) : [])) };
    candidates = next;
  }
  return { schema: candidates[0] ?? {} };
}

/** The top-level fields a schema declares (its `properties`, through `$ref` and combinators). */
export function declaredFields(root: Obj): string[] {
  return [...new Set(alternatives(root, root).flatMap((schema) => (isRecord(schema.properties) ? Object.keys(schema.properties) : [])))];
}

/** The fields a schema requires at the top (through `$ref` and `allOf`). */
export function requiredFields(root: Obj): string[] {
  const required = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    const schema = resolveLocal(node, root);
    if (!schema || depth > 16) return;
    if (Array.isArray(schema.required)) for (const field of schema.required) if (typeof field === 'string') required.add(field);
    if (Array.isArray(schema.allOf)) for (const branch of schema.allOf) visit(branch, depth + 1);
  };
  visit(root, 0);
  return [...required];
}

/** Whether an object schema lets a field it does not declare through (an explicit `additionalProperties` or any `patternProperties`). */
export function acceptsUndeclared(root: Obj): boolean {
  return alternatives(root, root).some((schema) => schema.additionalProperties === true || isRecord(schema.additionalProperties) || isRecord(schema.patternProperties));
}

/** The JSON types a field's schema allows (undefined: it does not say). */
export function typesOf(schema: Obj, root: Obj): string[] | undefined {
  const types = alternatives(schema, root).map((s) => s.type);
  const listed = types.filter((t) => t !== undefined);
  if (listed.length === 0) return undefined;
  return [...new Set(listed.flatMap((t) => (Array.isArray(t) ? t.map(String) : [String(t)])))];
}
