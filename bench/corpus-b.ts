/**
 * A second synthetic corpus, shaped unlike bench/corpus.ts, so a bar that holds there is checked
 * on specs it was not tuned on. Where corpus A has few capabilities and large, deeply nested
 * config schemas (2-30 properties, `$ref`, maps, nested arrays), this one has:
 *
 * - small, flat schemas (2-8 scalar properties, a few enums and formats, rarely one nested object),
 *   the way most provider configs look, so json2ts is cheap and per-spec overheads dominate;
 * - 60 capabilities of 2-6 operations each, integrations providing 1-4 of them;
 * - a shared constants module (`specs/shared/common.ts`) that most specs import values from, and
 *   a third of the integrations defined two to a file.
 *
 * Layout: specs/capabilities/<domain>-<i>.ts, specs/integrations/vendor-<i>.ts (one or two
 * integrations each), specs/shared/common.ts, and schemas/<key>.{config,secrets}.json for the
 * json2ts baseline. Same seed, same bytes.
 *
 * Usage: npx tsx bench/corpus-b.ts <dir> [n] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32, type CorpusInfo } from './corpus.js';

export const DEFAULT_SEED_B = 7_000_003;
const CAPABILITIES = 60;
const DOMAINS = ['billing', 'identity', 'storage', 'search', 'mail', 'chat', 'maps', 'ledger', 'crm', 'ads'];
const CATEGORIES = ['sms', 'messaging', 'email', 'voice', 'push', 'payments', 'storage', 'analytics', 'auth', 'ai', 'crm', 'calendar', 'search', 'observability', 'other'];
const FIELDS = ['region', 'endpoint', 'timeoutMs', 'retries', 'locale', 'sandbox', 'currency', 'projectId', 'tenant', 'channel', 'priority', 'batchSize', 'webhookUrl', 'senderName', 'logLevel'];
const VERBS = ['create', 'get', 'list', 'update', 'delete', 'send', 'cancel', 'refund', 'search', 'sync'];
const NOUNS = ['Account', 'Message', 'Invoice', 'Document', 'Contact', 'Session', 'Payment', 'Record', 'Event', 'Job'];
const STABILITY = ['Experimental', 'Beta', 'Stable', 'Deprecated'];

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

type Json = unknown;

/** A flat object schema and an example that satisfies it. */
function flatSchema(rng: Rng, count: number): { schema: Record<string, Json>; example: Record<string, Json> } {
  const properties: Record<string, Json> = {};
  const example: Record<string, Json> = {};
  const required: string[] = [];
  for (const name of rng.sample(FIELDS, count)) {
    const kind = rng.int(0, 5);
    if (kind === 0) {
      properties[name] = { type: 'integer', minimum: 0, maximum: 100000 };
      example[name] = rng.int(0, 1000);
    } else if (kind === 1) {
      properties[name] = { type: 'boolean', default: false };
      example[name] = rng.chance(0.5);
    } else if (kind === 2) {
      const values = rng.sample(['a', 'b', 'c', 'd', 'e'], rng.int(2, 4));
      properties[name] = { type: 'string', enum: values };
      example[name] = values[0];
    } else if (kind === 3) {
      properties[name] = { type: 'string', format: 'uri', description: `The ${name} to call.` };
      example[name] = `https://api.example.com/${name}`;
    } else if (kind === 4 && rng.chance(0.3)) {
      properties[name] = { type: 'object', properties: { id: { type: 'string' }, weight: { type: 'number' } }, required: ['id'] };
      example[name] = { id: 'x1', weight: 0.5 };
    } else {
      properties[name] = { type: 'string', minLength: 1, maxLength: 120 };
      example[name] = `${name}-value`;
    }
    if (rng.chance(0.4)) required.push(name);
  }
  return { schema: { type: 'object', ...(required.length ? { required } : {}), properties }, example };
}

