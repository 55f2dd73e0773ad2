/**
 * The spec model's structural validators (model-schema.ts compiled by ajv), each compiled once per
 * thread, with every part the model uses more than once compiled once.
 *
 * The model's source reuses one object for a part it needs in many places (the http section's
 * values, the JSON Schema fields, string lists). ajv compiles a part at each place it appears, and
 * inlines a `$ref` as well unless told not to: the integration model's validator was 735,000
 * characters of code and took a second to compile, paid by every run that checks a spec. Here each
 * part used twice or more becomes a definition that its uses refer to (`$ref`), compiled as one
 * function. What the validator accepts, and the errors it reports (keyword, data path, params), are
 * the same.
 */
import { Ajv, type ValidateFunction } from 'ajv';

export interface ModelValidator {
  /** Its errors carry `parentSchema`: the (compiled) schema object whose keyword failed. */
  readonly validate: ValidateFunction;
}

type Obj = Record<string, unknown>;

/** Keywords whose value is a schema, or an array or map of schemas (draft-07). */
const SCHEMA = ['additionalProperties', 'items', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'items'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];

let ajv: Ajv | undefined;
const compiled = new Map<object, ModelValidator>();

export function modelValidator(model: object): ModelValidator {
  let found = compiled.get(model);
  if (!found) {
    const schema = withSharedParts(model);
    // Like the spec checks' other instance (schema-checks.ts specAjv), with every $ref a function of
    // its own, and errors that carry the schema object they come from (`parentSchema`): their
    // schemaPath is relative to the definition they come from, which it does not name.
    ajv ??= new Ajv({ allErrors: true, strict: false, validateSchema: false, addUsedSchema: false, inlineRefs: false, verbose: true, logger: false });
    found = { validate: ajv.compile(schema) };
    compiled.set(model, found);
  }
  return found;
}

/** `model` with each schema object it holds at two places or more moved to `definitions`, and referred to there. */
function withSharedParts(model: object): object {
  const uses = new Map<object, number>();
  eachSubschema(model, (schema) => {
    uses.set(schema, (uses.get(schema) ?? 0) + 1);
    return (uses.get(schema) ?? 0) === 1;
  });
  const names = new Map<object, string>();
  for (const [schema, count] of uses) if (count > 1 && schema !== model) names.set(schema, `shared${names.size}`);
  const definitions: Obj = {};
  const copy = (schema: object, top = false): object => {
    const name = names.get(schema);
    if (name !== undefined && !top) return { $ref: `#/definitions/${name}` };
    return mapSubschemas(schema, (sub) => copy(sub));
  };
  for (const [schema, name] of names) definitions[name] = copy(schema, true);
  const root = copy(model, true) as Obj;
  return { ...root, definitions: { ...(root.definitions as Obj | undefined), ...definitions } };
}

/** Calls `visit` on `schema` and each schema below it; `visit` returns false to skip what is below. */
function eachSubschema(schema: object, visit: (schema: object) => boolean): void {
  if (!visit(schema)) return;
  mapSubschemas(schema, (sub) => {
    eachSubschema(sub, visit);
    return sub;
  });
}

/** A copy of `schema` with each subschema replaced by `map(subschema)`. */
function mapSubschemas(schema: object, map: (schema: object) => object): object {
  const out: Obj = { ...(schema as Obj) };
  const isSchema = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
  for (const key of SCHEMA) if (isSchema(out[key])) out[key] = map(out[key]);
  for (const key of SCHEMA_LISTS) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((item) => (isSchema(item) ? map(item) : item));
  for (const key of SCHEMA_MAPS) {
    if (!isSchema(out[key])) continue;
    out[key] = Object.fromEntries(Object.entries(out[key]).map(([name, item]) => [name, isSchema(item) ? map(item) : item]));
  }
  return out;
}
