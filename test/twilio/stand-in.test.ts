/**
 * The real twilio SDK, through createLoopbackHttpClient, against the local
 * stand-in: what goes over the wire, what comes back, and how the SDK's
 * errors, retries and timeouts behave with a custom httpClient.
 */
import { inspect } from 'node:util';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackHttpClient, LoopbackRequestClient } from '../../adapters/twilio/loopback-http-client.js';
import { startTwilioStandIn, twilioErrorBody, type TwilioStandIn } from '@contractgen/twilio/testing';

// Shaped like real credentials, valid nowhere. The token must never show up in output.
const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const BASIC = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
const FROM = '+15005550006';
const TO = '+14155552671';
const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const MESSAGES_ROUTE = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.reset();
});

function sdk(options: Parameters<typeof createLoopbackHttpClient>[1] = {}, authToken = AUTH_TOKEN) {
  return twilio(ACCOUNT_SID, authToken, { httpClient: createLoopbackHttpClient(standIn.url, options) });
}

/** Run `promise`, expecting a rejection; returns the error for inspection. */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a rejection');
}

describe('SDK -> loopback client -> stand-in', () => {
  it('sends an SMS/MMS as a form POST with Basic auth and repeated MediaUrl', async () => {
    const media = ['https://media.example.com/a.png', 'https://media.example.com/b.jpg'];
    const message = await sdk().messages.create({ to: TO, from: FROM, body: 'Hello from contractgen', mediaUrl: media });

    expect(standIn.requests).toHaveLength(1);
    const request = standIn.requests[0]!;
    expect(request.method).toBe('POST');
    // The host the SDK meant: the loopback client says it in x-forwarded-host.
    expect(request.host).toBe('api.twilio.com');
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.query).toEqual({});
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.accept).toBe('application/json');
    expect(request.auth?.scheme).toBe('basic');
    expect(request.auth?.username).toBe(ACCOUNT_SID);
    // Compared as a boolean so that a failure never prints the token.
    expect(request.auth?.password === AUTH_TOKEN).toBe(true);
    expect(request.form).toEqual({ To: TO, From: FROM, Body: 'Hello from contractgen', MediaUrl: media });
    // qs arrayFormat "repeat": MediaUrl=a&MediaUrl=b, not MediaUrl[0]=a.
    expect(request.rawBody.match(/(^|&)MediaUrl=/g)).toHaveLength(2);

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.accountSid).toBe(ACCOUNT_SID);
    expect(message.status).toBe('queued');
    expect(message.to).toBe(TO);
    expect(message.from).toBe(FROM);
    expect(message.body).toBe('Hello from contractgen');
    expect(message.numMedia).toBe('2');
    expect(message.numSegments).toBe('1');
    expect(message.price).toBeNull();
    expect(message.priceUnit).toBe('USD');
    expect(message.errorCode).toBeNull();
    expect(message.errorMessage).toBeNull();
    expect(message.apiVersion).toBe('2010-04-01');
    expect(message.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}.json`);
    // RFC 2822 on the wire, Date objects from the SDK.
    expect(standIn.messages.get(message.sid)?.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(message.dateCreated.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('sends a WhatsApp template as ContentSid + ContentVariables, without Body', async () => {
    const contentVariables = JSON.stringify({ 1: 'Ada', 2: '12:30' });
    const message = await sdk().messages.create({
      to: `whatsapp:${TO}`,
      from: `whatsapp:${FROM}`,
      contentSid: CONTENT_SID,
      contentVariables,
    });
    const request = standIn.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.form).toEqual({
      To: `whatsapp:${TO}`,
      From: `whatsapp:${FROM}`,
      ContentSid: CONTENT_SID,
      ContentVariables: contentVariables,
    });
    expect(message.to).toBe(`whatsapp:${TO}`);
    expect(message.status).toBe('queued');
  });

  it('fetches a message it created, reflecting later status changes', async () => {
    const client = sdk();
    const created = await client.messages.create({ to: TO, from: FROM, body: 'status?' });
    standIn.messages.get(created.sid)!.status = 'delivered';

    const fetched = await client.messages(created.sid).fetch();
    const request = standIn.requests[1]!;
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${created.sid}.json`);
    expect(request.form).toEqual({});
    expect(request.auth?.username).toBe(ACCOUNT_SID);
    expect(fetched.sid).toBe(created.sid);
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateCreated.getTime()).toBe(created.dateCreated.getTime());
  });

  it('fetches the account (the health probe)', async () => {
    const account = await sdk().api.v2010.accounts(ACCOUNT_SID).fetch();
    expect(standIn.requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}.json` });
    expect(account.sid).toBe(ACCOUNT_SID);
    expect(account.status).toBe('active');

    standIn.accountStatus = 'suspended';
    try {
      expect((await sdk().api.v2010.accounts(ACCOUNT_SID).fetch()).status).toBe('suspended');
    } finally {
      standIn.accountStatus = 'active';
    }
  });

  it('hands out the credentials it accepts as `secrets`, without printing the token with itself', async () => {
    expect(standIn.secrets).toEqual({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    expect(inspect(standIn, { depth: 5 })).not.toContain(AUTH_TOKEN);
    expect(JSON.stringify(standIn)).not.toContain(AUTH_TOKEN);
    const { accountSid, authToken } = standIn.secrets;
    expect((await twilio(accountSid, authToken, { httpClient: createLoopbackHttpClient(standIn.url) }).api.v2010.accounts(accountSid).fetch()).status).toBe('active');
  });

  it('answers 404 / 20404 for a message it does not know', async () => {
    const error = await rejection(sdk().messages('SM00000000000000000000000000000000').fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 404, code: 20404, moreInfo: 'https://www.twilio.com/docs/errors/20404' });
  });

  it("rejects a send without From like Twilio (400 / 21603)", async () => {
    const error = await rejection(sdk().messages.create({ to: TO, body: 'no sender' }));
    expect(error).toMatchObject({ status: 400, code: 21603 });
  });
});

describe('SDK error, retry and timeout behaviour with a custom httpClient', () => {
  it('wrong credentials: RestException 401 / 20003', async () => {
    const error = await rejection(sdk({}, 'not-the-token').api.v2010.accounts(ACCOUNT_SID).fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
    expect(standIn.requests[0]?.auth?.password === AUTH_TOKEN).toBe(false);
  });

  it('scripted 429 / 20429 with autoRetry off surfaces as RestException, then the default answers', async () => {
    standIn.respondNext(MESSAGES_ROUTE, {
      status: 429,
      body: twilioErrorBody(429, 20429, 'Too Many Requests'),
      headers: { 'Retry-After': '1' },
    });
    const client = sdk({ autoRetry: false });

    const error = await rejection(client.messages.create({ to: TO, from: FROM, body: 'first' }));
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({
      status: 429,
      code: 20429,
      message: 'Too Many Requests',
      moreInfo: 'https://www.twilio.com/docs/errors/20429',
    });
    expect(standIn.requests).toHaveLength(1); // no retry happened
    expect(standIn.pendingScripts).toBe(0);

    const message = await client.messages.create({ to: TO, from: FROM, body: 'second' });
    expect(message.status).toBe('queued');
  });

  it('autoRetry retries 429 inside the SDK and does not wait for Retry-After', async () => {
    standIn.respondNext(MESSAGES_ROUTE, {
      status: 429,
      body: twilioErrorBody(429, 20429, 'Too Many Requests'),
      headers: { 'Retry-After': '30' },
      times: 2,
    });
    const started = Date.now();
    const message = await sdk({ autoRetry: true, maxRetries: 3, maxRetryDelayMs: 50 }).messages.create({
      to: TO,
      from: FROM,
      body: 'retried',
    });
    expect(message.status).toBe('queued');
    expect(standIn.requests).toHaveLength(3);
    // maxRetryDelayMs (50) over Retry-After (30 s): generous for a loaded machine, far below 30 s.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('autoRetry gives up after maxRetries and throws the last 429', async () => {
    standIn.respondNext(MESSAGES_ROUTE, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), times: 5 });
    const error = await rejection(
      sdk({ autoRetry: true, maxRetries: 1, maxRetryDelayMs: 20 }).messages.create({ to: TO, from: FROM, body: 'x' }),
    );
    expect(error).toMatchObject({ status: 429, code: 20429 });
    expect(standIn.requests).toHaveLength(2); // the request and one retry
  });

  it('non-429 errors are never retried, even with autoRetry', async () => {
    standIn.respondNext(MESSAGES_ROUTE, { status: 503, body: twilioErrorBody(503, 20503, 'Service unavailable') });
    const error = await rejection(sdk({ autoRetry: true }).messages.create({ to: TO, from: FROM, body: 'x' }));
    expect(error).toMatchObject({ status: 503, code: 20503 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('a non-JSON error body gives the generic RestException message', async () => {
    standIn.respondNext(MESSAGES_ROUTE, { status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
    const error = await rejection(sdk().messages.create({ to: TO, from: FROM, body: 'x' }));
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error.message).toBe('[HTTP 502] Failed to execute request');
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
  });

  it('a hanging server trips the RequestClient timeout (AxiosError ECONNABORTED, not RestException)', async () => {
    standIn.respondNext('GET /2010-04-01/Accounts/{Sid}.json', { hang: true });
    const started = Date.now();
    const error = await rejection(sdk({ timeoutMs: 200 }).api.v2010.accounts(ACCOUNT_SID).fetch());
    const elapsed = Date.now() - started;

    expect(error).not.toBeInstanceOf(twilio.RestException);
    expect(error.name).toBe('AxiosError');
    expect(error.code).toBe('ECONNABORTED');
    expect(error.message).toBe('timeout of 200ms exceeded');
    // The 200 ms limit is the one that fired (the message says so); it did not fire early.
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(standIn.requests).toHaveLength(1); // the request did arrive: a send may have gone out
    // The loopback client strips credentials from transport errors.
    expect(inspect(error, { depth: 6, showHidden: true }).includes(BASIC)).toBe(false);
    expect(JSON.stringify(error).includes(BASIC)).toBe(false);
  });

  it('a delayed answer within the timeout still succeeds', async () => {
    standIn.respondNext('GET /2010-04-01/Accounts/{Sid}.json', {
      delayMs: 50,
      status: 200,
      body: { sid: ACCOUNT_SID, status: 'closed' },
    });
    const account = await sdk({ timeoutMs: 2_000 }).api.v2010.accounts(ACCOUNT_SID).fetch();
    expect(account.status).toBe('closed');
  });

  it('a dropped connection rejects with ECONNRESET', async () => {
    standIn.respondNext(MESSAGES_ROUTE, { destroy: true });
    const error = await rejection(sdk().messages.create({ to: TO, from: FROM, body: 'x' }));
    expect(error).not.toBeInstanceOf(twilio.RestException);
    expect(error.isAxiosError).toBe(true); // its name is plain 'Error' here
    expect(error.code).toBe('ECONNRESET');
    expect(inspect(error, { depth: 6, showHidden: true }).includes(BASIC)).toBe(false);
  });

  it("the SDK's own timeout/autoRetry client options are ignored once httpClient is given", () => {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, {
      httpClient: createLoopbackHttpClient(standIn.url),
      timeout: 100,
      autoRetry: true,
      maxRetries: 7,
    });
    const http = client.httpClient as LoopbackRequestClient;
    expect(http).toBeInstanceOf(LoopbackRequestClient);
    expect(http.defaultTimeout).toBe(30_000);
    expect(http.autoRetry).toBe(false);

    const tuned = createLoopbackHttpClient(standIn.url, { timeoutMs: 100, autoRetry: true, maxRetries: 0 });
    expect(tuned.defaultTimeout).toBe(100);
    expect(tuned.autoRetry).toBe(true);
    expect(tuned.maxRetries).toBe(3); // the SDK reads 0 as "default"
  });
});

describe('loopback client URI rewriting', () => {
  it('maps any *.twilio.com origin onto the base URL, keeping path and query', () => {
    const client = createLoopbackHttpClient('http://127.0.0.1:9/prefix/');
    expect(client.rewriteUri('https://api.twilio.com/2010-04-01/Accounts/AC1.json?PageSize=5')).toBe(
      'http://127.0.0.1:9/prefix/2010-04-01/Accounts/AC1.json?PageSize=5',
    );
    expect(client.rewriteUri('https://api.sydney.au1.twilio.com:443/v1/Services')).toBe('http://127.0.0.1:9/prefix/v1/Services');
    expect(client.rewriteUri('https://tls-test.twilio.com:443')).toBe('http://127.0.0.1:9/prefix');
  });

  it('refuses to send anywhere else', () => {
    const client = createLoopbackHttpClient('http://127.0.0.1:9');
    expect(() => client.rewriteUri('https://api.twilio.com.evil.example/x')).toThrow(/non-Twilio/);
    expect(() => client.rewriteUri('http://api.twilio.com/x')).toThrow(/non-Twilio/);
    expect(() => createLoopbackHttpClient('not a url')).toThrow(/absolute URL/);
  });
});

describe('the stand-in keeps the auth token out of printable output', () => {
  it('redacts Authorization and hides the password from inspect/JSON', async () => {
    await sdk().messages.create({ to: TO, from: FROM, body: 'secret-free' });
    const request = standIn.requests[0]!;
    expect(request.headers.authorization).toBe('Basic [redacted]');
    for (const printed of [inspect(standIn.requests, { depth: 10 }), JSON.stringify(standIn.requests)]) {
      expect(printed.includes(AUTH_TOKEN)).toBe(false);
      expect(printed.includes(BASIC)).toBe(false);
    }
  });
});
