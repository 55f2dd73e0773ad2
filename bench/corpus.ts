/**
 * Synthetic spec corpus for the benchmark: N integration specs and the capability specs they
 * provide, all from a fixed seed (same seed, same bytes), varied in keys, categories, stabilities,
 * modes, capabilities, rate limits and config/secret schema shapes (nested objects, enums, arrays,
 * patterns, formats, `$ref` + `definitions`, defaults, nullable types, maps; 2-30 properties).
 * Every example validates against its schema, secret examples are placeholders, and some files
 * use consts and spreads, so the static loader's evaluation is exercised too.
 *
 * Layout written under `dir`:
 *   specs/capabilities/cap<i>-outbound.ts   defineCapability, key `cap<i>.outbound`
 *   specs/integrations/p<i>-<word>.ts       defineIntegration, key `p<i>.<word>`
 *   schemas/<key>.config.json               the same config schema, with a title (json2ts baseline)
 *   schemas/<key>.secrets.json              the same secret schema, with a title
 *
 * Usage: npx tsx bench/corpus.ts <dir> [n] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INTEGRATION_CATEGORIES } from '../generator/spec-rules/model-schema.js';
import { StabilityEnum } from '../runtime/spec-model/stability.js';

export const DEFAULT_SEED = 20240611;
export const CAPABILITY_COUNT = 20;

export interface CorpusInfo {
  readonly dir: string;
  readonly specsDir: string;
  readonly schemasDir: string;
  readonly n: number;
  readonly seed: number;
  /** Integration keys in file order, with their spec file (relative to `dir`). */
  readonly integrations: readonly { key: string; file: string; title: string }[];
  readonly capabilities: readonly { key: string; file: string }[];
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for synthetic data; deterministic across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const WORDS = [
  'alpha', 'beacon', 'cobalt', 'delta', 'ember', 'falcon', 'garnet', 'harbor', 'iris', 'jade',
  'kestrel', 'lumen', 'meridian', 'nimbus', 'onyx', 'pioneer', 'quartz', 'raven', 'summit', 'tundra',
  'umber', 'vector', 'willow', 'xenon', 'yonder', 'zephyr', 'atlas', 'bramble', 'cinder', 'drift',
  'echo', 'fjord', 'glacier', 'helix', 'indigo', 'juniper', 'krypton', 'lattice', 'mosaic', 'nova',
  'orbit', 'prism', 'quill', 'ripple', 'sierra', 'tidal', 'ultra', 'vertex', 'wren', 'yarrow',
] as const;

const PROPERTY_NAMES = [
  'region', 'endpoint', 'timeout', 'retries', 'sender', 'replyTo', 'webhookUrl', 'locale', 'currency',
  'projectId', 'workspace', 'environment', 'batchSize', 'maxConnections', 'tags', 'labels', 'priority',
  'channel', 'template', 'fallback', 'sandbox', 'verbose', 'logLevel', 'proxy', 'tls', 'compression',
  'pageSize', 'cursorField', 'schedule', 'timezone', 'quietHours', 'routing', 'weights', 'limits',
  'owner', 'team', 'costCenter', 'notes', 'features', 'mode', 'apiVersion', 'baseUrl', 'callbackPath',
  'signingAlgorithm', 'maxPayloadBytes', 'dedupeWindow', 'archive', 'retention', 'bucket', 'prefix',
  'threshold', 'sampleRate', 'dimensions', 'metrics', 'contact', 'address', 'billing', 'shipping',
] as const;

const SECRET_NAMES = ['apiKey', 'apiSecret', 'clientId', 'clientSecret', 'accessToken', 'refreshToken', 'signingSecret', 'password', 'username', 'webhookSecret', 'privateKey', 'tenantId'] as const;

