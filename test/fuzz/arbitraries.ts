/**
 * fast-check arbitraries for the spec cases of the fuzzer: whole integration specs built from odd
 * values (property-based), and mutation plans for real specs (mutation-based). Each is a case kind
 * (case.ts) that kinds.ts draws from; the same seed gives the same cases, so a failure found in a
 * long run replays.
 */
import fc from 'fast-check';
import type { CaseKind } from './case.js';
import { applyByteMutation, applyTokenMutation, BYTE_OPERATIONS, TOKEN_OPERATIONS, type ByteMutation, type TokenMutation } from './mutate.js';
import { EXTREME_NUMBERS, NESTING_DEPTHS, ODD_KEYS, ODD_PATTERNS, ODD_REFS, ODD_STRINGS, stringSource } from './odd-values.js';
import { loadSeeds, TARGET_PATH } from './seeds.js';

/** Mostly plain text (so specs get far enough to be emitted), often odd, sometimes any code point or control. */
const text = fc.oneof(
  { arbitrary: fc.constantFrom('Twilio', 'Send one SMS.', 'platform.messaging'), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 3 },
  // Any code point, lone surrogates included: fast-check's `unit: 'binary'`, which takes seconds to build (every thread that loads the kinds would pay it).
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }), weight: 1 },
);
const key = fc.oneof({ arbitrary: fc.constantFrom('from', 'region', 'apiKey'), weight: 3 }, { arbitrary: fc.constantFrom(...ODD_KEYS), weight: 2 }, { arbitrary: text, weight: 1 });
/** Numbers as values: any double (NaN and the infinities included), and the extremes as written in source. */
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...EXTREME_NUMBERS.map(Number)), fc.constant(3000));
/** Usually what a valid spec holds, sometimes anything: each field is odd often enough, and whole specs still get through to the emitters. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 7 }, { arbitrary: odd, weight: 1 });
const count = mostly(fc.integer({ min: 1, max: 100_000 }), number);

const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(key, tie('json'), { maxKeys: 3 }),
  ),
}));

const { schema } = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null'), description: text }, { requiredKeys: ['type'] }),
    fc.record(
      { type: fc.constant('object'), properties: fc.dictionary(key, tie('schema'), { maxKeys: 3 }), required: fc.array(key, { maxLength: 2 }), additionalProperties: fc.oneof(fc.boolean(), tie('schema')), definitions: fc.dictionary(key, tie('schema'), { maxKeys: 2 }) },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constant('array'), items: tie('schema'), maxItems: number, uniqueItems: fc.boolean() }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('string'), maxLength: number, minLength: number, pattern: fc.constantFrom(...ODD_PATTERNS), format: fc.constantFrom('uri', 'email', 'date-time', 'nope'), enum: fc.array(json, { minLength: 1, maxLength: 3 }), default: json }, { requiredKeys: ['type'] }),
    fc.record({ $ref: fc.constantFrom(...ODD_REFS) }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ const: json }),
    fc.record({ type: fc.constantFrom('strng', 1, null, ['string', 'string']) }),
    fc.record({ type: fc.constant('number'), minimum: number, maximum: number, multipleOf: number }, { requiredKeys: ['type'] }),
  ),
}));

/** A spec value that goes very deep, around and beyond the nesting limits. */
const deep = (value: fc.Arbitrary<unknown>) => fc.tuple(value, fc.constantFrom(...NESTING_DEPTHS)).map(([inner, depth]) => Array.from({ length: depth }).reduce<unknown>((v) => [v], inner));

const plainSchema = fc.record({ type: fc.constantFrom('string', 'number', 'boolean'), description: text }, { requiredKeys: ['type'] });
const objectSchema = (property: fc.Arbitrary<unknown>) =>
  mostly(fc.record({ type: fc.constant('object'), properties: fc.dictionary(key, property, { maxKeys: 4 }), required: mostly(fc.constant([]), fc.array(key, { maxLength: 2 })) }), schema);
const stringSchema = fc.record({ type: fc.constant('string'), description: text }, { requiredKeys: ['type'] });

