import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, REPO, TWILIO_SPECS, removeDir, scratchDir, typecheck, writeFiles } from './support/workspace.js';

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

async function bindAndCompile(adapter: string) {
  const root = scratchDir('binding');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'adapters/test-adapter.ts': adapter });
  const result = await generate({ root });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const client = readFileSync(join(root, 'generated/integrations/sms.twilio/client.ts'), 'utf8');
  expect(client).toContain(`import { testAdapter } from "../../../adapters/test-adapter.js";`);
  return typecheck([join(root, 'generated/integrations/sms.twilio/client.ts')]);
}

describe('adapter binding', () => {
  let generatedWithoutAdapter: string;
  beforeAll(async () => {
    generatedWithoutAdapter = scratchDir('unbound');
    scratch.push(generatedWithoutAdapter);
    copyInto(TWILIO_SPECS, join(generatedWithoutAdapter, 'specs'));
    await generate({ root: generatedWithoutAdapter, adapters: 'none' });
  });

  it('a complete adapter compiles and becomes the client default', async () => {
    const result = await bindAndCompile(adapterSource(bothOperations));
    expect(result.output).toBe('');
  });

  it('an adapter that misses an operation fails tsc', async () => {
    const result = await bindAndCompile(adapterSource(`      sendSms: async () => { throw new NotImplementedError('sendSms'); },`));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/getDeliveryStatus/);
  });

  it('an adapter that needs a config field the spec does not declare fails tsc', async () => {
    const result = await bindAndCompile(adapterSource(bothOperations, 'NeedsRegion'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/client\.ts.*error TS2322/s);
    expect(result.output).toMatch(/region/);
  });

  it('an adapter that needs a secret the spec does not declare fails tsc', async () => {
    const result = await bindAndCompile(adapterSource(bothOperations, 'SmsTwilioLikeConfig', 'NeedsApiKey'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/apiKey/);
  });

  it('without an adapter the spec still generates, and the client requires one', () => {
    const use = join(generatedWithoutAdapter, 'use.ts');
    writeFiles(generatedWithoutAdapter, {
      'use.ts': `import { createSmsTwilioClient } from './generated/integrations/sms.twilio/client.js';\nexport const c = createSmsTwilioClient({ config: {}, secrets: { accountSid: 'AC', authToken: 't' } });\n`,
    });
    const result = typecheck([use]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/adapter/);
  });
});
