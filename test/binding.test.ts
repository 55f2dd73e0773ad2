import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, TWILIO_SPECS, removeDir, scratchDir, typecheckEach, writeFiles } from './support/workspace.js';

/**
 * Binding: the generated client types its adapter, so the TypeScript compiler rejects an adapter
 * that misses an operation or needs config/secret fields the spec does not declare.
 */
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const adapterSource = (connectBody: string, configType = 'SmsTwilioLikeConfig', secretsType = 'SmsTwilioLikeSecrets') => `
import { defineAdapter, NotImplementedError } from '@contractgen/runtime';
import type { SmsOutboundOperations } from '../generated/capabilities/sms.outbound/types.js';

interface SmsTwilioLikeConfig { fromNumber?: string }
interface SmsTwilioLikeSecrets { accountSid: string; authToken: string }
interface NeedsRegion { fromNumber?: string; region: string }
interface NeedsApiKey { accountSid: string; authToken: string; apiKey: string }
void (0 as unknown as NeedsRegion | NeedsApiKey | SmsTwilioLikeConfig | SmsTwilioLikeSecrets);

export const testAdapter = defineAdapter<'sms.twilio', ${configType}, ${secretsType}, SmsOutboundOperations>({
  integration: 'sms.twilio',
  connect: (init) => {
    void init;
    return {
${connectBody}
      probeHealth: async () => ({ status: 'ok' }),
    };
  },
});
`;

const bothOperations = `      sendSms: async () => { throw new NotImplementedError('sendSms'); },
      getDeliveryStatus: async () => { throw new NotImplementedError('getDeliveryStatus'); },`;

/** A project with the Twilio specs and `adapter` bound to sms.twilio, generated; the files to compile. */
async function bound(adapter: string): Promise<{ folder: string; files: string[] }> {
  const root = scratchDir('binding');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'adapters/test-adapter.ts': adapter });
  const result = await generate({ root });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const client = readFileSync(join(root, 'generated/integrations/sms.twilio/client.ts'), 'utf8');
  expect(client).toContain(`import { testAdapter } from "../../../adapters/test-adapter.js";`);
  return { folder: root, files: [join(root, 'generated/integrations/sms.twilio/client.ts')] };
}

/** Without an adapter: a file that creates the client as an application would, without passing one. */
async function unbound(): Promise<{ folder: string; files: string[] }> {
  const root = scratchDir('unbound');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  await generate({ root, adapters: 'none' });
  writeFiles(root, {
    'use.ts': `import { createSmsTwilioClient } from './generated/integrations/sms.twilio/client.js';\nexport const c = createSmsTwilioClient({ config: {}, secrets: { accountSid: 'AC', authToken: 't' } });\n`,
  });
  return { folder: root, files: [join(root, 'use.ts')] };
}

describe('adapter binding', () => {
  /** Every case compiled by one run of tsc (each start costs seconds), each with its own verdict. */
  let compiled: Record<'complete' | 'missesOperation' | 'needsConfigField' | 'needsSecret' | 'noAdapter', { ok: boolean; output: string }>;
  beforeAll(async () => {
    compiled = typecheckEach({
      complete: await bound(adapterSource(bothOperations)),
      missesOperation: await bound(adapterSource(`      sendSms: async () => { throw new NotImplementedError('sendSms'); },`)),
      needsConfigField: await bound(adapterSource(bothOperations, 'NeedsRegion')),
      needsSecret: await bound(adapterSource(bothOperations, 'SmsTwilioLikeConfig', 'NeedsApiKey')),
      noAdapter: await unbound(),
    });
  }, 180_000);

  it('a complete adapter compiles and becomes the client default', () => {
    expect(compiled.complete.output).toBe('');
    expect(compiled.complete.ok).toBe(true);
  });

  it('an adapter that misses an operation fails tsc', () => {
    expect(compiled.missesOperation.ok).toBe(false);
    expect(compiled.missesOperation.output).toMatch(/getDeliveryStatus/);
  });

  it('an adapter that needs a config field the spec does not declare fails tsc', () => {
    expect(compiled.needsConfigField.ok).toBe(false);
    expect(compiled.needsConfigField.output).toMatch(/client\.ts.*error TS2322/s);
    expect(compiled.needsConfigField.output).toMatch(/region/);
  });

  it('an adapter that needs a secret the spec does not declare fails tsc', () => {
    expect(compiled.needsSecret.ok).toBe(false);
    expect(compiled.needsSecret.output).toMatch(/apiKey/);
  });

  it('without an adapter the spec still generates, and the client requires one', () => {
    expect(compiled.noAdapter.ok).toBe(false);
    expect(compiled.noAdapter.output).toMatch(/adapter/);
  });
});

