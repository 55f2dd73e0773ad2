/**
 * The first call of a process loads the twilio SDK (adapters/twilio/sdk.ts, lazily). That load
 * sends nothing, so it must not count against the per-attempt timeout, and when it is
 * interrupted no error may claim the request may have been sent.
 *
 * Its own file on purpose: vitest forks a process per test file, so the first test here is the
 * first load of the SDK in this process. Nothing imported at module level loads it.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createSmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import { ManualClock, MemoryRateLimitStore, TimeoutError } from '@contractgen/runtime';
import { REPO } from '../support/workspace.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const TO = '+14155552671';

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(async () => {
  await standIn.close();
});

function client(clock?: ManualClock) {
  return createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    rateLimitStore: new MemoryRateLimitStore(),
    retry: { maxAttempts: 1 },
    timeoutMs: 60,
    ...(clock && { clock }),
  });
}

describe('the first SDK load', () => {
  it('does not count against timeoutMs: 60 ms pass on the clock while the SDK loads, and the send still succeeds', async () => {
    const clock = new ManualClock();
    const sms = await client(clock);
    const outcome = sms.sendSms({ to: TO, body: 'first of the process' }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    // The SDK is still loading: nothing has gone out, yet the per-attempt limit has passed.
    await clock.advance(60);
    expect(standIn.requests).toHaveLength(0);
    const result = await outcome;
    if ('error' in result) {
      // Before the fix: "no response within 60 ms ... may have reached the provider", 0 requests sent.
      expect({ error: String(result.error), requests: standIn.requests.length }).toBeUndefined();
    }
    expect((result as { value: { id: string } }).value.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
  });

  it('interrupted by the caller, it rejects with their reason, claims nothing and sends nothing; the next call works', async () => {
    const sms = await client();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const aborted = sms.sendSms({ to: TO, body: 'never sent' }, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(reason);
    const error = await aborted;
    expect(error).toBe(reason);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(standIn.requests).toHaveLength(0);

    const sent = await sms.sendSms({ to: TO, body: 'after the abort' }, { timeoutMs: 5_000 });
    expect(sent.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
  });
});

describe('an install where the twilio package cannot be loaded', () => {
  it('is a ConfigurationError at `adapter` for sends (prepare) and for webhooks alike, nothing sent', async () => {
    // A real process whose module resolution refuses `twilio` (a loader hook), running the built
    // package as an app would: the adapters load the SDK lazily, so importing them still works.
    const hook = 'export async function resolve(specifier, context, next) { if (specifier === "twilio") throw new Error("Cannot find package \'twilio\'"); return next(specifier, context); }';
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const script = `
      import { Secret } from '@contractgen/runtime';
      import { createTwilioWhatsappAdapter } from '@contractgen/twilio/whatsapp';
      const secrets = { accountSid: new Secret(${JSON.stringify(ACCOUNT_SID)}), authToken: new Secret(${JSON.stringify(AUTH_TOKEN)}) };
      const connection = createTwilioWhatsappAdapter({ baseUrl: ${JSON.stringify(standIn.url)} }).connect({ integration: 'messaging.whatsapp.twilio', config: {}, secrets });
      const webhook = new Request('https://hooks.example.com/twilio', { method: 'POST', headers: { 'x-twilio-signature': 'x', 'content-type': 'application/x-www-form-urlencoded' }, body: 'MessageSid=SM1' });
      const seen = (error) => ({ name: error.name, code: error.code, issues: error.issues });
      const out = {
        prepare: await connection.prepare().then(() => 'loaded', seen),
        webhook: await connection.handleWebhook(webhook, {}).then(() => 'parsed', seen),
      };
      process.stdout.write(JSON.stringify(out));
    `;
    const { stdout } = await runNode(['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script]);
    const configuration = { name: 'ConfigurationError', code: 'CONFIGURATION', issues: [{ path: 'adapter', message: expect.stringContaining("the twilio package could not be loaded (Cannot find package 'twilio')") }] };
    expect(JSON.parse(stdout)).toEqual({ prepare: configuration, webhook: configuration });
    expect(standIn.requests).toHaveLength(0);
  });
});

function runNode(args: readonly string[]): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO, encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout })));
  });
}
