/**
 * The generic test double as a user meets it: their own code sends SMS through a client of an
 * HTTP-bound integration, and their test hands the client the double's fetch (the client option
 * `http.fetch`), scripts errors by the binding's rule names, moves a message's status, and reads
 * what was sent. The same over real HTTP with listen() and redirectFetch.
 */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, InvalidInputError, RateLimitedError, createHttpAdapter, createIntegrationClient } from '@contractgen/runtime';
import { createHttpTestDouble, redirectFetch } from '@contractgen/runtime/testing';
import { smsOutboundCapability } from '../../generated/capabilities/sms.outbound/spec.js';
import { smsPlivoConfigSchema, smsPlivoHttpBinding, smsPlivoSecretSchema, smsPlivoSpec } from '../fixtures/http/sms-plivo.js';
import { smsVonageConfigSchema, smsVonageHttpBinding, smsVonageSecretSchema, smsVonageSpec } from '../fixtures/http/sms-vonage.js';
import { smsDefinition, type SmsClient } from '../support/http-clients.js';

const PLIVO = { spec: smsPlivoSpec, binding: smsPlivoHttpBinding, configSchema: smsPlivoConfigSchema, secretSchema: smsPlivoSecretSchema };
const VONAGE = { spec: smsVonageSpec, binding: smsVonageHttpBinding, configSchema: smsVonageConfigSchema, secretSchema: smsVonageSecretSchema };
const PLIVO_SECRETS = { authId: 'MAABCDEFGHIJKLMNOPQR', authToken: 'test-token' };
const VONAGE_SECRETS = { apiKey: 'k1234567', apiSecret: 'test-secret' };
const TO = '+14155552671';
const OUTPUTS = { sendSms: smsOutboundCapability.operations.sendSms.output, getDeliveryStatus: smsOutboundCapability.operations.getDeliveryStatus.output };

/** The user's own code under test: sends a code by SMS and reports the message id. */
async function sendLoginCode(sms: SmsClient, phone: string, code: string): Promise<string> {
  const sent = await sms.sendSms({ to: phone, body: `Your code is ${code}` });
  return sent.id;
}

function client(fixture: typeof PLIVO | typeof VONAGE, secrets: Record<string, string>, fetch: typeof globalThis.fetch) {
  return createIntegrationClient<SmsClient>(smsDefinition(fixture), createHttpAdapter(fixture.spec.meta.key, fixture.binding), {
    config: { fromNumber: '+14155550100' },
    secrets,
    http: { fetch },
    retry: { baseDelayMs: 1 },
  });
}

describe('the HTTP test double in a user test', () => {
  it('serves sends and lookups in Plivo wire format, records what was sent, follows setStatus', async () => {
    const double = createHttpTestDouble(smsPlivoHttpBinding, { secrets: PLIVO_SECRETS, outputs: OUTPUTS });
    const sms = await client(PLIVO, PLIVO_SECRETS, double.fetch);
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
    const double = createHttpTestDouble(smsPlivoHttpBinding, { secrets: PLIVO_SECRETS, outputs: OUTPUTS });
    const sms = await client(PLIVO, PLIVO_SECRETS, double.fetch);
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
    const double = createHttpTestDouble(smsPlivoHttpBinding, { secrets: PLIVO_SECRETS });
    const wrong = await client(PLIVO, { ...PLIVO_SECRETS, authToken: 'other' }, double.fetch);
    expect(await wrong.sendSms({ to: TO, body: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(AuthenticationError);
  });

  it("speaks Vonage's format too: errors inside an HTTP 200 synthesized from each rule's `when`", async () => {
    const double = createHttpTestDouble(smsVonageHttpBinding, { secrets: VONAGE_SECRETS, outputs: OUTPUTS });
    const sms = await client(VONAGE, VONAGE_SECRETS, double.fetch);
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
    const double = createHttpTestDouble(smsPlivoHttpBinding, { secrets: PLIVO_SECRETS, outputs: OUTPUTS });
    const server = await double.listen();
    try {
      const sms = await client(PLIVO, PLIVO_SECRETS, redirectFetch({ 'https://api.plivo.com': server.url }));
      const id = await sendLoginCode(sms, TO, '7');
      expect((await sms.getDeliveryStatus({ id })).status).toBe('queued');
      expect(double.requests.map((request) => request.operation)).toEqual(['sendSms', 'getDeliveryStatus']);
    } finally {
      await server.close();
    }
  });
});