const NOUNS = ['Widget', 'Message', 'Order', 'Ticket', 'Invoice', 'Report', 'Upload', 'Contact', 'Event', 'Lead', 'Payment', 'Document', 'Job', 'Alert', 'Record', 'Session', 'Task', 'Note', 'Deal', 'Asset'] as const;
const VERBS = ['send', 'create', 'get', 'list', 'update', 'cancel', 'sync', 'fetch'] as const;
const EVENT_SUFFIXES = ['Delivered', 'Failed', 'Received', 'Updated', 'Expired'] as const;
const DOMAINS = ['communications', 'commerce', 'data', 'identity', 'operations', 'productivity'] as const;
const HEALTH_METHODS = ['ping', 'list', 'custom'] as const;
const STABILITY_MEMBERS = Object.keys(StabilityEnum) as (keyof typeof StabilityEnum)[];

const SENTENCE_WORDS = ['fast', 'reliable', 'regional', 'managed', 'secure', 'batched', 'streaming', 'hosted', 'open', 'global', 'scoped', 'audited'];
function sentence(rng: Rng, subject: string): string {
  const [a, b] = rng.sample(SENTENCE_WORDS, 2);
  return `${capitalize(a!)} and ${b} ${subject}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pascal(key: string): string {
  return key
    .split(/[.-]/)
    .map((part) => capitalize(part))
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Schemas with matching examples

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [keyword: string]: Json };

interface Generated {
  readonly schema: Schema;
  readonly example: Json;
}

/** Patterns with a value that matches them. */
const PATTERNS: readonly [string, string][] = [
  ['^[a-z]{3}-\\d+$', 'abc-42'],
  ['^\\+[1-9]\\d{1,14}$', '+15551234567'],
  ['^[A-Z]{2}$', 'US'],
  ['^https://', 'https://example.com/hook'],
  ['^[a-z0-9-]+$', 'my-project-1'],
  ['^v\\d+$', 'v2'],
  ['^[A-Z][A-Za-z ]*$', 'Acme Ops'],
];

const FORMATS: readonly [string, string][] = [
  ['uri', 'https://example.com/callback'],
  ['email', 'ops@example.com'],
  ['date-time', '2024-05-01T12:00:00Z'],
  ['hostname', 'api.example.com'],
];

const ENUM_SETS: readonly (readonly string[])[] = [
  ['us-east-1', 'eu-west-1', 'ap-south-1'],
  ['test', 'live'],
  ['debug', 'info', 'warn', 'error'],
  ['low', 'normal', 'high', 'urgent'],
  ['json', 'xml', 'csv'],
  ['daily', 'weekly', 'monthly'],
];

interface SchemaContext {
  readonly rng: Rng;
  /** Shared `definitions` of the root schema (for `$ref`). */
  readonly definitions: Map<string, Generated>;
  readonly allowRefs: boolean;
}

function describeMaybe(ctx: SchemaContext, schema: Schema, name: string): Schema {
  if (ctx.rng.chance(0.55)) schema.description = `The ${name.replace(/([A-Z])/g, ' $1').toLowerCase()} to use.`;
  return schema;
}

function stringValue(ctx: SchemaContext, name: string): Generated {
  const { rng } = ctx;
  const roll = rng.float();
  if (roll < 0.25) {
    const values = rng.pick(ENUM_SETS);
    const schema: Schema = { type: 'string', enum: [...values] };
    if (rng.chance(0.4)) schema.default = values[0]!;
    return { schema, example: rng.pick(values) };
  }
  if (roll < 0.45) {
    const [pattern, value] = rng.pick(PATTERNS);
    return { schema: { type: 'string', pattern }, example: value };
  }
  if (roll < 0.6) {
    const [format, value] = rng.pick(FORMATS);
    return { schema: { type: 'string', format }, example: value };
  }
  if (roll < 0.7) return { schema: { type: ['string', 'null'] }, example: rng.chance(0.5) ? null : `${name}-value` };
  const schema: Schema = { type: 'string' };
  const example = `${name}-value`;
  if (rng.chance(0.4)) {
    schema.minLength = 1;
    schema.maxLength = example.length + rng.int(0, 200);
  }
  if (rng.chance(0.25)) schema.default = `default-${name.toLowerCase()}`;
  return { schema, example };
}

function numberValue(ctx: SchemaContext): Generated {
  const { rng } = ctx;
  const integer = rng.chance(0.6);
  const schema: Schema = { type: integer ? 'integer' : 'number' };
  const min = rng.int(0, 10);
  const max = min + rng.int(5, 10_000);
  if (rng.chance(0.6)) {
    schema.minimum = min;
    schema.maximum = max;
  }
  if (rng.chance(0.3)) schema.default = min;
  const value = integer ? rng.int(min, max) : Math.round((min + rng.float() * (max - min)) * 100) / 100;
  return { schema, example: value };
}

function arrayValue(ctx: SchemaContext, name: string, depth: number): Generated {
  const { rng } = ctx;
  const roll = rng.float();
  let item: Generated;
  if (roll < 0.35) item = { schema: { type: 'string' }, example: `${name}-item` };
  else if (roll < 0.55) {
    const values = rng.pick(ENUM_SETS);
    item = { schema: { type: 'string', enum: [...values] }, example: values[0]! };
  } else if (roll < 0.7) item = numberValue(ctx);
  else item = objectValue(ctx, depth + 1, rng.int(2, 3));
  const schema: Schema = { type: 'array', items: item.schema };
  if (rng.chance(0.3)) schema.maxItems = rng.int(5, 50);
  if (rng.chance(0.3)) schema.uniqueItems = true;
  const count = rng.int(1, 2);
  const example = schema.uniqueItems ? [item.example] : Array.from({ length: count }, () => item.example);
  if (rng.chance(0.2)) {
    schema.minItems = 1;
  }
  return { schema, example };
}

function mapValue(ctx: SchemaContext, name: string): Generated {
  const valueType = ctx.rng.pick(['string', 'number', 'boolean'] as const);
  const example: Json = valueType === 'string' ? `${name}-v` : valueType === 'number' ? 3 : true;
  return { schema: { type: 'object', additionalProperties: { type: valueType } }, example: { key1: example } };
}

function refValue(ctx: SchemaContext, depth: number): Generated {
  const { rng, definitions } = ctx;
  // Reuse an existing definition half the time, so a definition is referenced more than once.
  if (definitions.size > 0 && rng.chance(0.5)) {
    const name = rng.pick([...definitions.keys()]);
    return { schema: { $ref: `#/definitions/${name}` }, example: definitions.get(name)!.example };
  }
  const name = `${rng.pick(['endpoint', 'contact', 'window', 'target', 'credentialRef', 'address'])}${definitions.size + 1}`;
  const generated = objectValue({ ...ctx, allowRefs: false }, depth + 1, rng.int(2, 4));
  definitions.set(name, generated);
  return { schema: { $ref: `#/definitions/${name}` }, example: generated.example };
}

