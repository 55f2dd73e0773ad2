/**
 * Backstage entities (`artifacts: { backstage: true }`): each file parses with the YAML library
 * Backstage's catalog reads descriptor files with (`yaml`, parseAllDocuments), and each entity
 * passes the checks Backstage's catalog applies when it ingests one (@backstage/catalog-model: the
 * envelope schema, name and field formats, and the kind's own validator). The fields say what the
 * specs say, text that could break YAML included; the artifact is off unless switched on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  type Entity,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsOutboundCapability } from '../adapters/twilio/specs/capabilities/sms-outbound.js';
import { runInProcess } from './support/in-process.js';
import { integrationSource, specProject } from './support/spec-sources.js';
import { removeDir, runCli } from './support/workspace.js';

/** What Backstage's catalog checks of every entity it ingests (its default policies). */
const policy = EntityPolicies.allOf([new SchemaValidEntityPolicy(), new DefaultNamespaceEntityPolicy(), new NoForeignRootFieldsEntityPolicy(), new FieldFormatEntityPolicy()]);
const KIND_VALIDATORS = { Resource: resourceEntityV1alpha1Validator, API: apiEntityV1alpha1Validator } as const;

/** Text that breaks naive YAML: indicators, a comment, a document marker, quotes, line breaks, NEL, a C1 and a bidi control, U+2028. */
const TRICKY = "- *x &y !z: '#' \"q\" \\\n--- \u0085 \u0090 \u202e \u2028 % @ `";
/** 53 characters: a Resource name as it is, but 66 with `_sms.outbound` for the API. */
const LONG_KEY = `sms.${'provider-'.repeat(5)}name`;

/** An integration spec providing sms.outbound with its own meta (the rest: spec-sources.ts). */
function integration(meta: Record<string, unknown>, extra = ''): string {
  const base = { version: '1.0.0', category: 'sms', title: 'T', description: 'D', domain: 'd', owners: ['o'], tags: [], stability: 'beta', ...meta };
  return integrationSource({ key: String(meta.key) })
    .replace(/meta: \{.*\},/, `meta: ${JSON.stringify(base).replace(/[\u0085\u0090\u202e\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)},`)
    .replace("docsUrl: 'https://example.com/docs',", `docsUrl: 'https://example.com/docs',${extra}`);
}

async function parsedFiles(dir: string): Promise<Record<string, Entity[]>> {
  const files: Record<string, Entity[]> = {};
  for (const name of readdirSync(dir).sort()) {
    const documents = parseAllDocuments(readFileSync(join(dir, name), 'utf8'), { prettyErrors: true });
    const list = Array.isArray(documents) ? documents : [];
    expect(list.length, `${name}: a YAML stream`).toBeGreaterThan(0);
    files[name] = [];
    for (const document of list) {
      expect([...document.errors, ...document.warnings].map(String), name).toEqual([]);
      const entity = document.toJS() as Entity;
      // Backstage's ingestion: the policies, then the kind's validator.
      expect(await policy.enforce(structuredClone(entity)), `${name}: ${entity.kind}`).toBeDefined();
      expect(await KIND_VALIDATORS[entity.kind as keyof typeof KIND_VALIDATORS].check(entity)).toBe(true);
      // An owner refers to a Group unless it names a kind (the descriptor format's default).
      expect(() => parseEntityRef(entity.spec!.owner as string, { defaultKind: 'group', defaultNamespace: 'default' })).not.toThrow();
      files[name].push(entity);
    }
  }
  return files;
}

