/** Rows of a docs table for an object schema: one per property, nested objects flattened with dots. */
import { mdCodeCell } from '../../emit/escape.js';

type Schema = Record<string, unknown>;

/** How deep a type label follows nested lists and alternatives (`string[][]`) before naming the type. */
const MAX_LABEL_DEPTH = 4;

export interface SchemaRow {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
  /** Already rendered for a Markdown cell. */
  readonly example: string;
}

export function schemaRows(schema: unknown, example: unknown, options: { redact?: boolean } = {}): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const walk = (node: Schema, value: unknown, prefix: string, depth: number) => {
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [name, child] of Object.entries((node.properties as Record<string, Schema> | undefined) ?? {})) {
      const resolved = resolve(child, schema as Schema);
      // Own fields only: an example without `constructor` has none, not Object's.
      const childValue = value && typeof value === 'object' && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
      const path = prefix + name;
      rows.push({
        name: path,
        type: typeLabel(resolved, schema as Schema),
        required: required.has(name),
        description: typeof resolved.description === 'string' ? resolved.description : undefined,
        example: exampleCell(childValue, options.redact ?? false, resolved),
      });
      if (depth < 3 && resolved.properties && typeof resolved.properties === 'object') walk(resolved, childValue, path + '.', depth + 1);
    }
  };
  if (schema && typeof schema === 'object') walk(schema as Schema, example, '', 0);
  return rows;
}

function exampleCell(value: unknown, redact: boolean, schema: Schema): string {
  if (redact && value !== undefined) return '`***`';
  if (value === undefined) return schema.default !== undefined ? `${mdCodeCell(JSON.stringify(schema.default))} (default)` : '-';
  return mdCodeCell(typeof value === 'string' ? value : JSON.stringify(value));
}

function resolve(node: Schema, root: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = (target as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return target && typeof target === 'object' ? { ...(target as Schema), description: node.description ?? (target as Schema).description } : node;
}

/** A short human label: `string`, `"a" \| "b"`, `string[]`, `one of: text, media`. */
export function typeLabel(node: Schema, root: Schema, depth = 0): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[keyword])) {
      return (node[keyword] as Schema[]).map((option) => refName(option) ?? typeLabel(resolve(option, root), root, depth + 1)).join(' | ');
    }
  }
  const type = Array.isArray(node.type) ? (node.type as string[]).join(' | ') : typeof node.type === 'string' ? node.type : refName(node) ?? 'any';
  // A list of itself (`items: { $ref: '#/definitions/list' }`) is labelled by its name, not followed forever.
  if (node.type === 'array' && node.items && typeof node.items === 'object') {
    const items = node.items as Schema;
    return `${depth < MAX_LABEL_DEPTH ? typeLabel(resolve(items, root), root, depth + 1) : (refName(items) ?? 'any')}[]`;
  }
  const format = typeof node.format === 'string' ? ` (${node.format})` : '';
  const pattern = typeof node.pattern === 'string' ? ` matching ${node.pattern}` : '';
  return type + format + pattern;
}

function refName(node: Schema): string | undefined {
  return typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
}
