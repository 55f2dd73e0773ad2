/**
 * JSON Schema checks shared by spec rules: is a schema valid, does a value match it.
 * ajv is the one JSON Schema engine of the project (build time and spec-time checks here,
 * precompiled standalone validators in generated code).
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ErrorCode } from '../diagnostics/index.js';
import { closest, type ErrorFinding, type SpecFinding } from './findings.js';
import { findRefCycle } from './ref-cycles.js';
import { budgetedRegExp } from './pattern-budget.js';
import { findBadPattern, findCatastrophicPatterns } from './patterns.js';

// ajv-formats is CommonJS with a default export; under NodeNext its typing is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Path = readonly (string | number)[];

/**
 * Every Ajv the generator builds is silent: with `strict: false` ajv would print what it ignores
 * (an unknown `format`) to the console, unlocated and uncoded, once per compile. What it would say
 * is a located diagnostic instead (CG126, unknownFormats below).
 */
const SILENT = { logger: false } as const;

let shared: Ajv | undefined;
/** One ajv instance for spec checking: all errors, draft-07, formats on, unknown keywords tolerated. */
export function specAjv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, validateSchema: false, addUsedSchema: false, ...SILENT });
    addFormats(shared);
  }
  return shared;
}

/**
 * How a spec's own schemas compile: for checking its examples and for the generated validators
 * alike, so the rules accept exactly what the runtime accepts. `ownProperties`: a config without
 * a `toString` field is not checked against Object.prototype.toString (nor a polluted prototype's
 * fields). The schema is registered (ajv's default), so `$ref: '#'` finds the root. No
 * meta-schema: schemas are validated against it separately, first. Patterns are matched under a
 * time budget in another thread (pattern-budget.ts).
 */
export function specSchemaAjv(options: Options = {}): Ajv {
  // Patterns run only under a time budget, off the thread (pattern-budget.ts); the code ajv writes keeps `new RegExp`.
  const ajv = new Ajv({ allErrors: true, strict: false, meta: false, validateSchema: false, ownProperties: true, ...options, ...SILENT, code: { regExp: budgetedRegExp, ...options.code } });
  addFormats(ajv);
  return ajv;
}

/** Compiles a spec schema without its `$id`: an id names nothing the generator resolves, and two specs may share one. */
export function compileSpecSchemaWith(ajv: Ajv, schema: object): ValidateFunction {
  const { $id: _id, ...withoutId } = schema as { $id?: unknown };
  return ajv.compile(withoutId);
}

/** The JSON Schema (draft-07) type names. */
export const JSON_SCHEMA_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] as const;

/** Where an ajv error is, below `base`: a missing or unknown property is located at that property. */
export function ajvErrorPath(error: ErrorObject, base: Path): (string | number)[] {
  const path = [...base, ...pointerSegments(error.instancePath)];
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  return path;
}

/** ajv error -> path segments below `base` and a message that never quotes the checked value. */
export function findingsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  base: Path,
  code: ErrorCode,
  describe: (error: ErrorObject) => string = ajvMessage,
): ErrorFinding[] {
  return (errors ?? []).map((error) => ({ code, severity: 'error', path: ajvErrorPath(error, base), message: describe(error) }));
}

/**
 * ajv errors -> ONE finding per location. With `allErrors`, ajv reports an `anyOf` failure as the
 * combinator's own error plus one error per alternative, all at the same spot; those become one
 * message ("must be a string or a number"). A combinator whose alternatives failed deeper down is
 * dropped in favour of the deeper, more precise findings.
 */
