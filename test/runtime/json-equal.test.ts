/**
 * Deep equality in precompiled validators (`const`, `enum`, `uniqueItems`): the generated code of
 * real schemas, run against data whose own `toString`/`valueOf`/`constructor` are data, not
 * methods. ajv's own helper called them (a TypeError from the validator); the runtime's compares
 * them as the JSON they are.
 */
import { describe, expect, it } from 'vitest';
import { ajvRuntime } from '@contractgen/runtime/ajv';
import { standaloneValidators, ValidatorCompiler } from '../../generator/emit/standalone-validators.js';
import { jsonEqual } from '../../runtime/validation/json-equal.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** The validator module the generator emits for `schema`, evaluated as JavaScript with the runtime's helper table. */
function generatedValidator(schema: object): Validate {
  const moduleText = standaloneValidators({ check: schema }, new ValidatorCompiler())
    .replace('export const check: PrecompiledValidate =', 'return');
  return new Function('__ajvRuntime', moduleText)(ajvRuntime) as Validate;
}

describe('jsonEqual', () => {
  it('compares JSON values structurally, and never calls a method of the data', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2, length: 2 })).toBe(false);
    expect(jsonEqual({ toString: 'x', valueOf: 1 }, { valueOf: 1, toString: 'x' })).toBe(true);
    expect(jsonEqual({ toString: 'x' }, { toString: 'y' })).toBe(false);
    expect(jsonEqual(JSON.parse('{"__proto__": 1}'), JSON.parse('{"__proto__": 1}'))).toBe(true);
    expect(jsonEqual(JSON.parse('{"__proto__": 1}'), {})).toBe(false);
    expect(jsonEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(true);
    // Not JSON: equal only to itself.
    const date = new Date(0);
    expect(jsonEqual(date, date)).toBe(true);
    expect(jsonEqual(new Date(0), new Date(0))).toBe(false);
    expect(jsonEqual(NaN, NaN)).toBe(true);
  });
});

describe('generated validators on data with its own toString, valueOf and constructor', () => {
  it('uniqueItems: answers instead of throwing', () => {
    const unique = generatedValidator({ type: 'array', uniqueItems: true, items: { type: 'object' } });
    expect(unique([{ toString: 'a' }, { toString: 'b' }])).toBe(true);
    expect(unique([{ valueOf: 1, n: 1 }, { valueOf: 1, n: 1 }])).toBe(false);
    expect(unique([{ constructor: 'x' }, { constructor: 'x' }])).toBe(false);
  });

  it('const and enum: answers instead of throwing', () => {
    const constant = generatedValidator({ const: { mode: 'live' } });
    expect(constant({ mode: 'live' })).toBe(true);
    expect(constant({ mode: 'live', toString: 'x' })).toBe(false);
    const oneOf = generatedValidator({ enum: [{ plan: 'a' }, { plan: 'b', toString: 's' }] });
    expect(oneOf({ plan: 'b', toString: 's' })).toBe(true);
    expect(oneOf({ plan: 'a', valueOf: 2 })).toBe(false);
    expect(oneOf.errors).toEqual([expect.objectContaining({ keyword: 'enum' })]);
  });
});