describe('an adapter whose integration no spec defines (CG142)', () => {
  /** A project with the Twilio specs, an adapter declaring `key`, and `edit` applied to the twilio-sms spec. */
  async function run(key: string, edit?: (spec: string) => string) {
    const root = scratchDir('cg142');
    scratch.push(root);
    copyInto(TWILIO_SPECS, join(root, 'specs'));
    const spec = readFileSync(join(root, 'specs/integrations/twilio-sms.ts'), 'utf8');
    const edited = edit ? edit(spec) : spec;
    if (edit) expect(edited).not.toBe(spec);
    writeFiles(root, { 'specs/integrations/twilio-sms.ts': edited, 'adapters/test-adapter.ts': adapterSource(bothOperations).replaceAll("'sms.twilio'", `'${key}'`) });
    const result = await generate({ root, mode: 'validate' });
    return result.diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  }

  it('is a warning with a did-you-mean when every spec passed', async () => {
    expect(await run('sms.twillio')).toEqual(['CG142 warning: adapter testAdapter declares unknown integration "sms.twillio" (did you mean "sms.twilio"?)']);
  });

  it('is not reported when the spec of its key failed: only the spec\'s own error is', async () => {
    const nonStatic = await run('sms.twilio', (spec) => spec.replace('timeoutMs: 3000', 'timeoutMs: Date.now()'));
    expect(nonStatic).toEqual([expect.stringMatching(/^CG101 error: /)]);
    const syntax = await run('sms.twilio', (spec) => spec.replace('timeoutMs: 3000,', 'timeoutMs: 3000 3000,'));
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.filter((d) => !d.startsWith('CG100 error'))).toEqual([]);
    const brokenRule = await run('sms.twilio', (spec) => spec.replace("version: '1.0.0'", "version: 'one'"));
    expect(brokenRule).toEqual([expect.stringMatching(/^CG115 error: /)]);
  });

  it('is reported whatever else failed: only an adapter whose own spec failed is spared', async () => {
    // The spec of sms.twilio breaks a rule; the adapter names sms.twillio, which no spec declares.
    const otherFailed = await run('sms.twillio', (spec) => spec.replace("version: '1.0.0'", "version: 'one'"));
    expect(otherFailed.sort()).toEqual([expect.stringMatching(/^CG115 error: /), 'CG142 warning: adapter testAdapter declares unknown integration "sms.twillio" (did you mean "sms.twilio"?)']);
    // The same with a spec that cannot be evaluated, or parsed: its key is still read from the source.
    const nonStatic = await run('sms.twillio', (spec) => spec.replace('timeoutMs: 3000', 'timeoutMs: Date.now()'));
    expect(nonStatic.sort()).toEqual([expect.stringMatching(/^CG101 error: /), expect.stringMatching(/^CG142 warning: .*"sms\.twillio" \(did you mean "sms\.twilio"\?\)/)]);
    const syntax = await run('sms.twillio', (spec) => spec.replace('timeoutMs: 3000,', 'timeoutMs: 3000 3000,'));
    expect(syntax.filter((d) => !d.startsWith('CG100 error'))).toEqual([expect.stringMatching(/^CG142 warning: .*"sms\.twillio"/)]);
  });

  it('is not reported while a failed spec\'s key cannot be read: that spec may be the one it names', async () => {
    const unreadableKey = await run('sms.acme', (spec) => spec.replace("key: 'sms.twilio'", 'key: keyOf()'));
    expect(unreadableKey).toEqual([expect.stringMatching(/^CG101 error: /)]);
  });

  it('is not reported when the capability its spec provides failed', async () => {
    const root = scratchDir('cg142-capability');
    scratch.push(root);
    copyInto(TWILIO_SPECS, join(root, 'specs'));
    const capabilityFile = join(root, 'specs/capabilities/sms-outbound.ts');
    writeFiles(root, {
      'specs/capabilities/sms-outbound.ts': readFileSync(capabilityFile, 'utf8').replace("version: '1.0.0'", "version: 'one'"),
      'adapters/test-adapter.ts': adapterSource(bothOperations),
    });
    const result = await generate({ root, mode: 'validate' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG115']);
  });
});