export function groupedFindings(
  errors: readonly ErrorObject[] | null | undefined,
  base: Path,
  code: ErrorCode,
  describe: (errors: readonly ErrorObject[], path: Path) => { message: string; hint?: string } = (group) => ({ message: describeGroup(group) }),
): SpecFinding[] {
  const groups = new Map<string, { path: (string | number)[]; errors: ErrorObject[] }>();
  for (const error of errors ?? []) {
    const path = ajvErrorPath(error, base);
    const key = JSON.stringify(path);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { path, errors: [] }));
    group.errors.push(error);
  }
  const all = [...groups.values()];
  const below = (outer: Path, inner: Path) => inner.length > outer.length && outer.every((p, i) => inner[i] === p);
  return all
    .filter((group) => !(group.errors.some(isCombinator) && all.some((other) => below(group.path, other.path))))
    .map((group) => {
      const { message, hint } = describe(group.errors, group.path);
      return { code, severity: 'error' as const, path: group.path, message, ...(hint ? { hint } : {}) };
    });
}

const COMBINATORS = new Set(['anyOf', 'oneOf']);
function isCombinator(error: ErrorObject): boolean {
  return COMBINATORS.has(error.keyword);
}

/**
 * The errors ajv reports at one location, as one message: alternatives of an `anyOf`/`oneOf` joined
 * with "or", independent failures with "and"; type errors merged ("must be an object or a boolean").
 */
export function describeGroup(errors: readonly ErrorObject[]): string {
  const alternatives = errors.some(isCombinator);
  // `if` reports "must match "then" schema" next to the failures of `then` itself: those say more.
  const parts = errors.filter((e) => !isCombinator(e) && e.keyword !== 'if');
  const reasons = parts.length ? parts : errors;
  const types = reasons.filter((e) => e.keyword === 'type').flatMap((e) => typeNames(e.params.type));
  const messages: string[] = [];
  let typesAt = -1;
  for (const error of reasons) {
    if (error.keyword === 'type') {
      if (typesAt < 0) typesAt = messages.push('') - 1;
      continue;
    }
    const message = ajvMessage(error);
    if (!messages.includes(message)) messages.push(message);
  }
  if (typesAt >= 0) messages[typesAt] = `must be ${joinWords([...new Set(types)].map(withArticle), 'or')}`;
  // "must match pattern "^x" or be a number", not "... or must be a number".
  if (messages.length > 1 && messages.every((m) => m.startsWith('must '))) {
    return `must ${joinWords(messages.map((m) => m.slice('must '.length)), alternatives ? 'or' : 'and')}`;
  }
  return joinWords(messages, alternatives ? 'or' : 'and');
}

