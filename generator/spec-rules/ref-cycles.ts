/**
 * A local `$ref` that leads back to itself without descending into the value (`{ $ref: '#' }`,
 * `{ anyOf: [{ $ref: '#/definitions/a' }] }` with `a` the same): every validator would apply the
 * schema to the same value forever, and overflow the stack, at check time and in generated code.
 * A reference under `properties`, `items` and the like is fine: it recurses into a smaller value.
 */
import type { SpecFinding } from './findings.js';
import { isRecord } from '../values.js';

type Path = readonly (string | number)[];
type Schema = Record<string, unknown>;

/** Keywords whose subschemas apply to the same value as the schema holding them. */
const SAME_VALUE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const SAME_VALUE_SCHEMAS = ['not', 'if', 'then', 'else'] as const;

export function findRefCycle(root: unknown, at: Path): SpecFinding | undefined {
  const done = new Set<object>();
  const active = new Set<object>();
  // Depth-first over "applies to the same value" edges; a $ref into a schema still open is a cycle.
  const visit = (node: unknown, path: Path): Path | undefined => {
    if (!isSchema(node) || done.has(node)) return undefined;
    active.add(node);
    for (const [child, childPath] of sameValueChildren(node, path)) {
      const found = visit(child, childPath);
      if (found) return found;
    }
    if (typeof node.$ref === 'string') {
      const target = resolvePointer(root, node.$ref);
      if (target && active.has(target)) return [...path, '$ref'];
      const found = target ? visit(target, [...path, '$ref']) : undefined;
      if (found) return found;
    }
    active.delete(node);
    done.add(node);
    return undefined;
  };
  for (const [node, path] of allSchemas(root, at)) {
    const cycle = visit(node, path);
    if (cycle) {
      return {
        code: 'CG120',
        severity: 'error',
        path: cycle,
        message: 'leads back to itself without descending into the value, so validation would never end',
        hint: 'a schema may refer to itself only below properties, items or additionalProperties (a tree of values, not a loop)',
      };
    }
  }
  return undefined;
}

function* sameValueChildren(node: Schema, path: Path): Generator<[unknown, Path]> {
  for (const keyword of SAME_VALUE_LISTS) {
    const list = node[keyword];
    if (Array.isArray(list)) for (const [i, child] of list.entries()) yield [child, [...path, keyword, i]];
  }
  for (const keyword of SAME_VALUE_SCHEMAS) if (Object.hasOwn(node, keyword)) yield [node[keyword], [...path, keyword]];
  const dependencies = node.dependencies;
  if (isSchema(dependencies)) for (const [name, child] of Object.entries(dependencies)) yield [child, [...path, 'dependencies', name]];
}

/** Every object in the schema with its path (so definitions reached only from properties are checked too). */
function* allSchemas(node: unknown, path: Path): Generator<[Schema, Path]> {
  const pending: [unknown, Path][] = [[node, path]];
  while (pending.length > 0) {
    const [current, at] = pending.pop()!;
    if (Array.isArray(current)) current.forEach((item, i) => pending.push([item, [...at, i]]));
    else if (isSchema(current)) {
      yield [current, at];
      for (const [key, value] of Object.entries(current)) pending.push([value, [...at, key]]);
    }
  }
}

/** The object a local JSON pointer (`#`, `#/definitions/a`) names, own properties only. */
function resolvePointer(root: unknown, ref: string): Schema | undefined {
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref === '#' ? [] : ref.slice(2).split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return isSchema(node) ? node : undefined;
}

const isSchema: (value: unknown) => value is Schema = isRecord;