function propertyValue(ctx: SchemaContext, name: string, depth: number): Generated {
  const { rng } = ctx;
  const roll = rng.float();
  let generated: Generated;
  if (roll < 0.38) generated = stringValue(ctx, name);
  else if (roll < 0.55) generated = numberValue(ctx);
  else if (roll < 0.63) {
    const schema: Schema = { type: 'boolean' };
    if (rng.chance(0.4)) schema.default = false;
    generated = { schema, example: rng.chance(0.5) };
  } else if (roll < 0.75) generated = arrayValue(ctx, name, depth);
  else if (roll < 0.8) generated = mapValue(ctx, name);
  else if (roll < 0.88 && ctx.allowRefs) generated = refValue(ctx, depth);
  else if (depth < 2) generated = objectValue(ctx, depth + 1, rng.int(2, depth === 0 ? 5 : 3));
  else generated = stringValue(ctx, name);
  if (!('$ref' in generated.schema)) describeMaybe(ctx, generated.schema, name);
  return generated;
}

function propertyNames(rng: Rng, count: number, vocabulary: readonly string[]): string[] {
  const names = rng.sample(vocabulary, count);
  for (let i = names.length; i < count; i++) names.push(`${rng.pick(vocabulary)}${i}`);
  return names;
}

function objectValue(ctx: SchemaContext, depth: number, count: number): Generated {
  const { rng } = ctx;
  const properties: Record<string, Json> = {};
  const example: Record<string, Json> = {};
  const required: string[] = [];
  for (const name of propertyNames(rng, count, PROPERTY_NAMES)) {
    const generated = propertyValue(ctx, name, depth);
    properties[name] = generated.schema;
    const isRequired = rng.chance(0.4);
    if (isRequired) required.push(name);
    if (isRequired || rng.chance(0.6)) example[name] = generated.example;
  }
  const schema: Schema = { type: 'object' };
  if (required.length > 0) schema.required = required;
  if (rng.chance(0.35)) schema.additionalProperties = false;
  schema.properties = properties;
  return { schema, example };
}

