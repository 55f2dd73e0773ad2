/**
 * A spec with an `http` section binds its generated client to the runtime's generic HTTP adapter,
 * and types the adapter option by what the binding leaves out: optional when the binding serves
 * every operation; required, and required to implement the rest, when it serves only some; a
 * hand-written adapter in the project is combined with the binding (it wins operation by
 * operation). All compiled by the real TypeScript compiler under the consumer apps' flags.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { CONSUMER_FLAGS, copyInto, REPO, removeDir, scratchDir, TWILIO_SPECS, typecheckEach, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const PLIVO_SPEC = readFileSync(join(REPO, 'specs', 'integrations', 'sms-plivo.ts'), 'utf8');
/** The Plivo spec with its status lookup unbound: the binding serves sendSms only. */
const SEND_ONLY_SPEC = PLIVO_SPEC.replace(/\n {6}getDeliveryStatus: \{[\s\S]*?\n {6}\},\n(?= {4}\},\n {4}health)/, '\n');

const options = `config: { fromNumber: '+14155550100' }, secrets: { authId: 'MAXXXXXXXXXXXXXXXXXX', authToken: 't' }`;
const lookupOnly = `{ integration: 'sms.plivo', connect: () => ({ getDeliveryStatus: async () => { throw new NotImplementedError('getDeliveryStatus'); } }) }`;