/** One ajv error as a phrase that reads after the path of the value it is about. */
export function ajvMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed here';
    case 'type':
      return `must be ${joinWords(typeNames(params.type).map(withArticle), 'or')}`;
    case 'enum':
      return `must be one of ${((params.allowedValues as unknown[] | undefined) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return 'must be the value the schema fixes with const';
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(params.limit);
      const noun = { Items: 'item', Length: 'character', Properties: 'property' }[error.keyword.slice(3) as 'Items' | 'Length' | 'Properties'];
      const plural = limit === 1 ? noun : noun === 'property' ? 'properties' : `${noun}s`;
      return `must have ${error.keyword.startsWith('min') ? 'at least' : 'at most'} ${limit} ${plural}`;
    }
    case 'not':
      return 'must not match the schema under "not"';
    case 'false schema':
      return 'is not allowed (its schema is false)';
    case 'uniqueItems':
      return `must not repeat an item (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function typeNames(type: unknown): string[] {
  return (Array.isArray(type) ? type : String(type).split(',')).map(String);
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueBelow(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part as string] : undefined;
  return node;
}

/** The draft-07 meta-schema's error for a `type` that is not a type name (or a list of them). */
const TYPE_NAME_ENUM = '#/definitions/simpleTypes/enum';

/** Compiles a spec-supplied schema, or returns the findings that say why it is not valid JSON Schema. */
/** Compiles a (meta-schema-valid) schema to a validate function; throws as ajv.compile does. */
export type SchemaCompiler = (schema: object) => ValidateFunction;

export function compileSpecSchema(schema: unknown, at: Path, compile?: SchemaCompiler): { validate?: ValidateFunction; findings: SpecFinding[] } {
  const ajv = specAjv();
  const unsupported = findShadowingKey(schema, at);
  if (unsupported) return { findings: [unsupported] };
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema as object) as boolean;
  } catch (error) {
    return { findings: [uncheckable('CG120', at, error)] };
  }
  if (!valid) {
    return { findings: groupedFindings(ajv.errors, at, 'CG120', (errors, path) => schemaProblem(errors, path, valueBelow(schema, path.slice(at.length)))) };
  }
  const external = findExternalRef(schema, at) ?? findEmptyPointerSegment(schema, at) ?? findRefCycle(schema, at);
  if (external) return { findings: [external] };
  // Before the example is matched: a pattern that is no regular expression, or one that can backtrack catastrophically.
  const bad = findBadPattern(schema, at);
  if (bad) return { findings: [bad] };
  const catastrophic = findCatastrophicPatterns(schema, at);
  if (catastrophic.some((finding) => finding.severity === 'error')) return { findings: catastrophic };
  const warnings = [...catastrophic, ...unknownFormats(schema, at)];
  try {
    return { validate: (compile ?? ((s: object) => compileSpecSchemaWith(specSchemaAjv(), s)))(schema as object), findings: warnings };
  } catch (error) {
    const missing = (error as { missingRef?: unknown }).missingRef;
    const ref = typeof missing === 'string' ? findLocalRef(schema, at, missing) : undefined;
    if (ref) {
      return {
        findings: [{ code: 'CG120', severity: 'error', path: ref, message: 'points at a definition this schema does not have', hint: 'a local $ref names a path inside the same schema, e.g. "#/definitions/phone"' }],
      };
    }
    return {
      findings: [{ code: 'CG120', severity: 'error', path: at, message: `is not valid JSON Schema: ${(error as Error).message}` }],
    };
  }
}

/** Why one location of a spec-supplied schema is not valid JSON Schema. */
function schemaProblem(errors: readonly ErrorObject[], path: Path, value: unknown): { message: string; hint?: string } {
  const typeName = errors.some((e) => e.keyword === 'enum' && e.schemaPath === TYPE_NAME_ENUM);
  if (typeName && !Array.isArray(value)) {
    // `type: 'strng'` fails the meta-schema three ways (not a type name, not an array, neither of
    // the two): what the author needs is the list of names.
    const inList = typeof path[path.length - 1] === 'number';
    const suggestion = typeof value === 'string' ? closest(value, JSON_SCHEMA_TYPES) : undefined;
    return {
      message: `is not a JSON Schema type; use one of ${JSON_SCHEMA_TYPES.map((t) => JSON.stringify(t)).join(', ')}${inList ? '' : ' (or a list of them)'}`,
      hint: suggestion && `did you mean "${suggestion}"?`,
    };
  }
  // A list of types that is itself wrong (empty, repeated): the "not a type name" alternative is noise.
  const relevant = typeName ? errors.filter((e) => e.schemaPath !== TYPE_NAME_ENUM) : errors;
  return { message: `is not valid JSON Schema: ${describeGroup(relevant)}` };
}

/**
 * ajv compares objects with fast-deep-equal, which calls a value's own `toString`/`valueOf` when
 * it has one: an `enum` or `const` object with such a key (not a function) throws instead of
 * comparing. Reported where it happens, as a finding, never as an exception.
 */
export function uncheckable(code: 'CG120' | 'CG121', path: Path, error: unknown): SpecFinding {
  return {
    code,
    severity: 'error',
    path,
    message: `cannot be checked: ajv failed with "${(error as Error).message}"`,
    hint: 'an object compared by enum, const or uniqueItems may not have a key named toString, valueOf or constructor',
  };
}

/**
 * A key named `hasOwnProperty` anywhere in a schema: json-schema-to-typescript calls
 * `node.hasOwnProperty(...)` on every object of the schema, and the key shadows the method.
 */
