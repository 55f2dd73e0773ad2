import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../generator/index.js';
import { discoverSpecFiles } from '../generator/load/discover.js';
import { loadSpecs } from '../generator/load/load.js';
import { removeDir, scratchDir, typecheck, writeFiles } from './support/workspace.js';

/** Everything that has broken a code generator somewhere: quotes, backticks, `${`, comment ends, HTML, newlines, U+2028, pipes, non-Latin text. */
const NASTY = `q"uo'te \`back\` \${injected} */ /* </script><script>alert(1)</script> \\ back\\slash
new line\u2028sep\u2029para | pipe || 日本語 Ωμέγα 🚀 {{mustache}} [link](x) **bold** # h`;

const lit = (value: unknown) => JSON.stringify(value);

function capabilitySpec(): string {
  return `import { defineCapability } from 'contractgen/spec';
export const cap = defineCapability({
  meta: { key: 'nasty.cap', version: '1.0.0', title: ${lit(NASTY)}, description: ${lit(NASTY)}, domain: ${lit(NASTY)}, owners: [${lit(NASTY)}], tags: [${lit(NASTY)}], stability: 'beta' },
  operations: {
    doIt: {
      description: ${lit(NASTY)},
      idempotent: true,
      input: { type: 'object', description: ${lit(NASTY)}, properties: { ${lit(NASTY)}: { type: 'string', description: ${lit(NASTY)}, enum: [${lit(NASTY)}, 'plain'] } } },
      output: { type: 'object', properties: { ok: { type: 'boolean', description: ${lit(NASTY)} } } },
    },
  },
  events: { happened: { description: ${lit(NASTY)}, payload: { type: 'object', properties: { why: { type: 'string', description: ${lit(NASTY)} } } } } },
});
`;
}