async function project(label: string, spec: string, files: Record<string, string>, adapters?: 'none'): Promise<{ folder: string; files: string[]; client: string }> {
  const root = scratchDir(label);
  scratch.push(root);
  copyInto(join(TWILIO_SPECS, 'capabilities'), join(root, 'specs', 'capabilities'));
  writeFiles(root, { 'specs/integrations/sms-plivo.ts': spec, ...files });
  const result = await generate({ root, ...(adapters && { adapters }) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const use = Object.keys(files).filter((file) => file.endsWith('.ts'));
  return { folder: root, files: [join(root, 'generated/integrations/sms.plivo/client.ts'), ...use.map((file) => join(root, file))], client: readFileSync(join(root, 'generated/integrations/sms.plivo/client.ts'), 'utf8') };
}

/** A hand-written adapter of the status lookup alone. */
const HAND_WRITTEN = `import { defineAdapter, NotImplementedError } from '@contractgen/runtime';
import type { SmsOutboundOperations } from '../generated/capabilities/sms.outbound/types.js';
export const plivoLookup = defineAdapter<'sms.plivo', unknown, unknown, Pick<SmsOutboundOperations, 'getDeliveryStatus'>>({
  integration: 'sms.plivo',
  connect: () => ({ getDeliveryStatus: async () => { throw new NotImplementedError('getDeliveryStatus'); }, probeHealth: async () => ({ status: 'ok' }) }),
});
`;

/** The same lookup declared partial: no health probe of its own, so the binding's health request serves. */
const PARTIAL = `import { definePartialAdapter, NotImplementedError } from '@contractgen/runtime';
import type { SmsOutboundOperations } from '../generated/capabilities/sms.outbound/types.js';
export const plivoLookup = definePartialAdapter<'sms.plivo', unknown, unknown, Pick<SmsOutboundOperations, 'getDeliveryStatus'>>({
  integration: 'sms.plivo',
  connect: () => ({ getDeliveryStatus: async () => { throw new NotImplementedError('getDeliveryStatus'); } }),
});
`;

const useFile = (body: string) => `import { NotImplementedError } from '@contractgen/runtime';
import { createSmsPlivoClient } from './generated/integrations/sms.plivo/client.js';
void NotImplementedError;
${body}
`;

describe('clients of HTTP-bound specs', () => {
  let built: Record<'allServed' | 'allServedOverride' | 'sendOnlyNoAdapter' | 'sendOnlyEmptyAdapter' | 'sendOnlyLookup' | 'handWritten' | 'handWrittenAllServed' | 'partial', Awaited<ReturnType<typeof project>>>;
  let compiled: Record<keyof typeof built, { ok: boolean; output: string }>;
  beforeAll(async () => {
    built = {
      allServed: await project('http-all', PLIVO_SPEC, { 'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options} });`) }, 'none'),
      allServedOverride: await project('http-override', PLIVO_SPEC, { 'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options}, adapter: ${lookupOnly} });`) }, 'none'),
      sendOnlyNoAdapter: await project('http-send-only', SEND_ONLY_SPEC, { 'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options} });`) }, 'none'),
      sendOnlyEmptyAdapter: await project('http-send-empty', SEND_ONLY_SPEC, { 'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options}, adapter: { integration: 'sms.plivo', connect: () => ({}) } });`) }, 'none'),
      sendOnlyLookup: await project('http-send-lookup', SEND_ONLY_SPEC, { 'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options}, adapter: ${lookupOnly} });`) }, 'none'),
      handWritten: await project('http-hand', SEND_ONLY_SPEC, {
        // Found like any hand-written adapter (defineAdapter); it implements only what the binding leaves out.
        'adapters/plivo-lookup.ts': HAND_WRITTEN,
        'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options} });`),
      }),
      handWrittenAllServed: await project('http-hand-all', PLIVO_SPEC, {
        'adapters/plivo-lookup.ts': HAND_WRITTEN,
        'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options} });`),
      }),
      partial: await project('http-partial', SEND_ONLY_SPEC, {
        'adapters/plivo-lookup.ts': PARTIAL,
        'use.ts': useFile(`export const c = createSmsPlivoClient({ ${options} });`),
      }),
    };
    compiled = typecheckEach(built, CONSUMER_FLAGS);
  }, 240_000);

  it('the unbound lookup really is unbound in the send-only spec', () => {
    expect(SEND_ONLY_SPEC).not.toContain('getDeliveryStatus');
    expect(SEND_ONLY_SPEC).toContain('sendSms');
  });

  it('a binding that serves every operation makes the adapter optional: the client runs createHttpAdapter', () => {
    expect(built.allServed.client).toContain('createHttpAdapter<"sms.plivo", SmsPlivoConfig, SmsPlivoSecrets, SmsPlivoAdapterOperations>("sms.plivo", smsPlivoHttpBinding)');
    expect(built.allServed.client).toContain('readonly adapter?: SmsPlivoAdapter;');
    expect(compiled.allServed).toEqual({ ok: true, output: '' });
  });

  it('an adapter given beside a complete binding may implement only what it overrides', () => {
    expect(compiled.allServedOverride).toEqual({ ok: true, output: '' });
  });

  it('a binding that serves only some operations requires an adapter for the rest', () => {
    expect(built.sendOnlyNoAdapter.client).toContain('readonly adapter: SmsPlivoAdapter;');
    expect(built.sendOnlyNoAdapter.client).toContain('Omit<SmsPlivoAdapterOperations, "sendSms">');
    expect(compiled.sendOnlyNoAdapter.ok).toBe(false);
    expect(compiled.sendOnlyNoAdapter.output).toMatch(/use\.ts.*adapter/s);
    expect(compiled.sendOnlyEmptyAdapter.ok).toBe(false);
    expect(compiled.sendOnlyEmptyAdapter.output).toContain('getDeliveryStatus');
    expect(compiled.sendOnlyLookup).toEqual({ ok: true, output: '' });
  });

  it("a hand-written adapter in the project is combined with the binding and becomes the client's default", () => {
    expect(built.handWritten.client).toContain('import { plivoLookup } from "../../../adapters/plivo-lookup.js";');
    expect(built.handWritten.client).toContain('combineAdapters(options.adapter ?? defaultAdapter, httpAdapter)');
    expect(compiled.handWritten).toEqual({ ok: true, output: '' });
    expect(built.handWrittenAllServed.client).toContain('const handWritten = options.adapter ?? defaultAdapter;');
    expect(compiled.handWrittenAllServed).toEqual({ ok: true, output: '' });
  });

  it('a partial adapter (definePartialAdapter) implements only what it overrides, leaving the health probe to the binding', () => {
    expect(built.partial.client).toContain('import { plivoLookup } from "../../../adapters/plivo-lookup.js";');
    expect(compiled.partial).toEqual({ ok: true, output: '' });
  });

  it('a partial adapter for a spec without an http section is CG143 at the adapter, and nothing is written', async () => {
    const root = scratchDir('http-partial-unbound');
    scratch.push(root);
    copyInto(TWILIO_SPECS, join(root, 'specs'));
    writeFiles(root, { 'adapters/sms.ts': PARTIAL.replaceAll('sms.plivo', 'sms.twilio') });
    const result = await generate({ root });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file, d.line])).toEqual([['CG143', join(root, 'adapters/sms.ts'), 3]]);
    expect(errors[0]!.message).toContain('plivoLookup is a partial adapter (definePartialAdapter), but the sms.twilio spec has no http section');
    expect(result.ok).toBe(false);
  });

  it("the repository's generated HTTP clients and test doubles compile under every flag of the consumer apps, against the built runtime", () => {
    const dir = scratchDir('http-strict');
    scratch.push(dir);
    const generated = (file: string) => join(REPO, 'generated', file);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPO, 'test/fixtures/consumer-app/common/tsconfig.strict.json'),
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, rootDir: REPO, lib: ['ES2023', 'DOM'] },
        include: [],
        files: ['sms.vonage', 'sms.plivo'].flatMap((key) => [generated(`integrations/${key}/client.ts`), generated(`integrations/${key}/test-double.ts`)]),
      }),
    );
    const result = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: REPO, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