/** A root object schema with `count` properties; sometimes with `definitions` used through `$ref`. */
function rootSchema(rng: Rng, count: number): Generated {
  const ctx: SchemaContext = { rng, definitions: new Map(), allowRefs: rng.chance(0.45) };
  const generated = objectValue(ctx, 0, count);
  if (ctx.definitions.size === 0) return generated;
  const definitions = Object.fromEntries([...ctx.definitions].map(([name, g]) => [name, g.schema]));
  return { schema: { ...generated.schema, definitions }, example: generated.example };
}

/** Secrets: strings only (secret stores hold strings); examples are obvious placeholders. */
function secretSchema(rng: Rng): Generated {
  const names = rng.sample(SECRET_NAMES, rng.int(2, 6));
  const properties: Record<string, Json> = {};
  const example: Record<string, Json> = {};
  const required: string[] = [];
  for (const name of names) {
    const roll = rng.float();
    let schema: Schema;
    let value: string;
    if (roll < 0.25) {
      schema = { type: 'string', pattern: '^(test|live)_' };
      value = 'test_xxx';
    } else if (roll < 0.45) {
      schema = { type: 'string', minLength: 8 };
      value = 'xxxxxxxx';
    } else {
      schema = { type: 'string' };
      value = rng.pick(['xxx', '***', 'placeholder', 'your-value-here']);
    }
    if (rng.chance(0.6)) schema.description = `The ${name.replace(/([A-Z])/g, ' $1').toLowerCase()} from the provider console.`;
    properties[name] = schema;
    const isRequired = required.length === 0 || rng.chance(0.5);
    if (isRequired) required.push(name);
    if (isRequired || rng.chance(0.5)) example[name] = value;
  }
  return { schema: { type: 'object', required, additionalProperties: rng.chance(0.5) ? false : true, properties }, example };
}

// ---------------------------------------------------------------------------------------------
// TypeScript source

/** A piece of source text placed as is (an identifier, or a spread when the key starts with `...`). */
class Raw {
  constructor(readonly text: string) {}
}
type Source = Json | Raw | Source[] | { [key: string]: Source };