function integrationSpec(): string {
  return `import { defineIntegration } from 'contractgen/spec';
export const spec = defineIntegration({
  meta: { key: 'nasty.provider', version: '1.0.0', category: 'other', title: ${lit(NASTY)}, description: ${lit(NASTY)}, domain: ${lit(NASTY)}, owners: [${lit(NASTY)}, 'b'], tags: [${lit(NASTY)}], stability: 'stable' },
  supportedModes: ['byok'],
  capabilities: { provides: [{ key: 'nasty.cap', version: '1.0.0' }] },
  configSchema: {
    schema: { type: 'object', description: ${lit(NASTY)}, properties: { ${lit(NASTY)}: { type: 'string', description: ${lit(NASTY)}, default: ${lit(NASTY)} }, plain: { type: 'string', enum: [${lit(NASTY)}] } } },
    example: { ${lit(NASTY)}: ${lit(NASTY)}, plain: ${lit(NASTY)} },
  },
  secretSchema: {
    schema: { type: 'object', properties: { ${lit(NASTY)}: { type: 'string', description: ${lit(NASTY)} } } },
    example: { ${lit(NASTY)}: ${lit(NASTY)} },
  },
  healthCheck: { method: 'custom', timeoutMs: 1000 },
  docsUrl: ${lit('https://example.com/a"b`c${d}|e')},
  constraints: { quotas: { ${lit(NASTY)}: 5 } },
  byokSetup: { setupInstructions: ${lit(NASTY)}, requiredScopes: [${lit(NASTY)}] },
});
`;
}

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

describe('strings from a spec cannot break or inject into generated code or docs', () => {
  /** One project generated from the nasty specs, read by every test below (none writes to it). */
  let root: string;
  let result: GenerateResult;
  beforeAll(async () => {
    root = scratchDir('nasty');
    scratch.push(root);
    writeFiles(root, { 'specs/capability.ts': capabilitySpec(), 'specs/integration.ts': integrationSpec() });
    result = await generate({ root, adapters: 'none', artifacts: { backstage: true } });
  });

  it('generates without diagnostics', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('the output compiles under strict tsc', () => {
    const files = readdirSync(join(root, 'generated'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const result = typecheck(files.map((f) => join(root, 'generated', f)));
    expect(result.output).toBe('');
  });

  it('the spec constants round-trip every string exactly', async () => {
    const loaded = loadSpecs(discoverSpecFiles(join(root, "specs")).files);
    const byKey = new Map(loaded.specs.map((s) => [(s.value as { meta: { key: string } }).meta.key, s.value]));
    const integration = await import(pathToFileURL(join(root, 'generated/integrations/nasty.provider/spec.ts')).href);
    const capability = await import(pathToFileURL(join(root, 'generated/capabilities/nasty.cap/spec.ts')).href);
    expect(integration.nastyProviderSpec).toEqual(byKey.get('nasty.provider'));
    expect(capability.nastyCapCapability).toEqual(byKey.get('nasty.cap'));
    expect(integration.nastyProviderSpec.meta.title).toBe(NASTY);
  });

  it('the generated validators accept the nasty property names and values', async () => {
    const validators = await import(pathToFileURL(join(root, 'generated/integrations/nasty.provider/validators.ts')).href);
    expect(validators.isNastyProviderConfig({ [NASTY]: 'x', plain: NASTY })).toBe(true);
    expect(validators.isNastyProviderConfig({ plain: 'other' })).toBe(false);
  });

  it('Markdown stays well-formed: no raw HTML, every table row has its header\'s column count', () => {
    const docs = readdirSync(join(root, 'generated/docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(docs.length).toBe(3);
    for (const doc of docs) {
      const text = readFileSync(join(root, 'generated/docs', doc), 'utf8');
      // Outside the source block nothing may open an HTML tag (the header comment aside).
      // Code spans are not interpreted as HTML, so they are left out of the HTML check.
      const prose = text.replace(/^(`{3,})typescript\n[\s\S]*?\n\1$/m, '').replace(/^<!-- @generated[^\n]*-->$/m, '');
      const outsideCode = prose.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
      expect(outsideCode, doc).not.toMatch(/<script|<\/script/i);
      expect(prose, doc).not.toMatch(/[\u2028\u2029]/);
      let columns = 0;
      for (const line of prose.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.replace(/\\\|/g, '').split('|').length;
        if (columns === 0) columns = cells;
        expect(cells, `${doc}: ${line}`).toBe(columns);
      }
    }
  });

  it('catalog.json and the Backstage entities parse and hold every string exactly', () => {
    const catalog = JSON.parse(readFileSync(join(root, 'generated/docs/catalog.json'), 'utf8')) as { integrations: { title: string; owners: string[]; limits: { quotas: object } }[] };
    expect(catalog.integrations[0]!.title).toBe(NASTY);
    expect(catalog.integrations[0]!.owners).toEqual([NASTY, 'b']);
    expect(catalog.integrations[0]!.limits.quotas).toEqual({ [NASTY]: 5 });
    const text = readFileSync(join(root, 'generated/backstage/nasty.provider.yaml'), 'utf8');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    const documents = parseAllDocuments(text);
    expect(Array.isArray(documents) && documents.flatMap((d) => [...d.errors, ...d.warnings])).toEqual([]);
    const [resource, api] = (documents as { toJS(): { metadata: Record<string, unknown>; spec: Record<string, string> } }[]).map((d) => d.toJS());
    expect(resource!.metadata).toMatchObject({ title: NASTY, description: NASTY, annotations: { 'contractgen/owners': `${NASTY}, b` } });
    expect(api!.metadata.description).toBe(NASTY);
    const definition = JSON.parse(api!.spec.definition!) as { limits: object; operations: { doIt: { description: string } } };
    expect(definition.limits).toEqual({ quotas: { [NASTY]: 5 } });
    expect(definition.operations.doIt.description).toBe(NASTY);
  });

  it('secret example values appear in no doc table', () => {
    const doc = readFileSync(join(root, 'generated/docs/integrations/nasty.provider.md'), 'utf8');
    const secrets = doc.slice(doc.indexOf('## Secrets'), doc.indexOf('## Health check'));
    expect(secrets).toContain('`***`');
    expect(secrets.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Field') && !l.startsWith('| ---')).every((l) => l.endsWith('| `***` |'))).toBe(true);
  });

  it('the source block keeps the exact source even with backtick fences inside', () => {
    const doc = readFileSync(join(root, 'generated/docs/integrations/nasty.provider.md'), 'utf8');
    const source = readFileSync(join(root, 'specs/integration.ts'), 'utf8');
    const fence = /^(`{3,})typescript$/m.exec(doc)![1]!;
    const block = doc.slice(doc.indexOf(`${fence}typescript\n`) + fence.length + 11, doc.indexOf(`\n${fence}\n`));
    expect(source).toContain(block);
  });
});