const integrationSpec = fc.record(
  {
    meta: fc.record({
      key: mostly(fc.constant('fuzz.target'), text),
      version: mostly(fc.constant('1.0.0'), text),
      category: mostly(fc.constantFrom('sms', 'other'), fc.constant('nope')),
      title: text,
      description: text,
      domain: text,
      owners: fc.array(text, { maxLength: 2 }),
      tags: fc.array(text, { maxLength: 2 }),
      stability: mostly(fc.constantFrom('beta', 'stable'), fc.constant('nope')),
    }),
    supportedModes: mostly(fc.constantFrom(['byok'], ['managed', 'byok']), fc.array(text, { maxLength: 2 })),
    capabilities: fc.constantFrom({ provides: [{ key: 'sms.outbound', version: '1.0.0' }] }, { provides: [{ key: 'mail.outbound', version: '2.0.0' }] }, { provides: [] }),
    configSchema: fc.record({ schema: objectSchema(mostly(plainSchema, schema)), example: fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: fc.dictionary(key, json, { maxKeys: 4 }), weight: 2 }, { arbitrary: deep(json), weight: 1 }) }),
    secretSchema: fc.record({ schema: objectSchema(mostly(stringSchema, schema)), example: mostly(fc.constant({}), fc.dictionary(key, text, { maxKeys: 3 })) }),
    healthCheck: fc.record({ method: mostly(fc.constantFrom('custom', 'ping'), fc.constant('nope')), timeoutMs: count }),
    docsUrl: mostly(fc.oneof(fc.constant('https://example.com/docs'), text.map((t) => `https://example.com/${t}`)), text),
    constraints: fc.record({ rateLimit: fc.record({ rpm: count }), quotas: fc.dictionary(key, count, { maxKeys: 2 }) }, { requiredKeys: [] }),
    byokSetup: fc.record({ setupInstructions: text, requiredScopes: fc.array(text, { maxLength: 2 }), docsUrl: fc.constant('https://example.com/setup') }, { requiredKeys: ['setupInstructions'] }),
  },
  { requiredKeys: ['meta', 'supportedModes', 'capabilities', 'configSchema', 'secretSchema', 'healthCheck', 'byokSetup'] },
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** How a value is written as TypeScript: strings raw or escaped, `__proto__` keys quoted (data) or bare. */
export interface RenderStyle {
  readonly rawStrings: boolean;
  readonly bareKeys: boolean;
}

/** A JSON-like value as TypeScript source; numbers no double can hold are written as `1e400` and `NaN`. */
export function renderTs(value: unknown, style: RenderStyle, indent = ''): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? '1e400' : '-1e400';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'string') return stringSource(value, style.rawStrings);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[${value.map((item) => renderTs(item, style, inner)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const name = style.bareKeys && IDENTIFIER.test(k) ? k : stringSource(k, style.rawStrings);
    return `\n${inner}${name}: ${renderTs(v, style, inner)}`;
  });
  return entries.length ? `{${entries.join(',')}\n${indent}}` : '{}';
}

/** An integration spec built from odd values, beside the companions. */
export const generatedSpecKind: CaseKind = {
  name: 'generated spec',
  weight: 8,
  arbitrary: fc.record({ spec: integrationSpec, style: fc.record({ rawStrings: fc.boolean(), bareKeys: fc.boolean() }) }).map(({ spec, style }) => ({
    label: 'generated spec',
    files: [{ path: TARGET_PATH, content: `import { defineIntegration } from 'contractgen/spec';\n\nexport const fuzzed = defineIntegration(${renderTs(spec, style)});\n` }],
  })),
};

/** Edits of values keep the syntax (and reach the checks and emitters) more often than edits of tokens: twice as likely. */
const VALUE_EDITS: readonly TokenMutation['op'][] = ['number', 'string', 'key', 'nest'];
const operation = fc.oneof({ arbitrary: fc.constantFrom(...TOKEN_OPERATIONS), weight: 1 }, { arbitrary: fc.constantFrom(...VALUE_EDITS), weight: 2 });
const tokenMutation: fc.Arbitrary<TokenMutation> = fc.record({ op: operation, at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), pick: fc.nat(1000), raw: fc.boolean() });
const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({ op: fc.constantFrom(...BYTE_OPERATIONS), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) });

/** A real spec (a companion, over itself, or an integration beside them) with random edits. */
export const mutationKind: CaseKind = {
  name: 'mutation',
  weight: 12,
  arbitrary: fc.record({ seed: fc.constantFrom(...loadSeeds()), edits: fc.array(tokenMutation, { minLength: 1, maxLength: 3 }), bytes: fc.option(byteMutation, { freq: 8 }) }).map(({ seed, edits, bytes }) => {
    const text = edits.reduce(applyTokenMutation, seed.text);
    const describe = edits.map((e) => `${e.op}@${e.at.toFixed(3)}#${e.pick}${e.raw ? 'r' : ''}`).join(' ');
    return {
      label: `mutation of ${seed.name}: ${describe}${bytes ? ` bytes:${bytes.op}@${bytes.at.toFixed(3)}` : ''}`,
      files: [{ path: seed.path, content: bytes ? applyByteMutation(text, bytes) : text }],
    };
  }),
};
