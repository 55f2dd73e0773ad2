/**
 * Adding a provider entirely by spec: `contractgen new` (the real CLI) scaffolds a spec and an
 * adapter stub for an existing capability and for a capability spec written by hand; both
 * validate, compile under strict tsc, bind the stub into the generated client (whose operations
 * then reject with NotImplementedError), and appear in the registry and the docs catalog. No
 * generator code is involved beyond running it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, NotImplementedError } from '@contractgen/runtime';
import { copyInto, TWILIO_SPECS, removeDir, runCli, scratchDir, snapshot, typecheckEach, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function project(label: string): string {
  const root = scratchDir(label);
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  // A config file of its own keeps the upward search from finding anything above the scratch folder.
  writeFiles(root, { 'contractgen.config.json': '{}\n' });
  return root;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

interface Spec {
  meta: { key: string; version: string };
  configSchema: { example: unknown };
  secretSchema: { example: unknown };
}
interface Registry {
  providersOf(capability: string, version?: string): Spec[];
  integration(id: string): Spec | undefined;
}
let imports = 0;
/** Imports a generated module afresh (a query per call: the same file may be regenerated between imports). */
const importFile = async <T>(file: string) => (await import(/* @vite-ignore */ `${pathToFileURL(file).href}?import=${++imports}`)) as T;

/** Creates the generated client with the spec's example config and secrets (default adapter: the stub). */
async function clientOf(root: string, key: string, factory: string) {
  const dir = join(root, 'generated/integrations', key);
  const { [factory]: create } = await importFile<Record<string, (options: object) => Promise<Record<string, (input: object) => Promise<unknown>>>>>(join(dir, 'client.ts'));
  const specModule = await importFile<Record<string, Spec>>(join(dir, 'spec.ts'));
  const spec = Object.values(specModule).find((v) => v?.meta?.key === key)!;
  expect(spec).toBeDefined();
  expect(create).toBeTypeOf('function');
  return create!({ config: spec.configSchema.example, secrets: spec.secretSchema.example });
}

