/**
 * Error paths over loopback HTTP: each failure Twilio (or the network) can produce ends in the
 * right typed error after exactly the retries the kernel allows, and the auth token never shows
 * up in any error message, stack, inspected error or console line.
 */
import { format, inspect } from 'node:util';
import twilio from 'twilio';
import type RequestClientModule from 'twilio/lib/base/RequestClient.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mapTwilioError, parseRetryAfter, TwilioInvalidInputError } from '../../adapters/twilio/errors.js';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, twilioErrorBody, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createTwilioWhatsappAdapter } from '@contractgen/twilio/whatsapp';
import { createMessagingWhatsappTwilioClient } from '../../generated/integrations/messaging.whatsapp.twilio/client.js';
import { createSmsTwilioClient, type SmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import {
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  IntegrationError,
  InvalidInputError,
  ProviderError,
  ProviderInvalidInputError,
  RateLimitedError,
  TemplateRequiredError,
  TimeoutError,
} from '@contractgen/runtime';
import type { RetryPolicy } from '@contractgen/runtime';
import { checkTwilioRequest } from '../support/twilio-contract.js';
import { createLeakCapture } from '../support/leak-capture.js';
import { closedPort } from '../support/closed-port.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const FROM = '+15005550006';
const TO = '+14155552671';
const SEND_ROUTE = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';
const FETCH_ROUTE = 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json';
const SOME_SID = `SM${'ab'.repeat(16)}`;
const FAST_RETRY: Omit<RetryPolicy, 'idempotent'> = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000, random: () => 0.5 };

let standIn: TwilioStandIn;
let sms: SmsTwilioClient;

// Everything printable that these tests produce: console output and every error, inspected deeply.
const leaks = createLeakCapture();
const { printed } = leaks;
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** The rejection of `promise`, recorded for the leak check, and printed the way a logger would. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  const error = await leaks.failure(promise);
  console.error('operation failed:', error);
  return error;
}

