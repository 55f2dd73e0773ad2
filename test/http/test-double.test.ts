/**
 * The generated test doubles as a user meets them: their own code sends SMS through a generated
 * client of an HTTP-bound integration, and their test hands the client the double's fetch (the
 * client option `http.fetch`), scripts errors by the binding's rule names, moves a message's
 * status, and reads what was sent. The same over real HTTP with listen() and redirectFetch. And
 * production code never loads the double: nothing generated imports it but the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, InvalidInputError, RateLimitedError } from '@contractgen/runtime';
import { redirectFetch } from '@contractgen/runtime/testing';
import { createSmsPlivoClient } from '../../generated/integrations/sms.plivo/client.js';
import { createSmsPlivoTestDouble } from '../../generated/integrations/sms.plivo/test-double.js';
import { createSmsVonageClient } from '../../generated/integrations/sms.vonage/client.js';
import { createSmsVonageTestDouble } from '../../generated/integrations/sms.vonage/test-double.js';
import type { SmsClient } from '../support/http-clients.js';
import { REPO } from '../support/workspace.js';

const PLIVO_SECRETS = { authId: 'MAABCDEFGHIJKLMNOPQR', authToken: 'test-token' };
const VONAGE_SECRETS = { apiKey: 'k1234567', apiSecret: 'test-secret' };
const TO = '+14155552671';

/** The user's own code under test: sends a code by SMS and reports the message id. */
async function sendLoginCode(sms: SmsClient, phone: string, code: string): Promise<string> {
  const sent = await sms.sendSms({ to: phone, body: `Your code is ${code}` });
  return sent.id;
}

const options = { config: { fromNumber: '+14155550100' }, retry: { baseDelayMs: 1 } };
const plivo = (secrets: typeof PLIVO_SECRETS, fetch: typeof globalThis.fetch) => createSmsPlivoClient({ ...options, secrets, http: { fetch } });
const vonage = (secrets: typeof VONAGE_SECRETS, fetch: typeof globalThis.fetch) => createSmsVonageClient({ ...options, secrets, http: { fetch } });

describe('the HTTP test double in a user test', () => {
  it('serves sends and lookups in Plivo wire format, records what was sent, follows setStatus', async () => {
    const double = createSmsPlivoTestDouble({ secrets: PLIVO_SECRETS });
    const sms = await plivo(PLIVO_SECRETS, double.fetch);
    const id = await sendLoginCode(sms, TO, '123456');
    expect(double.requests).toEqual([
      { operation: 'sendSms', method: 'POST', path: `/v1/Account/${PLIVO_SECRETS.authId}/Message/`, input: { from: '+14155550100', to: TO, body: 'Your code is 123456' }, status: 200 },
    ]);
    expect(await sms.getDeliveryStatus({ id })).toMatchObject({ id, status: 'queued', to: TO });
    double.setStatus(id, 'delivered');
    expect(await sms.getDeliveryStatus({ id })).toMatchObject({ id, status: 'delivered', to: TO });
    expect(await sms.checkHealth()).toMatchObject({ status: 'ok' });
    expect(() => double.setStatus(id, 'scheduled')).toThrow(/no operation of the binding reports status scheduled/);
  });

  it('scripts errors by the names the binding declares, each ending in its error class', async () => {
    const double = createSmsPlivoTestDouble({ secrets: PLIVO_SECRETS });
    const sms = await plivo(PLIVO_SECRETS, double.fetch);
    double.failNext('invalidParameter');
    const invalid = await sms.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidInputError);
    expect((invalid as InvalidInputError).issues[0]).toMatchObject({ path: 'to', message: expect.stringContaining('A parameter is missing or invalid: the test double answers rule invalidParameter') });
    double.failNext('tooManyRequests', 2);
    expect((await sms.sendSms({ to: TO, body: 'x' })).status).toBe('queued'); // retried twice, then served
    double.failNext('tooManyRequests', 5);
    expect(await sms.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(RateLimitedError);
    expect(double.requests.map((request) => request.rule ?? request.status)).toEqual(['invalidParameter', 'tooManyRequests', 'tooManyRequests', 200, 'tooManyRequests', 'tooManyRequests', 'tooManyRequests']);
    expect(await sms.getDeliveryStatus({ id: 'no-such-id' }).catch((e: unknown) => e)).toMatchObject({ issues: [{ path: 'id' }] });
    expect(() => double.failNext('noSuchRule')).toThrow(/has no error rule named noSuchRule/);
  });

  it('checks auth against its secrets', async () => {
    const double = createSmsPlivoTestDouble({ secrets: PLIVO_SECRETS });
    const wrong = await plivo({ ...PLIVO_SECRETS, authToken: 'other' }, double.fetch);
    expect(await wrong.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(AuthenticationError);
  });

  it("speaks Vonage's format too: errors inside an HTTP 200 synthesized from each rule's `when`", async () => {
    const double = createSmsVonageTestDouble({ secrets: VONAGE_SECRETS });
    const sms = await vonage(VONAGE_SECRETS, double.fetch);
    const id = await sendLoginCode(sms, TO, '42');
    // A just-queued SMS has no Reports record yet: the lookup says so, as Vonage does.
    expect(await sms.getDeliveryStatus({ id }).catch((e: unknown) => e)).toBeInstanceOf(InvalidInputError);
    double.setStatus(id, 'delivered');
    expect(await sms.getDeliveryStatus({ id })).toMatchObject({ status: 'delivered', to: TO });
    for (const [rule, errorClass, attempts] of [['throttled', RateLimitedError, 3], ['invalidCredentials', AuthenticationError, 1], ['missingParameters', InvalidInputError, 1]] as const) {
      double.failNext(rule, attempts);
      expect([rule, await sms.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e)]).toEqual([rule, expect.any(errorClass)]);
    }
    // 'rejected' matches any status but "0": the double picks one no earlier rule takes.
    double.failNext('rejected');
    expect(await sms.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e)).toMatchObject({ code: 'PROVIDER', retryable: false });
  });

  it('listen() serves the same double over real HTTP', async () => {
    const double = createSmsPlivoTestDouble({ secrets: PLIVO_SECRETS });
    const server = await double.listen();
    try {
      const sms = await plivo(PLIVO_SECRETS, redirectFetch({ 'https://api.plivo.com': server.url }));
      const id = await sendLoginCode(sms, TO, '7');
      expect((await sms.getDeliveryStatus({ id })).status).toBe('queued');
      expect(double.requests.map((request) => request.operation)).toEqual(['sendSms', 'getDeliveryStatus']);
    } finally {
      await server.close();
    }
  });

  it("defaults to the spec's secret example, so a test needs no credentials at all", async () => {
    const double = createSmsVonageTestDouble();
    const sms = await createSmsVonageClient({ ...options, secrets: { apiKey: 'abcd1234', apiSecret: 'api-secret' }, http: { fetch: double.fetch } });
    expect((await sms.sendSms({ to: TO, body: 'x' })).status).toBe('queued');
  });

  it('is imported by no generated module: production code never loads @contractgen/runtime/testing', () => {
    const dir = join(REPO, 'generated');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const loaders = files.filter((file) => /test-double\.js|runtime\/testing/.test(readFileSync(join(dir, file), 'utf8')));
    expect(loaders.sort()).toEqual(['integrations/sms.plivo/test-double.ts', 'integrations/sms.vonage/test-double.ts']);
  });
});