function ts(value: Source, indent = ''): string {
  if (value instanceof Raw) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    const items = value.map((v) => ts(v, inner));
    const flat = `[${items.join(', ')}]`;
    return flat.length <= 80 && !flat.includes('\n') ? flat : `[\n${items.map((i) => inner + i).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value).map(([key, v]) => {
    if (key.startsWith('...')) return `...${(v as Raw).text}`;
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
    return `${name}: ${ts(v, inner)}`;
  });
  if (entries.length === 0) return '{}';
  const flat = `{ ${entries.join(', ')} }`;
  return flat.length <= 80 && !flat.includes('\n') ? flat : `{\n${entries.map((e) => inner + e).join(',\n')},\n${indent}}`;
}

interface Hoisted {
  readonly consts: string[];
}

/**
 * Rewrites a root schema for the TypeScript file: one nested property moved to a const used by
 * name, two or three properties moved to a const spread into `properties`.
 */
function withConsts(rng: Rng, schema: Schema, prefix: string, hoisted: Hoisted): Source {
  const properties = schema.properties as Record<string, Json>;
  const names = Object.keys(properties);
  const out: Record<string, Source> = {};
  const spreadNames = names.length >= 4 && rng.chance(0.7) ? names.slice(0, rng.int(2, 3)) : [];
  if (spreadNames.length > 0) {
    const constName = `${prefix}Common`;
    hoisted.consts.push(`const ${constName} = ${ts(Object.fromEntries(spreadNames.map((n) => [n, properties[n]!])))} as const;`);
    out[`...${constName}`] = new Raw(constName);
  }
  for (const name of names) {
    if (spreadNames.includes(name)) continue;
    const property = properties[name]!;
    const isObject = typeof property === 'object' && property !== null && !Array.isArray(property) && property.type !== undefined;
    if (isObject && hoisted.consts.length < 3 && rng.chance(0.3)) {
      const constName = `${prefix}${capitalize(name)}`;
      hoisted.consts.push(`const ${constName} = ${ts(property)} as const;`);
      out[name] = new Raw(constName);
    } else out[name] = property;
  }
  return { ...schema, properties: out };
}

// ---------------------------------------------------------------------------------------------
// Capabilities

interface CapabilityPlan {
  readonly key: string;
  readonly version: string;
  readonly file: string;
  readonly source: string;
}

function capability(rng: Rng, i: number): CapabilityPlan {
  const key = `cap${i}.outbound`;
  const major = rng.int(1, 3);
  const version = `${major}.${rng.int(0, 4)}.${rng.int(0, 9)}`;
  const nouns = rng.sample(NOUNS, 3);
  const operations: Record<string, Source> = {};
  const opCount = rng.int(1, 3);
  for (let k = 0; k < opCount; k++) {
    const noun = nouns[k]!;
    // Operation names are unique across capabilities (suffix `C<i>`): an integration provides several.
    const name = `${rng.pick(VERBS)}${noun}C${i}`;
    const input = rootSchema(rng, rng.int(2, 8));
    const output = rootSchema(rng, rng.int(2, 8));
    operations[name] = { description: `${capitalize(name.replace(/C\d+$/, '').replace(/([A-Z])/g, ' $1').toLowerCase())}.`, idempotent: rng.chance(0.5), input: input.schema, output: output.schema };
  }
  const events: Record<string, Source> = {};
  const eventCount = rng.chance(0.5) ? rng.int(1, 2) : 0;
  for (let k = 0; k < eventCount; k++) {
    const name = `${nouns[0]!.toLowerCase()}${EVENT_SUFFIXES[k]}C${i}`;
    events[name] = { description: `A ${nouns[0]!.toLowerCase()} was ${EVENT_SUFFIXES[k]!.toLowerCase()}.`, payload: rootSchema(rng, rng.int(2, 6)).schema };
  }
  const spec: Record<string, Source> = {
    meta: {
      key,
      version,
      title: `Capability ${i}`,
      description: sentence(rng, `${nouns[0]!.toLowerCase()} operations`),
      domain: rng.pick(DOMAINS),
      owners: [`team.cap${i}`],
      tags: rng.sample(WORDS, rng.int(1, 3)),
      stability: new Raw(`StabilityEnum.${rng.pick(STABILITY_MEMBERS)}`),
    },
    operations,
  };
  if (eventCount > 0) spec.events = events;
  const source = `import { defineCapability, StabilityEnum } from 'contractgen/spec';\n\nexport const cap${i}Outbound = defineCapability(${ts(spec)});\n`;
  return { key, version, file: `specs/capabilities/cap${i}-outbound.ts`, source };
}

// ---------------------------------------------------------------------------------------------
// Integrations

interface IntegrationPlan {
  readonly key: string;
  readonly title: string;
  readonly file: string;
  readonly source: string;
  readonly config: Schema;
  readonly secrets: Schema;
}

function integration(rng: Rng, i: number, capabilities: readonly CapabilityPlan[]): IntegrationPlan {
  const word = rng.pick(WORDS);
  const key = `p${i}.${word}`;
  const name = pascal(key);
  const exportName = `p${i}${capitalize(word)}`;
  const category = rng.pick(INTEGRATION_CATEGORIES);
  const modes = rng.pick([['managed'], ['byok'], ['managed', 'byok'], ['byok', 'managed']] as const);
  const provided = rng.sample(capabilities, rng.int(1, 3));
  const required = rng.chance(0.15) ? rng.sample(capabilities.filter((c) => !provided.includes(c)), 1) : [];
  const ref = (c: CapabilityPlan) => ({ key: c.key, version: `${c.version.split('.')[0]}.0.0` });
  const config = rootSchema(rng, rng.int(2, 30));
  const secrets = secretSchema(rng);
  const useConsts = rng.chance(0.35);
  const hoisted: Hoisted = { consts: [] };
  const stabilityMember = rng.pick(STABILITY_MEMBERS);

  const meta: Record<string, Source> = {
    key,
    version: `${rng.int(0, 3)}.${rng.int(0, 9)}.${rng.int(0, 20)}${rng.chance(0.1) ? '-beta.1' : ''}`,
    category,
    title: `${capitalize(word)} ${i}`,
    description: sentence(rng, `${category} provider number ${i}`),
    domain: rng.pick(DOMAINS),
    owners: [`team.${word}`],
    tags: [category, ...rng.sample(WORDS, rng.int(0, 2))],
    // Both spellings a spec may use: the enum member and its string value.
    stability: rng.chance(0.7) ? new Raw(`StabilityEnum.${stabilityMember}`) : StabilityEnum[stabilityMember],
  };
  const spec: Record<string, Source> = {
    meta,
    supportedModes: [...modes],
    capabilities: required.length > 0 ? { provides: provided.map(ref), requires: required.map(ref) } : { provides: provided.map(ref) },
    configSchema: {
      schema: useConsts ? withConsts(rng, config.schema, `${exportName}Config`, hoisted) : config.schema,
      example: config.example,
    },
    secretSchema: { schema: secrets.schema, example: secrets.example },
    healthCheck: { method: rng.pick(HEALTH_METHODS), timeoutMs: rng.pick([1000, 1500, 3000, 5000, 10000]) },
  };
  if (rng.chance(0.7)) spec.docsUrl = `https://docs.example.com/${word}/${i}`;
  const constraints: Record<string, Source> = {};
  if (rng.chance(0.6)) {
    const rateLimit: Record<string, Source> = {};
    if (rng.chance(0.8)) rateLimit.rpm = rng.int(10, 6000);
    if (rng.chance(0.4)) rateLimit.rph = rng.int(1000, 100_000);
    constraints.rateLimit = rateLimit;
  }
  if (rng.chance(0.2)) constraints.quotas = { [`${rng.pick(NOUNS).toLowerCase()}sPerDay`]: rng.int(100, 100_000) };
  if (Object.keys(constraints).length > 0) spec.constraints = constraints;
  if ((modes as readonly string[]).includes('byok')) {
    const byok: Record<string, Source> = { setupInstructions: `Create an API key in the ${capitalize(word)} console and paste it into the secret store.` };
    if (rng.chance(0.5)) byok.requiredScopes = rng.sample(['read', 'write', 'admin', 'messages:send', 'files:read'], rng.int(1, 3));
    if (rng.chance(0.5)) byok.docsUrl = `https://docs.example.com/${word}/byok`;
    spec.byokSetup = byok;
  }

  let specSource: Source = spec;
  const lines = [`import { defineIntegration, StabilityEnum } from 'contractgen/spec';`, ''];
  if (useConsts) {
    // Meta fields from a const, spread into meta; the health check from a const used by name.
    const owner = `${exportName}Owner`;
    lines.push(...hoisted.consts, `const ${owner} = { domain: ${JSON.stringify(meta.domain)}, owners: ${ts(meta.owners!)} } as const;`, '');
    const { domain: _d, owners: _o, ...rest } = meta;
    specSource = { ...spec, meta: { ...rest, [`...${owner}`]: new Raw(owner) } };
  }
  lines.push(`/** ${name}: synthetic benchmark spec ${i}. */`, `export const ${exportName}Spec = defineIntegration(${ts(specSource)});`, '');
  return { key, title: meta.title as string, file: `specs/integrations/p${i}-${word}.ts`, source: lines.join('\n'), config: config.schema, secrets: secrets.schema };
}