function findShadowingKey(root: unknown, at: Path): SpecFinding | undefined {
  const pending: [unknown, Path][] = [[root, at]];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node) && Object.hasOwn(node, 'hasOwnProperty')) {
      return { code: 'CG120', severity: 'error', path: [...path, 'hasOwnProperty'], message: 'is a key the type generator (json-schema-to-typescript) cannot read: it hides the method of that name', hint: 'rename the property or value' };
    }
    for (const [key, value] of Object.entries(node)) pending.push([value, [...path, Array.isArray(node) ? Number(key) : key]]);
  }
  return undefined;
}

/** Only local `#/...` references: the generator never reads files or the network a spec points at. */
function findExternalRef(node: unknown, at: Path): SpecFinding | undefined {
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
          message: 'must be a local reference such as "#/definitions/phone"',
          hint: 'the generator never reads other files or URLs a schema points at; copy the definition into this schema',
        };
      }
      const found = findExternalRef(value, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A local `$ref` with an empty segment (`#/`, `#/definitions//a`): ajv reads `#/` as the whole
 * schema, while JSON Pointer (and json-schema-to-typescript, which emits the types) reads the key
 * "": the check and the generated types would disagree, so neither is guessed.
 */
function findEmptyPointerSegment(node: unknown, at: Path): SpecFinding | undefined {
  const pending: [unknown, Path][] = [[node, at]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const [key, value] of Object.entries(current)) {
      const here = [...path, Array.isArray(current) ? Number(key) : key];
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/') && value.slice(2).split('/').includes('')) {
        return { code: 'CG120', severity: 'error', path: here, message: 'has an empty segment, which tools resolve differently', hint: 'write "#" for the whole schema, or name the definition: "#/definitions/phone"' };
      }
      pending.push([value, here]);
    }
  }
  return undefined;
}

/** The path of the `$ref` whose target ajv could not find (ajv reports it as an absolute or `#...` URI). */
function findLocalRef(node: unknown, at: Path, missing: string): (string | number)[] | undefined {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && missing.endsWith(value)) return [...at, key];
      const found = findLocalRef(value, [...at, Array.isArray(node) ? Number(key) : key], missing);
      if (found) return found;
    }
  }
  return undefined;
}

/** Keywords whose values are data, not schemas: a `format` key inside them is a value. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);
/** Keywords whose values map names to schemas: a key there is a name (a property may be called `default`). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);

/**
 * CG126: a `format` ajv-formats does not define. A warning, not a refusal: JSON Schema makes
 * `format` an annotation that validators may ignore, and schemas shared with other tools carry
 * their formats (OpenAPI's, a team's own); but no generated validator checks it, so any string
 * passes, and the author is told so where the format is written.
 */
function unknownFormats(schema: unknown, at: Path): SpecFinding[] {
  const known = specAjv().formats;
  const found: SpecFinding[] = [];
  /** [node, its path, whether it maps names to schemas] */
  const pending: [unknown, Path, boolean][] = [[schema, at, false]];
  while (pending.length > 0) {
    const [node, path, isMap] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, Array.isArray(node) ? Number(key) : key];
      if (isMap || Array.isArray(node)) {
        pending.push([value, here, false]);
        continue;
      }
      if (key === 'format' && typeof value === 'string' && !Object.hasOwn(known, value)) {
        const suggestion = closest(value, Object.keys(known));
        found.push({
          code: 'CG126',
          severity: 'warning',
          path: here,
          message: `is "${value}", a format the generated validators do not know: they do not check it, so any value passes`,
          hint: suggestion ? `did you mean "${suggestion}"?` : 'use a format ajv-formats defines (email, uri, date-time, uuid, ...) or a pattern',
        });
      }
      if (!DATA_KEYWORDS.has(key)) pending.push([value, here, SCHEMA_MAPS.has(key)]);
    }
  }
  return found.sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}