describe('Backstage entities', () => {
  const scratch: string[] = [];
  let root: string;
  let files: Record<string, Entity[]>;
  beforeAll(async () => {
    root = specProject('backstage', scratch, {
      'contractgen.config.json': JSON.stringify({ artifacts: { backstage: true } }),
      'specs/integrations/acme.ts': integration({ key: 'sms.acme', title: 'Acme SMS', owners: ['group:messaging', 'someone'], tags: ['sms', 'Not A Tag', 'ok-tag'], stability: 'stable' }),
      'specs/integrations/odd.ts': integration(
        { key: 'sms.odd', title: TRICKY, description: TRICKY, owners: ['Platform Team'], stability: 'deprecated' },
        "\n  supportedModes: ['byok'],\n  byokSetup: { setupInstructions: 'x', docsUrl: 'https://example.com/setup' },",
      ).replace("  supportedModes: ['managed'],\n", ''),
      'specs/integrations/long.ts': integration({ key: LONG_KEY, owners: [] }),
    });
    const run = await runInProcess({ root });
    expect(run.result.diagnostics).toEqual([]);
    files = await parsedFiles(join(root, 'generated', 'backstage'));
  }, 60_000);
  afterAll(() => scratch.forEach(removeDir));

  it('one file per integration: a Resource for the provider, then an API for the capability it provides', () => {
    expect(Object.keys(files)).toEqual(['sms.acme.yaml', 'sms.odd.yaml', `${LONG_KEY}.yaml`]);
    const [resource, api] = files['sms.acme.yaml']!;
    expect(resource).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'sms.acme',
        title: 'Acme SMS',
        description: 'D',
        tags: ['sms', 'ok-tag'],
        annotations: { 'contractgen/integration': 'sms.acme@1.0.0', 'contractgen/binding': 'none', 'contractgen/owners': 'group:messaging, someone', 'contractgen/stability': 'stable' },
        links: [{ url: 'https://example.com/docs', title: 'Provider documentation' }],
      },
      spec: { type: 'external-service', owner: 'group:messaging' },
    });
    expect(api).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'sms.acme_sms.outbound', title: 'Acme SMS: Outbound SMS', description: smsOutboundCapability.meta.description },
      // Both the integration and the capability are stable.
      spec: { type: 'contractgen-capability', lifecycle: 'production', owner: 'group:messaging' },
    });
  });

  it("an API's definition is the capability's contract as the spec writes it, with the binding", () => {
    const definition = JSON.parse(files['sms.acme.yaml']![1]!.spec!.definition as string) as Record<string, unknown>;
    expect(definition).toMatchObject({ integration: 'sms.acme@1.0.0', capability: 'sms.outbound@1.0.0', binding: 'none', limits: {}, events: {} });
    const operations = smsOutboundCapability.operations!;
    expect(definition.operations).toEqual(
      Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, { description: op.description, idempotent: op.idempotent, input: op.input, output: op.output }])),
    );
  });

  it('text that could break YAML arrives exactly; lifecycle deprecated; an owner that is no entity reference becomes the documented default', () => {
    const [resource, api] = files['sms.odd.yaml']!;
    expect(resource!.metadata.title).toBe(TRICKY);
    expect(resource!.metadata.description).toBe(TRICKY);
    expect(resource!.metadata.links).toEqual([
      { url: 'https://example.com/docs', title: 'Provider documentation' },
      { url: 'https://example.com/setup', title: 'Setup guide' },
    ]);
    expect(resource!.spec!.owner).toBe('unknown');
    expect(resource!.metadata.annotations!['contractgen/owners']).toBe('Platform Team');
    expect(api!.spec!.lifecycle).toBe('deprecated');
    // Nothing of the text is raw in the file: the C1 and bidi controls are escaped.
    const text = readFileSync(join(root, 'generated', 'backstage', 'sms.odd.yaml'), 'utf8');
    expect(text).not.toMatch(/[\u0085\u0090\u202e\u2028]/);
  });

  it('a name longer than Backstage allows is cut and made unique by a hash; beta is experimental; no owner at all is the default', () => {
    const [resource, api] = files[`${LONG_KEY}.yaml`]!;
    expect(resource!.metadata.name).toBe(LONG_KEY);
    expect(api!.metadata.name).toMatch(new RegExp(`^${LONG_KEY.replace(/\./g, '\\.')}-[0-9a-f]{8}$`));
    expect(api!.spec!.lifecycle).toBe('experimental');
    expect(api!.spec!.owner).toBe('unknown');
    expect(api!.metadata.annotations).not.toHaveProperty('contractgen/owners');
  });

  it('are off unless switched on, and need catalogJson', async () => {
    const plain = specProject('backstage-off', scratch, { 'specs/integrations/acme.ts': integration({ key: 'sms.acme' }) });
    const run = await runInProcess({ root: plain });
    expect(run.code).toBe(0);
    expect(run.result.files.filter((f) => f.path.startsWith('backstage/'))).toEqual([]);
    const needs = specProject('backstage-needs', scratch, {
      'specs/integrations/acme.ts': integration({ key: 'sms.acme' }),
      'contractgen.config.json': JSON.stringify({ artifacts: { backstage: true, catalogJson: false } }),
    });
    const cli = runCli(['generate'], needs);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/CG160: .*artifacts\.backstage needs artifacts\.catalogJson/);
  }, 60_000);
});
