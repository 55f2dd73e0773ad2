/**
 * docs/catalog.json: it validates (ajv) against the JSON Schema the contractgen package ships
 * (resolved through the package's `exports`, as a user's tool would), and it says what the specs
 * say: checked against the spec constants themselves (their modules run here, not read by the
 * generator), and, in a project of its own, for the values the repository's specs do not have
 * (quotas, a setup guide, an unbound integration, sorting, docs switched off).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { IntegrationSpec } from '@contractgen/runtime/spec';
import { messagingWhatsappTwilioIntegrationSpec } from '../adapters/twilio/specs/integrations/messaging-whatsapp-twilio.js';
import { twilioSmsIntegrationSpec } from '../adapters/twilio/specs/integrations/twilio-sms.js';
import { smsOutboxIntegrationSpec } from '../specs/integrations/sms-outbox.js';
import { plivoSmsIntegrationSpec } from '../specs/integrations/sms-plivo.js';
import { vonageSmsIntegrationSpec } from '../specs/integrations/sms-vonage.js';
import { runInProcess } from './support/in-process.js';
import { integrationSource, specProject } from './support/spec-sources.js';
import { removeDir, REPO } from './support/workspace.js';

const schema = JSON.parse(readFileSync(createRequire(join(REPO, 'package.json')).resolve('contractgen/catalog.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

interface CatalogIntegration {
  key: string;
  version: string;
  title: string;
  description: string;
  category: string;
  stability: string;
  domain: string;
  owners: string[];
  tags: string[];
  modes: string[];
  capabilities: { key: string; version: string }[];
  requires: { key: string; version: string }[];
  binding: string;
  adapter: boolean;
  health: { method: string; timeoutMs: number };
  limits: { rateLimit?: { rpm?: number; rph?: number }; quotas?: Record<string, number> };
  docs: { provider?: string; setup?: string; page?: string };
}
interface Catalog {
  integrations: CatalogIntegration[];
  capabilities: { key: string; version: string; operations: { name: string; idempotent: boolean }[]; providers: string[]; docs: { page?: string } }[];
}

function valid(text: string): Catalog {
  const catalog = JSON.parse(text) as Catalog;
  expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
  return catalog;
}

/** What the catalog must say of an integration, read from its spec. */
function fromSpec(spec: IntegrationSpec) {
  return {
    key: spec.meta.key,
    version: spec.meta.version,
    title: spec.meta.title,
    description: spec.meta.description,
    category: spec.meta.category,
    stability: spec.meta.stability,
    domain: spec.meta.domain,
    owners: spec.meta.owners,
    tags: spec.meta.tags,
    modes: [...spec.supportedModes].sort(),
    capabilities: spec.capabilities.provides.map(({ key, version }) => ({ key, version })).sort((a, b) => a.key.localeCompare(b.key)),
    requires: spec.capabilities.requires ?? [],
    health: { method: spec.healthCheck.method, timeoutMs: spec.healthCheck.timeoutMs },
    limits: spec.constraints?.rateLimit ? { rateLimit: spec.constraints.rateLimit } : {},
    docs: { ...(spec.docsUrl && { provider: spec.docsUrl }), page: `integrations/${spec.meta.key}.md` },
  };
}

describe("the repository's catalog.json", () => {
  const catalog = valid(readFileSync(join(REPO, 'generated', 'docs', 'catalog.json'), 'utf8'));

  it('lists every integration as its spec says, sorted by key, with how each is bound', () => {
    // Twilio's and the outbox's are bound to hand-written adapters (Twilio's from its package, the
    // outbox's in adapters/); Vonage's and Plivo's by their specs' http sections alone.
    const adapterBound = [messagingWhatsappTwilioIntegrationSpec, smsOutboxIntegrationSpec, twilioSmsIntegrationSpec] as IntegrationSpec[];
    const httpBound = [plivoSmsIntegrationSpec, vonageSmsIntegrationSpec] as IntegrationSpec[];
    expect(catalog.integrations.map((i) => i.key)).toEqual([...adapterBound, ...httpBound].map((s) => s.meta.key).sort());
    const entry = (spec: IntegrationSpec) => catalog.integrations.find((i) => i.key === spec.meta.key);
    for (const spec of adapterBound) expect(entry(spec)).toEqual({ ...fromSpec(spec), binding: 'adapter', adapter: true });
    for (const spec of httpBound) expect(entry(spec)).toEqual({ ...fromSpec(spec), binding: 'http', adapter: false });
  });

  it('lists every capability with its operations, providers and page', () => {
    expect(catalog.capabilities.map((c) => c.key)).toEqual(['messaging.inbound', 'messaging.outbound', 'sms.outbound']);
    const sms = catalog.capabilities.find((c) => c.key === 'sms.outbound')!;
    expect(sms.operations).toEqual([expect.objectContaining({ name: 'sendSms', idempotent: false }), expect.objectContaining({ name: 'getDeliveryStatus', idempotent: true })]);
    expect(sms.providers).toEqual(['sms.outbox', 'sms.plivo', 'sms.twilio', 'sms.vonage']);
    expect(sms.docs).toEqual({ page: 'capabilities/sms.outbound.md' });
  });
});

describe('catalog.json in a project of its own', () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach(removeDir));

  const acme = integrationSource({ key: 'sms.acme' })
    .replace("supportedModes: ['managed']", "supportedModes: ['managed', 'byok']")
    .replace(
      "docsUrl: 'https://example.com/docs',",
      `docsUrl: 'https://example.com/docs',
  constraints: { rateLimit: { rph: 900 }, quotas: { 'sms.month': 10000, 'mms.day': 50 } },
  byokSetup: { setupInstructions: 'Bring your key', docsUrl: 'https://example.com/setup' },`,
    );

  it('says what the spec says of limits, links and binding, and links no page when docs are off', async () => {
    const root = specProject('catalog-json', scratch, { 'specs/integrations/acme.ts': acme, 'contractgen.config.json': JSON.stringify({ artifacts: { docs: false } }) });
    const run = await runInProcess({ root });
    expect(run.result.diagnostics).toEqual([]);
    const catalog = valid(readFileSync(join(root, 'generated', 'docs', 'catalog.json'), 'utf8'));
    expect(catalog.integrations).toEqual([
      expect.objectContaining({
        key: 'sms.acme',
        modes: ['byok', 'managed'],
        binding: 'none',
        adapter: false,
        limits: { rateLimit: { rph: 900 }, quotas: { 'mms.day': 50, 'sms.month': 10000 } },
        docs: { provider: 'https://example.com/docs', setup: 'https://example.com/setup' },
      }),
    ]);
    expect(catalog.capabilities[0]!.docs).toEqual({});
    // No Markdown: the catalog is the one file in docs/.
    expect(run.result.files.filter((f) => f.path.startsWith('docs/')).map((f) => f.path)).toEqual(['docs/catalog.json']);
  }, 60_000);

  it('is not written when switched off', async () => {
    const root = specProject('catalog-json-off', scratch, { 'specs/integrations/acme.ts': acme, 'contractgen.config.json': JSON.stringify({ artifacts: { catalogJson: false } }) });
    const run = await runInProcess({ root });
    expect(run.code).toBe(0);
    expect(run.result.files.map((f) => f.path)).toContain('docs/catalog.md');
    expect(run.result.files.map((f) => f.path)).not.toContain('docs/catalog.json');
  }, 60_000);
});