function literal(value: Json, indent = ''): string {
  if (value && typeof value === 'object' && 'raw' in (value as object)) return (value as { raw: string }).raw;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const inner = indent + '  ';
    const entries = Object.entries(value as Record<string, Json>).map(([k, v]) => (k.startsWith('...') ? `${inner}${k}` : `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v, inner)}`));
    return entries.length ? `{\n${entries.join(',\n')},\n${indent}}` : '{}';
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

const raw = (code: string) => ({ raw: code });

const SHARED = `// Values many specs share: read statically through their imports.
export const HEALTH = { method: 'custom', timeoutMs: 2500 } as const;
export const MODES = ['managed', 'byok'] as const;
export const BYOK = { setupInstructions: 'Create a key in the vendor console and store it as a secret.' } as const;
export const OWNERS = ['platform.integrations'] as const;
export const API_KEY_SECRETS = {
  schema: { type: 'object', required: ['apiKey'], properties: { apiKey: { type: 'string', description: 'API key.' } } },
  example: { apiKey: 'api-key-placeholder' },
} as const;
`;

export function buildCorpusB(dir: string, n: number, seed = DEFAULT_SEED_B): CorpusInfo {
  const root = resolve(dir);
  const specsDir = join(root, 'specs');
  const schemasDir = join(root, 'schemas');
  rmSync(specsDir, { recursive: true, force: true });
  rmSync(schemasDir, { recursive: true, force: true });
  for (const sub of ['capabilities', 'integrations', 'shared']) mkdirSync(join(specsDir, sub), { recursive: true });
  mkdirSync(schemasDir, { recursive: true });
  writeFileSync(join(root, 'contractgen.config.json'), JSON.stringify({ specs: 'specs', out: 'generated' }, null, 2) + '\n');
  writeFileSync(join(specsDir, 'shared/common.ts'), SHARED);

  const capRng = new Rng(seed ^ 0xca9);
  const capabilities: { key: string; file: string; version: string; ops: string[] }[] = [];
  for (let i = 0; i < CAPABILITIES; i++) {
    const domain = DOMAINS[i % DOMAINS.length]!;
    const key = `${domain}.c${i}`;
    const version = `${capRng.int(1, 2)}.${capRng.int(0, 3)}.0`;
    const operations: Record<string, Json> = {};
    const ops: string[] = [];
    for (let k = 0, count = capRng.int(2, 6); k < count; k++) {
      const name = `${capRng.pick(VERBS)}${capRng.pick(NOUNS)}${i}x${k}`;
      ops.push(name);
      operations[name] = { description: `Calls ${name}.`, idempotent: capRng.chance(0.5), input: flatSchema(capRng, capRng.int(1, 4)).schema, output: flatSchema(capRng, capRng.int(2, 5)).schema };
    }
    const spec = {
      meta: { key, version, title: `${domain} ${i}`, description: `The ${domain} operations, set ${i}.`, domain, owners: raw('[...OWNERS]'), tags: [domain], stability: raw(`StabilityEnum.${capRng.pick(STABILITY)}`) },
      operations,
    };
    const file = `specs/capabilities/${domain}-${i}.ts`;
    writeFileSync(
      join(root, file),
      `import { defineCapability, StabilityEnum } from 'contractgen/spec';\nimport { OWNERS } from '../shared/common.js';\n\nexport const ${domain}C${i} = defineCapability(${literal(spec)});\n`,
    );
    capabilities.push({ key, file, version, ops });
  }

  const rng = new Rng(seed);
  const integrations: { key: string; file: string; title: string }[] = [];
  let fileIndex = 0;
  for (let i = 0; i < n; ) {
    const pair = rng.chance(0.33) && i + 1 < n;
    const members = pair ? [i, i + 1] : [i];
    const file = `specs/integrations/vendor-${fileIndex++}.ts`;
    const body: string[] = [`import { defineIntegration, StabilityEnum } from 'contractgen/spec';`, `import { API_KEY_SECRETS, BYOK, HEALTH, MODES, OWNERS } from '../shared/common.js';`, ''];
    for (const j of members) {
      const key = `vendor${j}.${rng.pick(DOMAINS)}`;
      const config = flatSchema(rng, rng.int(2, 8));
      const ownSecrets = rng.chance(0.4);
      const secretFields = ownSecrets ? rng.sample(['token', 'clientId', 'clientSecret', 'signingKey'], rng.int(1, 3)) : ['apiKey'];
      const secretSchema = ownSecrets
        ? { type: 'object', required: [secretFields[0]!], properties: Object.fromEntries(secretFields.map((f) => [f, { type: 'string' }])) }
        : { type: 'object', required: ['apiKey'], properties: { apiKey: { type: 'string', description: 'API key.' } } };
      const provided = rng.sample(capabilities, rng.int(1, 4));
      const spec = {
        meta: {
          key,
          version: `1.${rng.int(0, 9)}.${rng.int(0, 9)}`,
          category: rng.pick(CATEGORIES),
          title: `Vendor ${j}`,
          description: `Vendor ${j} for ${key.split('.')[1]}.`,
          domain: key.split('.')[1],
          owners: raw('[...OWNERS]'),
          tags: ['vendor'],
          stability: raw(`StabilityEnum.${rng.pick(STABILITY)}`),
        },
        supportedModes: raw('[...MODES]'),
        capabilities: { provides: provided.map((c) => ({ key: c.key, version: `${c.version.split('.')[0]}.0.0` })) },
        configSchema: { schema: config.schema, example: config.example },
        secretSchema: ownSecrets ? { schema: secretSchema, example: Object.fromEntries(secretFields.map((f) => [f, `${f}-placeholder`])) } : raw('API_KEY_SECRETS'),
        healthCheck: raw('HEALTH'),
        docsUrl: `https://vendor${j}.example.com/docs`,
        ...(rng.chance(0.5) ? { constraints: { rateLimit: { rpm: rng.int(60, 3000) } } } : {}),
        byokSetup: raw('BYOK'),
      };
      body.push(`export const vendor${j} = defineIntegration(${literal(spec)});`, '');
      writeFileSync(join(schemasDir, `${key}.config.json`), JSON.stringify({ title: `Vendor${j}Config`, ...config.schema }, null, 2) + '\n');
      writeFileSync(join(schemasDir, `${key}.secrets.json`), JSON.stringify({ title: `Vendor${j}Secrets`, ...secretSchema }, null, 2) + '\n');
      integrations.push({ key, file, title: `Vendor ${j}` });
    }
    writeFileSync(join(root, file), body.join('\n'));
    i += members.length;
  }
  return { dir: root, specsDir, schemasDir, n, seed, integrations, capabilities: capabilities.map(({ key, file }) => ({ key, file })) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: npx tsx bench/corpus-b.ts <dir> [n=100] [seed]\n');
    process.exit(2);
  }
  const info = buildCorpusB(dir, Number(n ?? 100), seed === undefined ? DEFAULT_SEED_B : Number(seed));
  process.stdout.write(`wrote ${info.integrations.length} integrations and ${info.capabilities.length} capabilities to ${info.dir}\n`);
}