function smsClient(options: { baseUrl?: string; authToken?: string; timeoutMs?: number; adapterTimeoutMs?: number; retry?: Omit<RetryPolicy, 'idempotent'> } = {}) {
  return createSmsTwilioClient({
    config: { fromNumber: FROM },
    secrets: { accountSid: ACCOUNT_SID, authToken: options.authToken ?? AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({
      baseUrl: options.baseUrl ?? standIn.url,
      ...(options.adapterTimeoutMs !== undefined && { timeoutMs: options.adapterTimeoutMs }),
    }),
    retry: options.retry ?? FAST_RETRY,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

beforeAll(async () => {
  for (const method of consoleMethods) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(format(...args));
      if (method !== 'error') original(...args); // keep real warnings visible; errors are expected here
    });
  }
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  sms = await smsClient();
});
afterEach(() => {
  // Failures or not, what the adapter sent must be a request Twilio documents.
  for (const request of standIn.requests) expect(checkTwilioRequest(request)).toEqual([]);
  standIn.reset();
});
afterAll(async () => {
  await standIn.close();
  vi.restoreAllMocks();
  // The leak check over everything the suite printed or threw.
  expect(printed.length).toBeGreaterThan(50);
  // The token, and `sid:token` as Basic auth writes it (base64), in any encoding leaks() knows.
  expect(leaks.leaks([AUTH_TOKEN, `${ACCOUNT_SID}:${AUTH_TOKEN}`])).toEqual([]);
});

describe('HTTP errors from Twilio', () => {
  it('400 / 21211 -> InvalidInputError on `to`, with code and docs link, not retried', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 400, body: twilioErrorBody(400, 21211, "The 'To' number +14155552671 is not a valid phone number.") });
    const error = await failure(sms.sendSms({ to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toBeInstanceOf(TwilioInvalidInputError);
    // The package's name for the runtime's one class, which the HTTP adapter's bindings use too.
    expect(TwilioInvalidInputError).toBe(ProviderInvalidInputError);
    expect((error as Error).name).toBe('InvalidInputError');
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      integration: 'sms.twilio',
      status: 400,
      providerCode: 21211,
      docsUrl: 'https://www.twilio.com/docs/errors/21211',
      retryable: false,
    });
    expect((error as InvalidInputError).issues).toEqual([{ path: 'to', message: expect.stringContaining('21211') }]);
    expect(standIn.requests).toHaveLength(1);
  });

  it('401 / 20003 (wrong auth token) -> AuthenticationError, not retried', async () => {
    const wrong = await smsClient({ authToken: '0123456789abcdef0123456789abcdef' });
    const error = await failure(wrong.sendSms({ to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'AUTHENTICATION', status: 401, providerCode: 20003 });
    expect((error as Error).message).toContain('https://www.twilio.com/docs/errors/20003');
    expect(standIn.requests).toHaveLength(1);
  });

  it('429 / 20429 is retried by the kernel and then succeeds', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), times: 2 });
    const sent = await sms.sendSms({ to: TO, body: 'eventually' });
    expect(sent.status).toBe('queued');
    expect(standIn.requests).toHaveLength(3);
    // The same request each time: a 429 means Twilio did nothing with it.
    expect(new Set(standIn.requests.map((r) => r.rawBody)).size).toBe(1);
    expect(standIn.messages.size).toBe(1);
  });

  it('429 / 20429 gives up with RateLimitedError after maxAttempts', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), times: 10 });
    const error = await failure(sms.sendSms({ to: TO, body: 'never' }));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', source: 'provider', status: 429, providerCode: 20429, retryable: true });
    expect(standIn.requests).toHaveLength(3);
  });

  it('Retry-After is read from the response and honoured by the kernel', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), headers: { 'Retry-After': '7' } });
    const once = await smsClient({ retry: { ...FAST_RETRY, maxAttempts: 1 } });
    expect(await failure(once.sendSms({ to: TO, body: 'x' }))).toMatchObject({ retryAfterMs: 7_000 });

    standIn.reset();
    standIn.respondNext(SEND_ROUTE, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), headers: { 'Retry-After': '1' } });
    const started = Date.now();
    await sms.sendSms({ to: TO, body: 'after a second' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(standIn.requests).toHaveLength(2);
  });

  it('500 on a send -> ProviderError{status}, never re-sent', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 500, body: twilioErrorBody(500, 20500, 'Internal Server Error'), times: 3 });
    const error = await failure(sms.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER', status: 500, providerCode: 20500 });
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
  });

  it('500 on a status lookup is retried (idempotent) and then succeeds', async () => {
    const sent = await sms.sendSms({ to: TO, body: 'x' });
    standIn.respondNext(FETCH_ROUTE, { status: 500, body: twilioErrorBody(500, 20500, 'Internal Server Error'), times: 2 });
    expect((await sms.getDeliveryStatus({ id: sent.id })).id).toBe(sent.id);
    expect(standIn.requests).toHaveLength(4);
  });

  it('an HTML 502 from a proxy -> ProviderError{status: 502} without a Twilio code', async () => {
    standIn.respondNext(SEND_ROUTE, { status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
    const error = await failure(sms.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502 });
    expect((error as ProviderError).providerCode).toBeUndefined();
  });

  it.each([
    [21610, 'Attempt to send to unsubscribed recipient', ProviderError],
    [21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number", ProviderError],
    [21614, "'To' number is not a valid mobile number", InvalidInputError],
    [21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number", InvalidInputError],
    [21212, "The 'From' number is not a valid phone number", InvalidInputError],
    [30007, 'Message filtered', ProviderError],
  ])('400 / %i -> %s', async (code, message, errorClass) => {
    standIn.respondNext(SEND_ROUTE, { status: 400, body: twilioErrorBody(400, code, message) });
    const error = await failure(sms.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status: 400, providerCode: code, docsUrl: `https://www.twilio.com/docs/errors/${code}` });
    expect(standIn.requests).toHaveLength(1);
  });

  it('63016 on WhatsApp -> TemplateRequiredError', async () => {
    const whatsapp = await createMessagingWhatsappTwilioClient({
      config: { fromNumber: `whatsapp:${FROM}` },
      secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      adapter: createTwilioWhatsappAdapter({ baseUrl: standIn.url }),
      retry: FAST_RETRY,
    });
    standIn.respondNext(SEND_ROUTE, { status: 400, body: twilioErrorBody(400, 63016, 'Failed to send freeform message because you are outside the allowed window.') });
    const error = await failure(whatsapp.sendMessage({ to: TO, content: { type: 'text', text: 'late' } }));
    expect(error).toBeInstanceOf(TemplateRequiredError);
    expect(error).toMatchObject({ code: 'TEMPLATE_REQUIRED', providerCode: 63016 });
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('credentials echoed by Twilio are scrubbed in every encoding', () => {
  it('Basic base64(sid:token), base64 of the token, and its URL- and form-encoded forms never leave the client', async () => {
    // A token with characters that every encoding writes differently.
    const token = 'p@ss/w0rd+~tok=en!';
    const client = await smsClient({ authToken: token, retry: { maxAttempts: 1 } });
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const echoes = [
      `Basic ${b64(`${ACCOUNT_SID}:${token}`)}`,
      `token_b64=${b64(token)}`,
      `key=${Buffer.from(`SK0123:${token}`).toString('base64url')}`,
      `cb=https://hooks.example.com/?t=${encodeURIComponent(token)}`,
      `form=${new URLSearchParams({ AuthToken: token })}`,
    ];
    standIn.respondNext(SEND_ROUTE, { status: 400, body: twilioErrorBody(400, 21408, `Rejected request (${echoes.join(' ; ')})`) });
    const error = await failure(client.sendSms({ to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(ProviderError);
    const printedError = `${(error as Error).message}\n${(error as Error).stack}\n${inspect(error, { depth: 30, showHidden: true })}`;
    expect(printedError).toContain('Rejected request (');
    for (const fragment of [token, b64(`${ACCOUNT_SID}:${token}`), b64(token).slice(0, -2), encodeURIComponent(token), new URLSearchParams({ t: token }).toString().slice(2)]) {
      expect(printedError.includes(fragment), fragment).toBe(false);
    }
    // base64url after a 7-byte user name: its first 10 characters carry the user and one mixed
    // byte; nothing of the token's own part may stay.
    const keyed = Buffer.from(`SK0123:${token}`).toString('base64url');
    for (let at = 10; at + 6 <= keyed.length; at++) expect(printedError.includes(keyed.slice(at, at + 6)), keyed.slice(at, at + 6)).toBe(false);
  });
});

describe('transport failures', () => {
  it('connection refused -> ConnectionError (nothing was sent; the kernel retried it)', async () => {
    const port = await closedPort();
    const refused = await smsClient({ baseUrl: `http://127.0.0.1:${port}` });
    const started = Date.now();
    const error = await failure(refused.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'CONNECTION', requestSent: false, retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
    // Retried with the default backoff (~1 s in all), not the 10 s maximum: generous for a loaded machine.
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('a server that never answers -> TimeoutError, and the send is not repeated', async () => {
    standIn.respondNext(SEND_ROUTE, { hang: true, times: 5 });
    const impatient = await smsClient({ timeoutMs: 300 });
    const error = await failure(impatient.sendSms({ to: TO, body: 'did it go out?' }));
    expect(error).toBeInstanceOf(TimeoutError);
    // The 300 ms limit fired (timeoutMs), and the send was not repeated: a retry would have been
    // sent and waited on (another 300 ms) before this error, so it would be here already.
    expect(error).toMatchObject({ code: 'TIMEOUT', requestMayHaveBeenSent: true, retryable: false, timeoutMs: 300 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a lookup that never answers is retried (idempotent) and then times out', async () => {
    standIn.respondNext(FETCH_ROUTE, { hang: true, times: 5 });
    const impatient = await smsClient({ timeoutMs: 150 });
    const error = await failure(impatient.getDeliveryStatus({ id: SOME_SID }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(standIn.requests).toHaveLength(3);
  });

  it("the SDK's own socket timeout maps to TimeoutError too", async () => {
    standIn.respondNext(SEND_ROUTE, { hang: true });
    const client = await smsClient({ adapterTimeoutMs: 150, timeoutMs: 5_000 });
    const error = await failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ requestMayHaveBeenSent: true, timeoutMs: 150 });
    expect((error as Error).message).toContain('ECONNABORTED');
    expect(standIn.requests).toHaveLength(1);
  });

  it('a connection dropped after the request -> TimeoutError{requestMayHaveBeenSent}, not re-sent', async () => {
    standIn.respondNext(SEND_ROUTE, { destroy: true, times: 3 });
    const error = await failure(sms.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ requestMayHaveBeenSent: true });
    expect((error as Error).message).toContain('ECONNRESET');
    expect(standIn.requests).toHaveLength(1);
  });

  it("with the SDK's plain RequestClient (no loopback redaction) the transport error is not carried at all", async () => {
    const url = standIn.url;
    // Rewrites the host like the loopback client, but leaves errors exactly as the SDK raises them,
    // Authorization header and sockets included: as in production.
    class RewritingClient extends twilio.RequestClient {
      override request<T>(opts: RequestClientModule.RequestOptions<T>) {
        return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/api\.twilio\.com/, url), headers: { ...opts.headers, 'x-forwarded-host': 'api.twilio.com' } });
      }
    }
    const client = await createSmsTwilioClient({
      config: { fromNumber: FROM },
      secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      adapter: createTwilioSmsAdapter({ httpClient: new RewritingClient({ timeout: 5_000 }) }),
      retry: FAST_RETRY,
    });
    standIn.respondNext(SEND_ROUTE, { destroy: true });
    const error = await failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    // Its request config, Authorization header and sockets stay behind: the error says what happened in its own words.
    expect((error as Error).cause).toBeUndefined();
    expect((error as Error).message).toContain('ECONNRESET');
  });
});

describe('configuration problems surface as ConfigurationError', () => {
  it('an account SID the SDK refuses', async () => {
    const client = await createSmsTwilioClient({
      config: { fromNumber: FROM },
      secrets: { accountSid: 'SK5ef8732a3c49700934481addd5ce1659', authToken: AUTH_TOKEN },
      adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    });
    const error = await failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).issues[0]!.path).toBe('secrets.accountSid');
    expect(standIn.requests).toHaveLength(0);
  });

  it('an httpClient with the SDK retry switched on', async () => {
    const client = await createSmsTwilioClient({
      config: { fromNumber: FROM },
      secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      adapter: createTwilioSmsAdapter({ httpClient: new twilio.RequestClient({ autoRetry: true }) }),
    });
    const error = await failure(client.sendSms({ to: TO, body: 'x' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).issues[0]!.path).toBe('httpClient.autoRetry');
  });
});

describe('mapTwilioError (unit)', () => {
  const context = { integration: 'sms.twilio', operation: 'sendSms', inputPaths: { To: 'to' } } as const;

  it('maps RFC 9457 bodies (TwilioServiceException) by code and status', () => {
    const exception = Object.assign(new Error('[HTTP 429] Too Many Requests'), {
      type: 'https://www.twilio.com/docs/errors/20429',
      title: 'Too Many Requests',
      status: 429,
      code: 20429,
      detail: 'Slow down',
    });
    const error = mapTwilioError(exception, { ...context, retryAfterMs: 2_000 });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ source: 'provider', retryAfterMs: 2_000, providerCode: 20429 });
    expect(error.message).toContain('Slow down');
  });

  it('falls back to the HTTP status for unknown codes', () => {
    const rest = (status: number, code?: number) => Object.assign(new Error('nope'), { status, ...(code !== undefined && { code }) });
    expect(mapTwilioError(rest(403, 20403), context)).toBeInstanceOf(AuthenticationError);
    expect(mapTwilioError(rest(429), context)).toBeInstanceOf(RateLimitedError);
    expect(mapTwilioError(rest(503, 20503), context)).toMatchObject({ constructor: ProviderError, status: 503 });
    expect(mapTwilioError(rest(400, 99999), context)).toMatchObject({ constructor: ProviderError, providerCode: 99999 });
    // A code naming a parameter the operation does not have stays a ProviderError.
    expect(mapTwilioError(rest(400, 21656), context)).toMatchObject({ constructor: ProviderError, providerCode: 21656 });
  });

  it('maps transport codes by whether the request can have left', () => {
    const axios = (code: string, cause?: object) => Object.assign(new Error(code), { isAxiosError: true, code, ...(cause && { cause }) });
    expect(mapTwilioError(axios('ECONNREFUSED'), context)).toBeInstanceOf(ConnectionError);
    expect(mapTwilioError(axios('ENOTFOUND'), context)).toBeInstanceOf(ConnectionError);
    expect(mapTwilioError(axios('ETIMEDOUT', { code: 'ETIMEDOUT', syscall: 'connect' }), context)).toBeInstanceOf(ConnectionError);
    expect(mapTwilioError(axios('CERT_HAS_EXPIRED'), context)).toBeInstanceOf(ConnectionError);
    expect(mapTwilioError(axios('ECONNABORTED'), context)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect(mapTwilioError(axios('ECONNRESET'), context)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect(mapTwilioError(axios('ERR_SOMETHING_NEW'), context)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
  });

  it('passes IntegrationErrors through and wraps anything else as ProviderError', () => {
    const own = new ConnectionError('x');
    expect(mapTwilioError(own, context)).toBe(own);
    expect(mapTwilioError(new SyntaxError('Unexpected token <'), context)).toMatchObject({ constructor: ProviderError });
    expect(mapTwilioError('a string', context)).toBeInstanceOf(IntegrationError);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(['2'])).toBe(2_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