async function expectNotImplemented(call: Promise<unknown>, operation: string, integration: string) {
  const error = await call.then(
    () => {
      throw new Error(`${operation} resolved`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotImplementedError);
  expect(error).toMatchObject({ name: 'NotImplementedError', code: 'NOT_IMPLEMENTED', operation });
  expect((error as Error).message).toContain(operation);
  expect((error as Error).message).toContain(integration);
}

const emailCapability = `import { defineCapability, StabilityEnum } from 'contractgen/spec';

export const emailOutboundCapability = defineCapability({
  meta: {
    key: 'email.outbound',
    version: '1.0.0',
    title: 'Outbound email',
    description: 'Send transactional email to one or more recipients.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['email'],
    stability: StabilityEnum.Beta,
  },
  operations: {
    sendEmail: {
      description: 'Send one email.',
      idempotent: false,
      input: {
        type: 'object',
        required: ['to', 'subject', 'text'],
        additionalProperties: false,
        properties: {
          to: { type: 'array', minItems: 1, items: { type: 'string', format: 'email' }, description: 'Recipients.' },
          subject: { type: 'string', minLength: 1, maxLength: 998 },
          text: { type: 'string', description: 'Plain-text body.' },
          html: { type: 'string', description: 'HTML body, when there is one.' },
        },
      },
      output: {
        type: 'object',
        required: ['id', 'accepted'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', description: "Provider's message id." },
          accepted: { type: 'array', items: { type: 'string' }, description: 'Recipients the provider accepted.' },
        },
      },
    },
  },
});
`;

/** A project with the Twilio specs and the hand-written email capability. */
const emailProject = (label: string) => {
  const root = project(label);
  writeFiles(root, { 'specs/capabilities/email-outbound.ts': emailCapability });
  return root;
};

/**
 * The three providers `new` makes below, each in a project of its own, and the compiler's verdict
 * on each project's generated folder and adapters: one tsc run for all three (each start costs
 * seconds), after every `new` has run.
 */
const made = {} as Record<'sms' | 'email' | 'multi' | 'http' | 'httpAdapter' | 'httpMulti', { root: string; run: ReturnType<typeof runCli> }>;
let compiled: Record<keyof typeof made, { ok: boolean; output: string }>;
beforeAll(() => {
  const make = (root: string, args: string[], adapter = true) => ({ root, run: runCli(['new', ...args, ...(adapter ? ['--adapter'] : [])], root) });
  made.sms = make(project('new-sms'), ['sms.acme', '--category', 'sms', '--capability', 'sms.outbound']);
  made.email = make(emailProject('new-email'), ['email.acme', '--category', 'email', '--capability', 'email.outbound@1.0.0']);
  made.multi = make(emailProject('new-multi'), ['multi.acme', '--category', 'other', '--capability', 'email.outbound', '--capability', 'sms.outbound']);
  made.http = make(project('new-http'), ['sms.zeta', '--category', 'sms', '--capability', 'sms.outbound', '--http'], false);
  made.httpAdapter = make(project('new-http-adapter'), ['sms.eta', '--category', 'sms', '--capability', 'sms.outbound', '--http']);
  made.httpMulti = make(emailProject('new-http-multi'), ['multi.http', '--category', 'other', '--capability', 'email.outbound', '--capability', 'sms.outbound', '--http'], false);
  const set = (key: keyof typeof made) => ({ folder: made[key].root, files: [...tsFiles(join(made[key].root, 'generated')), ...(existsSync(join(made[key].root, 'adapters')) ? tsFiles(join(made[key].root, 'adapters')) : [])] });
  compiled = typecheckEach({ sms: set('sms'), email: set('email'), multi: set('multi'), http: set('http'), httpAdapter: set('httpAdapter'), httpMulti: set('httpMulti') });
}, 180_000);

describe('contractgen new: a third SMS provider for an existing capability', () => {
  let root: string;
  let created: ReturnType<typeof runCli>;
  beforeAll(() => ({ root, run: created } = made.sms));

  it('exits 0 and writes the spec, the adapter stub and the generated code', () => {
    expect(created.stderr).not.toMatch(/error/);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('created specs/integrations/sms-acme.ts');
    expect(created.stderr).toContain('created adapters/sms-acme.ts');
    expect(existsSync(join(root, 'specs/integrations/sms-acme.ts'))).toBe(true);
    expect(existsSync(join(root, 'adapters/sms-acme.ts'))).toBe(true);
    expect(existsSync(join(root, 'generated/integrations/sms.acme/client.ts'))).toBe(true);
    expect(readFileSync(join(root, 'specs/integrations/sms-acme.ts'), 'utf8')).toMatch(/key: "sms\.acme"[\s\S]*\{ key: "sms\.outbound", version: "1\.0\.0" \}/);
  });

  it('validate passes, and the output is what the specs produce', () => {
    const validate = runCli(['validate'], root);
    expect(validate.stderr).toMatch(/^contractgen validate: \d+ specs \(\d+ ms\)$/m);
    expect(validate.code).toBe(0);
    const check = runCli(['check'], root);
    expect(check.code).toBe(0);
    const list = runCli(['list'], root);
    expect(list.stdout).toMatch(/^integration +sms\.acme@0\.1\.0 +specs\/integrations\/sms-acme\.ts$/m);
  });

  it('the generated folder and the adapter compile under strict tsc', () => {
    expect(compiled.sms.output).toBe('');
    expect(compiled.sms.ok).toBe(true);
  });

  it('the generated client binds the stub, and its operations reject with NotImplementedError', async () => {
    const client = readFileSync(join(root, 'generated/integrations/sms.acme/client.ts'), 'utf8');
    expect(client).toContain('import { smsAcmeAdapter } from "../../../adapters/sms-acme.js";');
    const sms = await clientOf(root, 'sms.acme', 'createSmsAcmeClient');
    await expectNotImplemented(sms.sendSms!({ to: '+15558675310', body: 'Hello from Acme' }), 'sendSms', 'sms.acme');
    await expectNotImplemented(sms.getDeliveryStatus!({ id: 'msg-1' }), 'getDeliveryStatus', 'sms.acme');
    // The stub's health probe says it is not there yet; the client reports it and never throws.
    const health = (await (sms as unknown as { checkHealth(): Promise<{ status: string; integration: string }> }).checkHealth());
    expect(health).toMatchObject({ integration: 'sms.acme', status: 'down' });
  });

  it('appears in the registry and the docs catalog', async () => {
    const { registry } = await importFile<{ registry: Registry }>(join(root, 'generated/index.ts'));
    expect(registry.providersOf('sms.outbound').map((s) => s.meta.key)).toEqual(expect.arrayContaining(['sms.acme', 'sms.twilio']));
    expect(registry.providersOf('sms.outbound', '1.0.0').map((s) => s.meta.key)).toContain('sms.acme');
    expect(registry.integration('sms.acme@0.1.0')?.meta.key).toBe('sms.acme');
    const catalog = readFileSync(join(root, 'generated/docs/catalog.md'), 'utf8');
    expect(catalog).toMatch(/^\| \[sms\.acme\]\(integrations\/sms\.acme\.md\) \| Acme Sms \| 0\.1\.0 \| idea \| sms\.outbound@1\.0\.0 \|$/m);
    expect(catalog).toMatch(/^\| \[sms\.outbound\]\(capabilities\/sms\.outbound\.md\) \| 1\.0\.0 \| stable \| (.+, )?sms\.acme, (.+, )?sms\.twilio(, .+)? \|$/m);
    expect(existsSync(join(root, 'generated/docs/integrations/sms.acme.md'))).toBe(true);
  });

  it('running new again for the same key exits 1 and changes nothing', () => {
    const before = snapshot(root);
    const again = runCli(['new', 'sms.acme', '--category', 'sms', '--capability', 'sms.outbound', '--adapter'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/error CG173: an integration with key "sms\.acme" already exists/);
    expect(again.stderr).not.toMatch(/created/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses to overwrite an existing file even when the key is new, and changes nothing', () => {
    writeFiles(root, { 'adapters/sms-beta.ts': '// hand-written, not an adapter yet\nexport {};\n' });
    const before = snapshot(root);
    const run = runCli(['new', 'sms.beta', '--category', 'sms', '--capability', 'sms.outbound', '--adapter'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error CG173: refusing to overwrite adapters\/sms-beta\.ts/);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, 'specs/integrations/sms-beta.ts'))).toBe(false);
    rmSync(join(root, 'adapters/sms-beta.ts'));
  });

  it('an unknown capability exits 1 with a did-you-mean hint, and writes nothing', () => {
    const before = snapshot(root);
    const run = runCli(['new', 'sms.gamma', '--category', 'sms', '--capability', 'sms.outbund', '--adapter'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error CG172: unknown capability "sms\.outbund"\n\s+hint: did you mean "sms\.outbound"\?/);
    expect(snapshot(root)).toEqual(before);
  });

  it('an unknown category or an invalid key exits 1 and writes nothing; without a terminal a missing flag is a usage error', () => {
    const before = snapshot(root);
    const category = runCli(['new', 'sms.gamma', '--category', 'smss', '--capability', 'sms.outbound'], root);
    expect(category.code).toBe(1);
    expect(category.stderr).toMatch(/error CG172: unknown category "smss"\n\s+hint: did you mean "sms"\?/);
    // An empty category is close to no category: no guess, the list.
    const empty = runCli(['new', 'sms.gamma', '--category', '', '--capability', 'sms.outbound'], root);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/error CG172: unknown category ""\n\s+hint: one of sms, messaging, /);
    expect(empty.stderr).not.toMatch(/did you mean/);
    const key = runCli(['new', 'Sms/Gamma', '--category', 'sms', '--capability', 'sms.outbound'], root);
    expect(key.code).toBe(1);
    expect(key.stderr).toMatch(/error CG171: "Sms\/Gamma" is not a valid key/);
    // No TTY and no --category: fails at once instead of waiting for an answer, with every problem of the arguments.
    const missing = runCli(['new', 'Sms/Gamma'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error CG171: "Sms\/Gamma" is not a valid key/);
    expect(missing.stderr).toMatch(/error CG170: --category is required\n\s+hint: one of sms, /);
    expect(missing.stderr).toMatch(/error CG170: --capability is required/);
    expect(missing.stderr).not.toMatch(/did you mean|CG150/);
    // `new` reports through the reporter like every command: JSON for a JSON reader.
    const json = runCli(['new', 'Sms/Gamma', '--reporter', 'json'], root);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, command: 'new', diagnostics: ['CG171', 'CG170', 'CG170'].map((code) => ({ code, severity: 'error' })) });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('contractgen new: a provider for a new capability spec written by hand', () => {
  it('generates, compiles, binds the stub, and appears in the registry and catalog', async () => {
    const { root, run } = made.email;
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('created specs/integrations/email-acme.ts');
    expect(run.stderr).toContain('created adapters/email-acme.ts');
    expect(runCli(['validate'], root).code).toBe(0);
    expect(runCli(['check'], root).code).toBe(0);

    // The capability's own outputs are there, and the adapter stub implements its operation.
    expect(existsSync(join(root, 'generated/capabilities/email.outbound/types.ts'))).toBe(true);
    expect(readFileSync(join(root, 'adapters/email-acme.ts'), 'utf8')).toMatch(/sendEmail: async \(\) => \{\n\s+throw new NotImplementedError\("sendEmail"/);
    expect(readFileSync(join(root, 'generated/integrations/email.acme/client.ts'), 'utf8')).toContain('import { emailAcmeAdapter } from "../../../adapters/email-acme.js";');

    expect(compiled.email.output).toBe('');
    expect(compiled.email.ok).toBe(true);

    const email = await clientOf(root, 'email.acme', 'createEmailAcmeClient');
    await expectNotImplemented(email.sendEmail!({ to: ['someone@example.com'], subject: 'Hi', text: 'Hello' }), 'sendEmail', 'email.acme');

    const { registry } = await importFile<{ registry: Registry }>(join(root, 'generated/index.ts'));
    expect(registry.providersOf('email.outbound').map((s) => s.meta.key)).toEqual(['email.acme']);
    expect(registry.providersOf('sms.outbound').map((s) => s.meta.key)).not.toContain('email.acme');

    const catalog = readFileSync(join(root, 'generated/docs/catalog.md'), 'utf8');
    expect(catalog).toMatch(/^## email$/m);
    expect(catalog).toMatch(/^\| \[email\.acme\]\(integrations\/email\.acme\.md\) \| Acme Email \| 0\.1\.0 \| idea \| email\.outbound@1\.0\.0 \|$/m);
    expect(catalog).toMatch(/^\| \[email\.outbound\]\(capabilities\/email\.outbound\.md\) \| 1\.0\.0 \| beta \| email\.acme \|$/m);
    expect(existsSync(join(root, 'generated/docs/capabilities/email.outbound.md'))).toBe(true);
  }, 180_000);

  it('a provider of both capabilities gets one client with the operations of both', async () => {
    const { root, run } = made.multi;
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(compiled.multi.output).toBe('');
    const client = await clientOf(root, 'multi.acme', 'createMultiAcmeClient');
    await expectNotImplemented(client.sendEmail!({ to: ['someone@example.com'], subject: 'Hi', text: 'Hello' }), 'sendEmail', 'multi.acme');
    await expectNotImplemented(client.sendSms!({ to: '+15558675310', body: 'Hello' }), 'sendSms', 'multi.acme');
    const { registry } = await importFile<{ registry: Registry }>(join(root, 'generated/index.ts'));
    expect(registry.providersOf('email.outbound').map((s) => s.meta.key)).toEqual(['multi.acme']);
    expect(registry.providersOf('sms.outbound').map((s) => s.meta.key)).toEqual(expect.arrayContaining(['multi.acme', 'sms.twilio']));
  }, 180_000);
});

/** A fetch that records each request and answers as `answer` says (a stand-in for the provider the scaffold names). */
function recordingFetch(answer: (request: Request) => Response) {
  const requests: { method: string; url: string; authorization: string | null; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    requests.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization'), body: text ? JSON.parse(text) : undefined });
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const message = { id: 'msg-1', status: 'queued', to: '+15558675310', from: null, segments: 1, price: null, priceUnit: null, errorCode: null, errorMessage: null, createdAt: '2026-12-07T04:00:00Z', sentAt: null, updatedAt: null };

describe('contractgen new --http: a provider bound by spec, no adapter code', () => {
  it('writes a spec whose http section binds every operation; validate and check pass; the output compiles', () => {
    const { root, run } = made.http;
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('created specs/integrations/sms-zeta.ts');
    expect(run.stderr).not.toContain('created adapters');
    const spec = readFileSync(join(root, 'specs/integrations/sms-zeta.ts'), 'utf8');
    expect(spec).toMatch(/http: \{\n\s+baseUrl: 'https:\/\/api\.example\.com',/);
    expect(spec).toMatch(/sendSms: \{\n\s+method: 'POST',/);
    expect(spec).toMatch(/getDeliveryStatus: \{\n\s+method: 'GET',/);
    expect(runCli(['validate'], root).code).toBe(0);
    expect(runCli(['check'], root).code).toBe(0);
    expect(readFileSync(join(root, 'generated/integrations/sms.zeta/client.ts'), 'utf8')).toContain('createHttpAdapter');
    expect(compiled.http.output).toBe('');
    expect(compiled.http.ok).toBe(true);
    // Every operation of both capabilities is bound, whatever its input and output.
    expect(made.httpMulti.run.code).toBe(0);
    expect(made.httpMulti.run.stderr).not.toMatch(/error|warning/);
    expect(compiled.httpMulti.output).toBe('');
  });

  it('its client sends the requests the section describes through the fetch it is given, and reads the answers', async () => {
    const { root } = made.http;
    const { fetch, requests } = recordingFetch((request) =>
      request.url.includes('fail') ? new Response('{}', { status: 401 }) : Response.json({ ...message, status: request.method === 'GET' ? 'delivered' : 'queued' }),
    );
    const { createSmsZetaClient } = await importFile<{ createSmsZetaClient: (options: object) => Promise<Record<string, (input: object) => Promise<unknown>>> }>(
      join(root, 'generated/integrations/sms.zeta/client.ts'),
    );
    const client = await createSmsZetaClient({ config: {}, secrets: { apiKey: 'key-1' }, http: { fetch } });
    expect(await client.sendSms!({ to: '+15558675310', body: 'Hello' })).toEqual(message);
    expect(await client.getDeliveryStatus!({ id: 'msg-1' })).toEqual({ ...message, status: 'delivered' });
    expect(requests).toEqual([
      { method: 'POST', url: 'https://api.example.com/send-sms', authorization: 'Bearer key-1', body: { to: '+15558675310', body: 'Hello' } },
      { method: 'GET', url: 'https://api.example.com/get-delivery-status?id=msg-1', authorization: 'Bearer key-1', body: undefined },
    ]);
    // The scaffold's named rule: a 401 is an authentication error.
    await expect(client.getDeliveryStatus!({ id: 'fail' })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('with --adapter: the stub overrides no operation and is the health probe; the binding sends', async () => {
    const { root, run } = made.httpAdapter;
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, 'specs/integrations/sms-eta.ts'), 'utf8')).not.toMatch(/health: \{ method/);
    expect(readFileSync(join(root, 'adapters/sms-eta.ts'), 'utf8')).toContain('Partial<SmsOutboundOperations>');
    expect(runCli(['validate'], root).code).toBe(0);
    expect(compiled.httpAdapter.output).toBe('');
    const { fetch, requests } = recordingFetch(() => Response.json(message));
    const { createSmsEtaClient } = await importFile<{ createSmsEtaClient: (options: object) => Promise<Record<string, (input: object) => Promise<unknown>>> }>(
      join(root, 'generated/integrations/sms.eta/client.ts'),
    );
    const client = await createSmsEtaClient({ config: {}, secrets: { apiKey: 'key-1' }, http: { fetch } });
    expect(await client.sendSms!({ to: '+15558675310', body: 'Hello' })).toEqual(message);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST https://api.example.com/send-sms']);
    const health = await (client as unknown as { checkHealth(): Promise<{ status: string }> }).checkHealth();
    expect(health).toMatchObject({ status: 'down' });
    expect(requests).toHaveLength(1);
  });
});
