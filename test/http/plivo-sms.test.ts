/**
 * sms.plivo by spec only, end to end: the generated client (generated/integrations/sms.plivo, from
 * specs/integrations/sms-plivo.ts) running its generated binding, against the Plivo stand-in (written from Plivo's API
 * reference, which enforces its documented request format: JSON arguments, Basic auth, the auth id
 * in the path, trailing slashes). The client matrix of Twilio SMS: wire format, output mapping,
 * validation, every error class, retries (429 retried for a send; a send never retried after a
 * timeout or a 5xx), rate-limit answers, timeouts, redaction of the auth token.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  combineAdapters,
  createHttpAdapter,
  InvalidInputError,
  InvalidResponseError,
  NotImplementedError,
  ProviderError,
  RateLimitedError,
  responseOf,
  TimeoutError,
  type RetryPolicy,
} from '@contractgen/runtime';
import { createIntegrationClient } from '@contractgen/runtime';
import { smsPlivoHttpBinding } from '../../generated/integrations/sms.plivo/http.js';
import { smsPlivoSpec } from '../../generated/integrations/sms.plivo/spec.js';
import { createSmsClient, smsDefinition, originsOf, type SmsClient } from '../support/http-clients.js';
import { redirectFetch } from '@contractgen/runtime/testing';
import { createLeakCapture } from '../support/leak-capture.js';
import { PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, plivoError, startPlivoStandIn, type PlivoStandIn } from '../support/plivo-stand-in.js';
import type { SmsOutboundOperations } from '../../generated/capabilities/sms.outbound/types.js';

const SECRETS = { authId: PLIVO_AUTH_ID, authToken: PLIVO_AUTH_TOKEN };
const FROM = '+14155550100';
const TO = '+14155552671';
const SEND = `POST /v1/Account/${PLIVO_AUTH_ID}/Message/`;
const LOOKUP = `GET /v1/Account/${PLIVO_AUTH_ID}/Message/{uuid}/`;
const FAST_RETRY: Omit<RetryPolicy, 'idempotent'> = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000, random: () => 0.5 };

let standIn: PlivoStandIn;
let client: SmsClient;
const leaks = createLeakCapture();

function plivoClient(options: { secrets?: Record<string, string>; config?: Record<string, unknown>; timeoutMs?: number } = {}) {
  return createSmsClient('sms.plivo', standIn.url, {
    config: options.config ?? { fromNumber: FROM },
    secrets: options.secrets ?? SECRETS,
    retry: FAST_RETRY,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

beforeAll(async () => {
  standIn = await startPlivoStandIn();
  client = await plivoClient();
});
afterEach(() => {
  // Every request was one the stand-in accepted as Plivo's documented format, or a scripted answer.
  const refused = standIn.requests.filter((request) => request.method === 'POST' && request.json === undefined);
  standIn.reset();
  expect(refused).toEqual([]);
});
afterAll(async () => {
  await standIn.close();
  expect(leaks.printed.length).toBeGreaterThan(20);
  expect(leaks.leaks([PLIVO_AUTH_TOKEN, `${PLIVO_AUTH_ID}:${PLIVO_AUTH_TOKEN}`])).toEqual([]);
});

describe('sendSms', () => {
  it('POSTs JSON src/dst/text/url to /v1/Account/{auth_id}/Message/ with Basic auth, and maps the 202', async () => {
    const sent = await client.sendSms({ to: TO, body: 'Hello', statusCallbackUrl: 'https://hooks.example.com/plivo', metadata: { order: 'o-1' } });
    const request = standIn.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', host: 'api.plivo.com', path: `/v1/Account/${PLIVO_AUTH_ID}/Message/`, query: {} });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json).toEqual({ src: '14155550100', dst: '14155552671', text: 'Hello', url: 'https://hooks.example.com/plivo' });
    expect(request.auth?.username).toBe(PLIVO_AUTH_ID);
    expect(request.auth?.password === PLIVO_AUTH_TOKEN).toBe(true);
    expect(sent).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'queued',
      to: TO,
      from: FROM,
      segments: null,
      price: null,
      priceUnit: null,
      errorCode: null,
      errorMessage: null,
      createdAt: null,
      sentAt: null,
      updatedAt: null,
    });
  });

  it("reports Plivo's api_id as the request id, on the result and on an error, with the status", async () => {
    standIn.respondNext(SEND, { status: 202, body: { api_id: 'req-sent-1', message: 'message(s) queued', message_uuid: ['8d2f0c5c-7b25-4b0c-9f3a-2a7b6f1f0a11'] } });
    const sent = await client.sendSms({ to: TO, body: 'Hello' });
    expect(responseOf(sent)).toMatchObject({ status: 202, requestId: 'req-sent-1' });
    standIn.respondNext(SEND, { status: 400, body: { api_id: 'req-refused-2', error: 'invalid dst' } });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toMatchObject({ requestId: 'req-refused-2' });
    expect(responseOf(error)).toMatchObject({ status: 400, requestId: 'req-refused-2' });
  });

  it('refuses media (an unsupported field) with InvalidInputError at mediaUrls naming the reason, before anything is sent', async () => {
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'see picture', mediaUrls: ['https://example.com/a.png'] }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([{ path: 'mediaUrls', message: expect.stringContaining('this binding sends SMS only') }]);
    expect(standIn.requests).toHaveLength(0);
    // An empty list asks for no media: the message goes.
    await client.sendSms({ to: TO, body: 'no picture', mediaUrls: [] });
    expect(standIn.requests).toHaveLength(1);
  });

  it('rejects invalid input in the generated validator, before anything is sent', async () => {
    expect(await leaks.failure(client.sendSms({ to: 'nope', body: 'x' }))).toBeInstanceOf(InvalidInputError);
    expect(standIn.requests).toHaveLength(0);
  });

  it('a 202 whose message is not "message(s) queued" is an InvalidResponseError naming `status`', async () => {
    standIn.respondNext(SEND, { status: 202, body: { api_id: 'a', message: 'message(s) scheduled', message_uuid: ['u-1'] } });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues).toEqual([{ path: 'status', message: 'body.message is not one of the values the binding maps' }]);
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('getDeliveryStatus', () => {
  it('GETs the Message Detail Record (trailing slash, uuid percent-encoded) and maps it', async () => {
    const sent = await client.sendSms({ to: TO, body: 'track me' });
    Object.assign(standIn.messages.get(sent.id)!, { message_state: 'undelivered', error_code: '50', total_amount: '0.00350', message_time: '2021-07-13 13:04:06.799021+05:30' });
    const status = await client.getDeliveryStatus({ id: sent.id });
    expect(standIn.requests[1]).toMatchObject({ method: 'GET', path: `/v1/Account/${PLIVO_AUTH_ID}/Message/${sent.id}/` });
    expect(status).toEqual({
      id: sent.id,
      status: 'undelivered',
      to: TO,
      from: '14155550100',
      segments: 1,
      price: '0.00350',
      priceUnit: 'USD',
      errorCode: 50,
      errorMessage: null,
      createdAt: '2021-07-13T07:34:06.799Z',
      sentAt: null,
      updatedAt: null,
    });
  });

  it('maps every documented message_state; error code 000 is no error', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x' });
    const record = standIn.messages.get(sent.id)!;
    record.error_code = '000';
    for (const [plivo, capability] of [['queued', 'queued'], ['sent', 'sent'], ['failed', 'failed'], ['delivered', 'delivered'], ['undelivered', 'undelivered'], ['read', 'delivered']] as const) {
      record.message_state = plivo;
      const status = await client.getDeliveryStatus({ id: sent.id });
      expect([plivo, status.status, status.errorCode]).toEqual([plivo, capability, null]);
    }
  });

  it('an unknown uuid (404) is invalid input on `id`; an id with a slash stays one path segment', async () => {
    const error = await leaks.failure(client.getDeliveryStatus({ id: '../../Account' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as InvalidInputError).issues).toEqual([{ path: 'id', message: expect.stringContaining('No message with this id in the account: not found') }]);
    expect(standIn.requests[0]!.path).toBe(`/v1/Account/${PLIVO_AUTH_ID}/Message/..%2F..%2FAccount/`);
    expect(standIn.requests).toHaveLength(1);
  });

  it('an id of "." or ".." is refused before sending (URL parsing would resolve it away)', async () => {
    for (const id of ['.', '..']) {
      const error = await leaks.failure(client.getDeliveryStatus({ id }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]!.path).toBe('id');
    }
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('health probe (account details)', () => {
  it('is ok, and down with AUTHENTICATION for a wrong token', async () => {
    expect(await client.checkHealth()).toMatchObject({ status: 'ok' });
    expect(standIn.requests[0]).toMatchObject({ method: 'GET', path: `/v1/Account/${PLIVO_AUTH_ID}/` });
    const wrong = await plivoClient({ secrets: { authId: PLIVO_AUTH_ID, authToken: 'not-the-token' } });
    const health = await wrong.checkHealth();
    expect(health).toMatchObject({ status: 'down', error: { code: 'AUTHENTICATION' } });
    expect(JSON.stringify(health)).not.toContain('not-the-token');
  });
});

describe('errors', () => {
  it('401 (wrong token, from the stand-in) is an AuthenticationError with the request id, not retried', async () => {
    const wrong = await plivoClient({ secrets: { authId: PLIVO_AUTH_ID, authToken: 'not-the-token' } });
    const error = await leaks.failure(wrong.sendSms({ to: TO, body: 'x' }));
    expect(error).toMatchObject({ constructor: AuthenticationError, status: 401 });
    expect((error as Error).message).toMatch(/\(authenticationFailed\): Plivo rejected the auth id or auth token: authentication failed; request id [0-9a-f-]{36}$/);
    expect(standIn.requests).toHaveLength(1);
  });

  it('400 (invalid dst, from the stand-in) is invalid input on `to`', async () => {
    const error = await leaks.failure(client.sendSms({ to: '+123456789012345', body: 'x' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ status: 400 });
    expect((error as InvalidInputError).issues).toEqual([{ path: 'to', message: expect.stringContaining('invalid dst number') }]);
  });

  it('429 on a send is retried (Plivo did nothing) and then succeeds', async () => {
    standIn.respondNext(SEND, { status: 429, body: plivoError('too many requests'), times: 2 });
    expect((await client.sendSms({ to: TO, body: 'x' })).status).toBe('queued');
    expect(standIn.requests).toHaveLength(3);
    expect(standIn.messages.size).toBe(1);
  });

  it('429 that persists is a RateLimitedError after maxAttempts', async () => {
    standIn.respondNext(SEND, { status: 429, body: plivoError('too many requests'), times: 5 });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: RateLimitedError, source: 'provider', status: 429 });
    expect(standIn.requests).toHaveLength(3);
  });

  it('500 on a send is a ProviderError and never re-sent; on a lookup it is retried', async () => {
    standIn.respondNext(SEND, { status: 500, body: plivoError('server error'), times: 3 });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: ProviderError, status: 500, retryable: false });
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
    const sent = await client.sendSms({ to: TO, body: 'x' });
    standIn.respondNext(LOOKUP, { status: 500, body: plivoError('server error'), times: 2 });
    expect((await client.getDeliveryStatus({ id: sent.id })).id).toBe(sent.id);
    expect(standIn.requests).toHaveLength(4);
  });

  it('a 405 (another 4xx no rule names) is a ProviderError, not retried', async () => {
    standIn.respondNext(SEND, { status: 405, body: plivoError('method not allowed') });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: ProviderError, status: 405 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a send that times out is not repeated; a dropped connection is maybe-sent too', async () => {
    standIn.respondNext(SEND, { hang: true, times: 3 });
    const impatient = await plivoClient({ timeoutMs: 200 });
    expect(await leaks.failure(impatient.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
    standIn.respondNext(SEND, { destroy: true, times: 3 });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect(standIn.requests).toHaveLength(1);
  });

  it('the auth token echoed in an error, plain or inside Basic credentials, is scrubbed', async () => {
    const basic = Buffer.from(`${PLIVO_AUTH_ID}:${PLIVO_AUTH_TOKEN}`).toString('base64');
    standIn.respondNext(SEND, { status: 400, body: plivoError(`bad request token=${PLIVO_AUTH_TOKEN} header=Basic ${basic}`) });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    const issue = (error as InvalidInputError).issues[0]!.message;
    expect(issue).toContain('bad request token=***');
    expect(issue).not.toContain(PLIVO_AUTH_TOKEN);
    expect(issue).not.toContain(basic);
  });
});

describe('a hand-written adapter and the binding together', () => {
  it('the hand-written operation wins, the binding serves the rest and the health probe', async () => {
    const calls: string[] = [];
    class LookupOnly {
      readonly #prefix = 'hand-written';
      async getDeliveryStatus(input: { id: string }) {
        calls.push(input.id);
        return { id: input.id, status: 'delivered' as const, to: TO, segments: null, price: null, priceUnit: null, errorCode: null, errorMessage: null, createdAt: null, sentAt: null, updatedAt: null, from: this.#prefix };
      }
    }
    // The generated client combines the adapter option with its binding (combineAdapters).
    const combined = await createSmsClient('sms.plivo', standIn.url, { config: { fromNumber: FROM }, secrets: SECRETS, adapter: { integration: 'sms.plivo', connect: () => new LookupOnly() } });
    const sent = await combined.sendSms({ to: TO, body: 'x' });
    expect(await combined.getDeliveryStatus({ id: sent.id })).toMatchObject({ status: 'delivered', from: 'hand-written' });
    expect(calls).toEqual([sent.id]);
    expect(await combined.checkHealth()).toMatchObject({ status: 'ok' });
    expect(standIn.requests.map((request) => request.method)).toEqual(['POST', 'GET']);
    expect(() => combineAdapters({ integration: 'sms.other', connect: () => ({}) }, createHttpAdapter('sms.plivo', smsPlivoHttpBinding))).toThrow(TypeError);
  });

  it('a binding without a health section reports the probe as not implemented', async () => {
    const { health: _health, ...withoutHealth } = smsPlivoHttpBinding;
    // The repo spec has a health section: this client is built by hand like a generated one, on the generated binding without it.
    const bare = await createIntegrationClient<SmsClient>(smsDefinition(smsPlivoSpec), createHttpAdapter('sms.plivo', withoutHealth), {
      config: {},
      secrets: SECRETS,
      http: { fetch: redirectFetch(Object.fromEntries(originsOf(smsPlivoHttpBinding).map((origin) => [origin, standIn.url]))) },
    });
    expect(await bare.checkHealth()).toMatchObject({ status: 'down', error: { code: new NotImplementedError('x').code } });
  });
});
