/**
 * sms.vonage by spec only, end to end: the generated client (generated/integrations/sms.vonage, from
 * specs/integrations/sms-vonage.ts) -> kernel -> the generic HTTP adapter running the generated binding ->
 * fetch over loopback -> the Vonage stand-in written from Vonage's documentation. The client matrix
 * of Twilio SMS: wire format, output mapping, validation, every error class, retries (a throttled
 * send retried, a send never retried after a timeout or a 5xx), rate limit, timeouts, redaction.
 * Every request is checked against Vonage's published OpenAPI descriptions.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  InvalidInputError,
  InvalidResponseError,
  ProviderError,
  ProviderInvalidInputError,
  RateLimitedError,
  TimeoutError,
  createHttpAdapter,
  type RetryPolicy,
} from '@contractgen/runtime';
import { redirectFetch } from '@contractgen/runtime/testing';
import { smsVonageHttpBinding } from '../../generated/integrations/sms.vonage/http.js';
import { smsVonageSpec } from '../../generated/integrations/sms.vonage/spec.js';
import { createSmsClient, smsDefinition, type SmsClient } from '../support/http-clients.js';
import { createLeakCapture } from '../support/leak-capture.js';
import { checkVonageRequest } from '../support/vonage-contract.js';
import { startVonageStandIn, VONAGE_API_KEY, VONAGE_API_SECRET, vonageSendError, type VonageStandIn } from '../support/vonage-stand-in.js';
import { createIntegrationClient } from '@contractgen/runtime';
import { closedPort } from '../support/closed-port.js';

const SECRETS = { apiKey: VONAGE_API_KEY, apiSecret: VONAGE_API_SECRET };
const FROM = '+447700900001';
const TO = '+447700900123';
const SEND = 'POST /sms/json';
const RECORDS = 'GET /v2/reports/records';
const FAST_RETRY: Omit<RetryPolicy, 'idempotent'> = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000, random: () => 0.5 };

let standIn: VonageStandIn;
let client: SmsClient;
const leaks = createLeakCapture();

function vonageClient(options: { secrets?: Record<string, string>; config?: Record<string, unknown>; timeoutMs?: number; url?: string; retry?: Omit<RetryPolicy, 'idempotent'> } = {}) {
  return createSmsClient('sms.vonage', options.url ?? standIn.url, {
    config: options.config ?? { fromNumber: FROM },
    secrets: options.secrets ?? SECRETS,
    retry: options.retry ?? FAST_RETRY,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

beforeAll(async () => {
  standIn = await startVonageStandIn();
  client = await vonageClient();
});
afterEach(() => {
  // Whatever a test did, every request the binding made must be one Vonage documents.
  const problems = standIn.requests.flatMap(checkVonageRequest);
  standIn.reset();
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await standIn.close();
  expect(leaks.printed.length).toBeGreaterThan(30);
  expect(leaks.leaks([VONAGE_API_SECRET, `${VONAGE_API_KEY}:${VONAGE_API_SECRET}`])).toEqual([]);
});

describe('sendSms', () => {
  it('POSTs a form to rest.nexmo.com/sms/json with the key and secret in the body, to and from without "+"', async () => {
    const sent = await client.sendSms({ to: TO, from: '+447700900002', body: 'Your code is 123456', statusCallbackUrl: 'https://hooks.example.com/dlr?t=7', metadata: { order: 'o-42' } });
    expect(standIn.requests).toHaveLength(1);
    const request = standIn.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', host: 'rest.nexmo.com', path: '/sms/json', query: {} });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.form).toEqual({
      api_key: VONAGE_API_KEY,
      api_secret: VONAGE_API_SECRET,
      from: '447700900002',
      to: '447700900123',
      text: 'Your code is 123456',
      callback: 'https://hooks.example.com/dlr?t=7',
    });
    expect(request.rawBody).not.toContain('o-42');
    expect(sent).toEqual({
      id: expect.stringMatching(/^[0-9A-F]{16}$/),
      status: 'queued',
      to: TO,
      from: '+447700900002',
      segments: 1,
      price: '0.03330000',
      priceUnit: null,
      errorCode: null,
      errorMessage: null,
      createdAt: null,
      sentAt: null,
      updatedAt: null,
    });
  });

  it('takes the sender from config, leaves absent fields out, and counts segments from message-count', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x'.repeat(200) });
    expect(standIn.requests[0]!.form).toEqual({ api_key: VONAGE_API_KEY, api_secret: VONAGE_API_SECRET, from: '447700900001', to: '447700900123', text: 'x'.repeat(200) });
    expect(sent).toMatchObject({ from: FROM, segments: 2 });
  });

  it('refuses media (an unsupported field) with InvalidInputError at mediaUrls naming the reason, before anything is sent', async () => {
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'see picture', mediaUrls: ['https://example.com/a.png'] }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([{ path: 'mediaUrls', message: expect.stringContaining("Vonage's SMS API sends text only") }]);
    expect(standIn.requests).toHaveLength(0);
    // An empty list asks for no media: the message goes.
    await client.sendSms({ to: TO, body: 'no picture', mediaUrls: [] });
    expect(standIn.requests).toHaveLength(1);
  });

  it('rejects invalid input in the generated validator, before anything is sent', async () => {
    const error = await leaks.failure(client.sendSms({ to: '0044 20 7946 0000', body: '' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path).sort()).toEqual(['body', 'to']);
    expect(standIn.requests).toHaveLength(0);
  });

  it('a 200 without a message-id is an InvalidResponseError naming the field and where it was looked for, never re-sent', async () => {
    standIn.respondNext(SEND, { status: 200, body: { 'message-count': '1', messages: [{ to: '447700900123', status: '0' }] } });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', integration: 'sms.vonage', retryable: false, status: 200 });
    expect((error as InvalidResponseError).issues).toContainEqual({ path: 'id', message: 'is missing from the response (body.messages.0.message-id)' });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a body that is not JSON on a 200 is an InvalidResponseError (Vonage may have sent the message)', async () => {
    standIn.respondNext(SEND, { status: 200, body: '<html>ok</html>' });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('getDeliveryStatus through the Reports API', () => {
  it('GETs api.nexmo.com/v2/reports/records with Basic auth and maps the record', async () => {
    const sent = await client.sendSms({ to: TO, body: 'track me' });
    Object.assign(standIn.records.get(sent.id)!, { status: 'expired', error_code: '5', error_code_description: 'Expired', date_finalized: '2024-01-02T03:04:05+0000' });
    const status = await client.getDeliveryStatus({ id: sent.id });
    const request = standIn.requests[1]!;
    expect(request).toMatchObject({ method: 'GET', host: 'api.nexmo.com', path: '/v2/reports/records', form: {} });
    expect(request.query).toEqual({ account_id: VONAGE_API_KEY, product: 'SMS', direction: 'outbound', id: sent.id });
    expect(request.auth?.username).toBe(VONAGE_API_KEY);
    expect(request.auth?.password === VONAGE_API_SECRET).toBe(true);
    expect(status).toEqual({
      id: sent.id,
      status: 'undelivered',
      to: TO,
      from: '447700900001',
      segments: null,
      price: '0.0333',
      priceUnit: 'EUR',
      errorCode: 5,
      errorMessage: 'Expired',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
      sentAt: null,
      updatedAt: '2024-01-02T03:04:05.000Z',
    });
  });

  it('maps every SMS status of reports.json, delivered with error code 0 as no error', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x' });
    const cases = { delivered: 'delivered', expired: 'undelivered', failed: 'failed', rejected: 'failed', accepted: 'sent', buffered: 'sent', unknown: 'sent' } as const;
    for (const [vonage, capability] of Object.entries(cases)) {
      standIn.records.get(sent.id)!.status = vonage as keyof typeof cases;
      expect([vonage, (await client.getDeliveryStatus({ id: sent.id })).status]).toEqual([vonage, capability]);
    }
    expect(await client.getDeliveryStatus({ id: sent.id })).toMatchObject({ errorCode: null, errorMessage: null, updatedAt: null });
  });

  it('an id Vonage has no record of is invalid input on `id`, after one lookup', async () => {
    const error = await leaks.failure(client.getDeliveryStatus({ id: 'ABCDEF0123456789' }));
    // The one class every adapter reports a provider's invalid-input answer with (the Twilio one too).
    expect(error).toBeInstanceOf(ProviderInvalidInputError);
    expect(error).toMatchObject({ status: 200, name: 'InvalidInputError', code: 'INVALID_INPUT' });
    expect((error as InvalidInputError).issues).toEqual([{ path: 'id', message: expect.stringContaining('No outbound SMS with this id') }]);
    expect(standIn.requests).toHaveLength(1);
  });

  it('a status the binding does not map is an InvalidResponseError naming `status`, never a guess', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x' });
    (standIn.records.get(sent.id)! as { status: string }).status = 'deleted';
    const error = await leaks.failure(client.getDeliveryStatus({ id: sent.id }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues).toContainEqual({ path: 'status', message: 'body.records.0.status is not one of the values the binding maps' });
  });
});

describe('health probe (account balance)', () => {
  it('is ok with the credentials in the query of rest.nexmo.com/account/get-balance', async () => {
    expect(await client.checkHealth()).toMatchObject({ integration: 'sms.vonage', status: 'ok' });
    expect(standIn.requests[0]).toMatchObject({ method: 'GET', host: 'rest.nexmo.com', path: '/account/get-balance', query: { api_key: VONAGE_API_KEY, api_secret: VONAGE_API_SECRET } });
  });

  it('is down with AUTHENTICATION for a wrong secret, and the report holds no secret', async () => {
    const wrong = await vonageClient({ secrets: { apiKey: VONAGE_API_KEY, apiSecret: 'WrongSecret0000' } });
    const health = await wrong.checkHealth();
    expect(health).toMatchObject({ status: 'down', error: { code: 'AUTHENTICATION' } });
    expect(JSON.stringify(health)).not.toContain('WrongSecret0000');
  });

  it('is down within the health timeout when Vonage does not answer', async () => {
    standIn.respondNext('GET /account/get-balance', { hang: true });
    const health = await client.checkHealth({ timeoutMs: 200 });
    expect(health).toMatchObject({ status: 'down', error: { code: 'TIMEOUT' } });
  });
});

describe('errors Vonage reports inside an HTTP 200', () => {
  it('status 1 (throttled) is retried for a send, the same request each time, and then succeeds', async () => {
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('1', 'Throughput Rate Exceeded - please wait [ 30 ] and retry'), times: 2 });
    const sent = await client.sendSms({ to: TO, body: 'eventually' });
    expect(sent.status).toBe('queued');
    expect(standIn.requests).toHaveLength(3);
    expect(new Set(standIn.requests.map((request) => request.rawBody)).size).toBe(1);
  });

  it('status 1 that persists gives up after maxAttempts with RateLimitedError', async () => {
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('1', 'Throughput Rate Exceeded'), times: 5 });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'never' }));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ source: 'provider', status: 200, providerCode: '1', retryable: true });
    expect((error as Error).message).toContain('(throttled): You are sending SMS faster than the account limit: Throughput Rate Exceeded');
    expect(standIn.requests).toHaveLength(3);
  });

  it('status 10 (too many binds), a ProviderError the binding declares retryable, is retried for a send too', async () => {
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('10', 'Too many binds') });
    await client.sendSms({ to: TO, body: 'x' });
    expect(standIn.requests).toHaveLength(2);
    standIn.reset();
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('10', 'Too many binds'), times: 5 });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: ProviderError, providerCode: '10', retryable: true });
    expect(standIn.requests).toHaveLength(3);
  });

  it('status 5 (internal error) is a ProviderError and never re-sent: the message may have gone out', async () => {
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('5', 'Internal Error'), times: 3 });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER', providerCode: '5', retryable: false });
    expect(standIn.requests).toHaveLength(1);
  });

  it.each([
    ['7', 'Number barred'],
    ['9', 'Partner quota exceeded'],
    ['15', 'Illegal Sender Address - rejected'],
    ['29', 'Non White-listed Destination - rejected'],
    ['99', 'a status nobody documented'],
  ])('status %s is a ProviderError (rejected), not retried', async (status, text) => {
    standIn.respondNext(SEND, { status: 200, body: vonageSendError(status, text) });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toMatchObject({ constructor: ProviderError, providerCode: status });
    expect((error as Error).message).toContain(text);
    expect(standIn.requests).toHaveLength(1);
  });

  it('status 4 (a wrong secret, from the stand-in itself) is an AuthenticationError', async () => {
    const wrong = await vonageClient({ secrets: { apiKey: VONAGE_API_KEY, apiSecret: 'NotTheSecret00' } });
    const error = await leaks.failure(wrong.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ providerCode: '4' });
    expect(standIn.requests).toHaveLength(1);
  });

  it('status 2 (no sender: neither input nor config has one) is invalid input on `from`', async () => {
    const noSender = await vonageClient({ config: {} });
    const error = await leaks.failure(noSender.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([{ path: 'from', message: expect.stringContaining('Missing from param') }]);
    expect(standIn.requests[0]!.form.from).toBeUndefined();
    // The binding leaves an absent sender out; Vonage's description (like Vonage) says it is required.
    expect(checkVonageRequest(standIn.requests[0]!)).toEqual(['POST /sms/{format}: missing required form parameter from']);
    standIn.reset();
  });
});

describe('HTTP errors and transport failures', () => {
  it('a 500 on a send is a ProviderError{status} and never re-sent', async () => {
    standIn.respondNext(SEND, { status: 500, body: '<html>oops</html>', times: 3 });
    expect(await leaks.failure(client.sendSms({ to: TO, body: 'x' }))).toMatchObject({ constructor: ProviderError, status: 500 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a 503 on a status lookup is retried (idempotent) and then succeeds', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x' });
    standIn.records.get(sent.id)!.status = 'delivered';
    standIn.respondNext(RECORDS, { status: 503, body: { title: 'Service Unavailable' }, times: 2 });
    expect((await client.getDeliveryStatus({ id: sent.id })).status).toBe('delivered');
    expect(standIn.requests).toHaveLength(4);
  });

  it('a 401 from the Reports API (wrong secret) is an AuthenticationError, not retried', async () => {
    const wrong = await vonageClient({ secrets: { apiKey: VONAGE_API_KEY, apiSecret: 'NotTheSecret00' } });
    expect(await leaks.failure(wrong.getDeliveryStatus({ id: 'ABCDEF0123456789' }))).toMatchObject({ constructor: AuthenticationError, status: 401 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a 429 from the Reports API is retried, then a RateLimitedError', async () => {
    standIn.respondNext(RECORDS, { status: 429, body: { title: 'Too Many Requests' }, times: 5 });
    expect(await leaks.failure(client.getDeliveryStatus({ id: 'ABCDEF0123456789' }))).toMatchObject({ constructor: RateLimitedError, status: 429, source: 'provider' });
    expect(standIn.requests).toHaveLength(3);
  });

  it('a send that gets no answer is a TimeoutError and is not repeated', async () => {
    standIn.respondNext(SEND, { hang: true, times: 5 });
    const impatient = await vonageClient({ timeoutMs: 300 });
    const started = Date.now();
    const error = await leaks.failure(impatient.sendSms({ to: TO, body: 'did it go out?' }));
    expect(error).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true, retryable: false, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.requests).toHaveLength(1);
  });

  it('a lookup that gets no answer is retried, then times out', async () => {
    standIn.respondNext(RECORDS, { hang: true, times: 5 });
    const impatient = await vonageClient({ timeoutMs: 150 });
    expect(await leaks.failure(impatient.getDeliveryStatus({ id: 'ABCDEF0123456789' }))).toBeInstanceOf(TimeoutError);
    expect(standIn.requests).toHaveLength(3);
  });

  it('a connection dropped after the request is a TimeoutError{requestMayHaveBeenSent}, not re-sent', async () => {
    standIn.respondNext(SEND, { destroy: true, times: 3 });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect((error as Error).message).toContain('UND_ERR_SOCKET');
    expect(standIn.requests).toHaveLength(1);
  });

  it('a refused connection is a ConnectionError (nothing was sent), retried even for a send', async () => {
    const refused = await vonageClient({ url: `http://127.0.0.1:${await closedPort()}` });
    const error = await leaks.failure(refused.sendSms({ to: TO, body: 'x' }));
    expect(error).toMatchObject({ constructor: ConnectionError, requestSent: false, retryable: true });
    expect((error as Error).message).toContain('could not connect to rest.nexmo.com (ECONNREFUSED)');
  });

  it("the caller's AbortSignal cancels the request itself", async () => {
    standIn.respondNext(RECORDS, { hang: true });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 100);
    expect(await client.getDeliveryStatus({ id: 'ABCDEF0123456789' }, { signal: controller.signal }).catch((e: unknown) => e)).toBe(reason);
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it("the spec's limit holds across the binding's requests: past it callers queue, and past the queue they are refused, nothing sent", async () => {
    // The spec's 1,800 per minute is too many to exhaust in a test: the client is built like the generated one, with the spec at 20.
    const limited = await createIntegrationClient<SmsClient>(
      smsDefinition({ ...smsVonageSpec, constraints: { rateLimit: { rpm: 20 } } }),
      createHttpAdapter('sms.vonage', smsVonageHttpBinding),
      { config: { fromNumber: FROM }, secrets: SECRETS, maxQueue: 1, rateLimitKey: 'vonage-rate-limit-test', http: { fetch: redirectFetch({ 'https://rest.nexmo.com': standIn.url }) } },
    );
    await limited.sendSms({ to: TO, body: 'one' });
    await limited.sendSms({ to: TO, body: 'two' });
    const waiting = new AbortController();
    const queued = limited.sendSms({ to: TO, body: 'three' }, { signal: waiting.signal }).catch((error: unknown) => error);
    expect(await leaks.failure(limited.sendSms({ to: TO, body: 'four' }))).toMatchObject({ constructor: RateLimitedError, source: 'local' });
    waiting.abort(new Error('done waiting'));
    expect(await queued).toMatchObject({ message: 'done waiting' });
    expect(standIn.requests).toHaveLength(2);
  });
});

describe('secrets never leave the client', () => {
  it('a provider echoing the secret, Basic credentials and URL-encoded forms in its error text is scrubbed in every field', async () => {
    const basic = Buffer.from(`${VONAGE_API_KEY}:${VONAGE_API_SECRET}`).toString('base64');
    const echo = `rejected api_secret=${VONAGE_API_SECRET} auth=Basic ${basic} url=${encodeURIComponent(VONAGE_API_SECRET)}`;
    standIn.respondNext(SEND, { status: 200, body: vonageSendError('3', echo) });
    const error = await leaks.failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    const issue = (error as InvalidInputError).issues[0]!.message;
    expect(issue).toContain('rejected api_secret=***');
    expect(issue).not.toContain(VONAGE_API_SECRET);
    standIn.respondNext(RECORDS, { status: 500, body: { detail: echo } });
    // A transport error's cause (undici's) and a message built from the URL: the query holds the key, never the secret.
    await leaks.failure(client.getDeliveryStatus({ id: `x${VONAGE_API_SECRET}` }));
  });
});
