/**
 * Whether a binding's value can give what its field accepts: every constant and every map value
 * valid against the field's schema (ajv, as the generated validators check the result), a map
 * value null where the field refuses null ("unmapped provider status"), and the type an `as`
 * conversion or a template gives accepted by the field. What a reference alone gives is known only
 * at run time, where the output is validated.
 */
import type { ValidateFunction } from 'ajv';
import { closest, type SpecFinding } from './findings.js';
import { PatternTimeout } from './pattern-budget.js';
import { compileSpecSchemaWith, describeGroup, specSchemaAjv } from './schema-checks.js';
import { typesOf } from './schema-fields.js';
import { isRecord } from '../values.js';

type Obj = Record<string, unknown>;
type Path = readonly (string | number)[];

/** The field a value fills: its schema, the schema it is part of (for `$ref`s), and how messages name it. */
export interface FieldTarget {
  readonly schema: Obj;
  readonly root?: Obj;
  readonly field: string;
}

/** The JSON types each conversion gives (an integer is also a number). */
const CONVERSION_TYPES: Readonly<Record<string, readonly string[]>> = {
  string: ['string'],
  integer: ['integer', 'number'],
  number: ['number'],
  boolean: ['boolean'],
  'date-time': ['string'],
  json: ['string'],
};

const validators = new Map<string, ValidateFunction | null>();
let ajv: ReturnType<typeof specSchemaAjv> | undefined;

/** The field's schema compiled (with the root's definitions for its `$ref`s), once per distinct schema; null when it does not compile. */
function validatorFor(target: FieldTarget): ValidateFunction | null {
  // The root's definitions travel with the field, so its `$ref`s resolve as they do in the whole schema.
  const shared = Object.fromEntries(['definitions', '$defs'].flatMap((keyword) => (target.root && target.root[keyword] !== undefined ? [[keyword, target.root[keyword]]] : [])));
  const schema = { ...target.schema, ...shared };
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (validate === undefined) {
    try {
      validate = compileSpecSchemaWith((ajv ??= specSchemaAjv()), schema);
    } catch {
      validate = null;
    }
    if (validators.size >= 1_000) validators.clear();
    validators.set(key, validate);
  }
  return validate;
}

/** Why the field refuses `value` (ajv's words), or undefined when it accepts it (or cannot tell). */
function refusal(value: unknown, target: FieldTarget): string | undefined {
  const validate = validatorFor(target);
  try {
    if (!validate || validate(value)) return undefined;
  } catch (error) {
    if (error instanceof PatternTimeout) return undefined;
    throw error;
  }
  return describeGroup(validate.errors ?? []);
}

function enumHint(value: unknown, target: FieldTarget): string | undefined {
  const allowed = target.schema.enum;
  if (typeof value !== 'string' || !Array.isArray(allowed)) return undefined;
  const suggestion = closest(value, allowed.filter((v): v is string => typeof v === 'string'));
  return suggestion ? `did you mean "${suggestion}"?` : `${target.field} is one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** CG190/CG191/CG192 for one value filling `target`. */
export function valueFindings(value: unknown, path: Path, target: FieldTarget): SpecFinding[] {
  if (!isRecord(value)) return [];
  if (Array.isArray(value.first)) return value.first.flatMap((item, i) => valueFindings(item, [...path, 'first', i], target));
  if ('value' in value) {
    const why = refusal(value.value, target);
    return why ? [{ code: 'CG190', severity: 'error', path: [...path, 'value'], message: `is ${JSON.stringify(value.value)}, which ${target.field} refuses: it ${why}`, ...hinted(enumHint(value.value, target)) }] : [];
  }
  const types = typesOf(target.schema, target.root ?? target.schema);
  if (typeof value.template === 'string') return incompatible(types, ['string'], [...path, 'template'], 'a template gives a string', target);
  if (typeof value.from !== 'string') return [];
  const found: SpecFinding[] = [];
  if (isRecord(value.map)) {
    for (const [key, mapped] of Object.entries(value.map)) {
      const why = refusal(mapped, target);
      if (!why) continue;
      const at = [...path, 'map', key];
      if (mapped === null || mapped === undefined) {
        found.push({ code: 'CG191', severity: 'error', path: at, message: `leaves the provider's value ${JSON.stringify(key)} unmapped (null), which ${target.field} refuses: it ${why}`, hint: `map it onto a value ${target.field} accepts, or leave the key out so that an answer with it is an InvalidResponseError` });
      } else {
        found.push({ code: 'CG190', severity: 'error', path: at, message: `maps ${JSON.stringify(key)} to ${JSON.stringify(mapped)}, which ${target.field} refuses: it ${why}`, ...hinted(enumHint(mapped, target)) });
      }
    }
  }
  if (typeof value.as === 'string' && CONVERSION_TYPES[value.as]) {
    found.push(...incompatible(types, CONVERSION_TYPES[value.as]!, [...path, 'as'], `as: '${value.as}' gives ${article(CONVERSION_TYPES[value.as]![0]!)}`, target));
    const format = target.schema.format;
    if (value.as === 'date-time' && typeof format === 'string' && format !== 'date-time') {
      found.push({ code: 'CG192', severity: 'error', path: [...path, 'as'], message: `is 'date-time' (an ISO 8601 date and time), but ${target.field} has format "${format}"` });
    }
  }
  return found;
}

function incompatible(types: readonly string[] | undefined, gives: readonly string[], path: Path, what: string, target: FieldTarget): SpecFinding[] {
  if (!types || gives.some((type) => types.includes(type))) return [];
  return [{ code: 'CG192', severity: 'error', path, message: `${what}, but ${target.field} is ${types.map(article).join(' or ')}`, hint: `convert to what the field accepts (as: ${asFor(types)})` }];
}

function asFor(types: readonly string[]): string {
  const fits = Object.entries(CONVERSION_TYPES).filter(([, gives]) => types.includes(gives[0]!)).map(([as]) => `'${as}'`);
  return fits.join(' or ') || 'none fits: read another value';
}

function article(type: string): string {
  return type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function hinted(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}