// ---------------------------------------------------------------------------------------------

/** Writes a fresh corpus into `dir` (its `specs/` and `schemas/` are replaced). */
/** `capabilityCount`: fewer than the benchmark's 20 makes a smaller project for tests (the integrations then differ too). */
export function buildCorpus(dir: string, n: number, seed: number = DEFAULT_SEED, capabilityCount = CAPABILITY_COUNT): CorpusInfo {
  const root = resolve(dir);
  const specsDir = join(root, 'specs');
  const schemasDir = join(root, 'schemas');
  rmSync(specsDir, { recursive: true, force: true });
  rmSync(schemasDir, { recursive: true, force: true });
  mkdirSync(join(specsDir, 'integrations'), { recursive: true });
  mkdirSync(join(specsDir, 'capabilities'), { recursive: true });
  mkdirSync(schemasDir, { recursive: true });
  // The corpus is its own project: this pins the root (no config found further up applies) and
  // leaves no adapters folder, so only the corpus's specs are read.
  writeFileSync(join(root, 'contractgen.config.json'), JSON.stringify({ specs: 'specs', out: 'generated' }, null, 2) + '\n');

  // Capabilities come from their own stream, so N=100 and N=1000 share the same capability set.
  const capRng = new Rng(seed ^ 0x5eed);
  const capabilities = Array.from({ length: capabilityCount }, (_, i) => capability(capRng, i + 1));
  for (const c of capabilities) writeFileSync(join(root, c.file), c.source);

  const rng = new Rng(seed);
  const integrations: { key: string; file: string; title: string }[] = [];
  for (let i = 0; i < n; i++) {
    const plan = integration(rng, i, capabilities);
    writeFileSync(join(root, plan.file), plan.source);
    const title = pascal(plan.key);
    writeFileSync(join(schemasDir, `${plan.key}.config.json`), JSON.stringify({ title: `${title}Config`, ...plan.config }, null, 2) + '\n');
    writeFileSync(join(schemasDir, `${plan.key}.secrets.json`), JSON.stringify({ title: `${title}Secrets`, ...plan.secrets }, null, 2) + '\n');
    integrations.push({ key: plan.key, file: plan.file, title: plan.title });
  }
  return {
    dir: root,
    specsDir,
    schemasDir,
    n,
    seed,
    integrations,
    capabilities: capabilities.map((c) => ({ key: c.key, file: c.file })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: npx tsx bench/corpus.ts <dir> [n=100] [seed]\n');
    process.exit(2);
  }
  const info = buildCorpus(dir, Number(n ?? 100), seed === undefined ? DEFAULT_SEED : Number(seed));
  process.stdout.write(`wrote ${info.integrations.length} integrations and ${info.capabilities.length} capabilities to ${info.dir}\n`);
}
