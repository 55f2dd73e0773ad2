/**
 * sms.twilio end to end: the generated client -> kernel -> Twilio SMS adapter -> the real twilio
 * SDK -> loopback HTTP -> the local Twilio stand-in. Asserts what goes over the wire (method,
 * path, Basic auth, form fields), that every request conforms to Twilio's OpenAPI description,
 * and how responses map onto the sms.outbound outputs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toDeliveryStatus, toInteger, toSmsMessage } from '../../adapters/twilio/messages.js';
import { createTwilioSmsAdapter, twilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, type RecordedRequest, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createSmsTwilioClient, checkSmsTwilioHealth, type SmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import { InvalidInputError, ProviderError } from '@contractgen/runtime';
import { checkTwilioRequest } from '../support/twilio-contract.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const FROM = '+15005550006';
const TO = '+14155552671';
const MESSAGING_SERVICE = 'MG0123456789abcdef0123456789abcdef';
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let standIn: TwilioStandIn;
let client: SmsTwilioClient;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  client = await createSmsTwilioClient({
    config: { fromNumber: FROM },
    secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
  });
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  // Whatever a test did, every request the adapter sent must be one Twilio documents.
  for (const request of standIn.requests) expect(checkTwilioRequest(request)).toEqual([]);
  standIn.reset();
});

/** Basic auth with the right credentials, checked without ever printing the token. */
function expectAuthorized(request: RecordedRequest) {
  expect(request.auth?.scheme).toBe('basic');
  expect(request.auth?.username).toBe(ACCOUNT_SID);
  expect(request.auth?.password === AUTH_TOKEN).toBe(true);
}

describe('sendSms', () => {
  it('POSTs To, From, Body, repeated MediaUrl and StatusCallback as a form with Basic auth', async () => {
    const media = ['https://media.example.com/a.png', 'https://media.example.com/b.jpg'];
    const sent = await client.sendSms({
      to: TO,
      from: '+15005550001',
      body: 'Your code is 123456',
      mediaUrls: media,
      statusCallbackUrl: 'https://hooks.example.com/twilio/status?tenant=7',
      metadata: { orderId: 'o-42' },
    });

    expect(standIn.requests).toHaveLength(1);
    const request = standIn.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.query).toEqual({});
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expectAuthorized(request);
    // Exactly these fields: metadata is never sent to Twilio.
    expect(request.form).toEqual({
      To: TO,
      From: '+15005550001',
      Body: 'Your code is 123456',
      MediaUrl: media,
      StatusCallback: 'https://hooks.example.com/twilio/status?tenant=7',
    });
    expect(request.rawBody).not.toContain('o-42');
    expect(request.rawBody.match(/(^|&)MediaUrl=/g)).toHaveLength(2);

    expect(sent).toEqual({
      id: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      to: TO,
      from: '+15005550001',
      segments: 1,
      price: null,
      priceUnit: 'USD',
      errorCode: null,
      errorMessage: null,
      createdAt: expect.stringMatching(ISO),
      sentAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
    expect(Math.abs(Date.parse(sent.createdAt!) - Date.now())).toBeLessThan(60_000);
  });

  it('uses config.fromNumber when the input has no from, and sends no optional fields', async () => {
    const sent = await client.sendSms({ to: TO, body: 'x'.repeat(200) });
    expect(standIn.requests[0]!.form).toEqual({ To: TO, From: FROM, Body: 'x'.repeat(200) });
    expect(sent.from).toBe(FROM);
    expect(sent.segments).toBe(2); // numSegments "2" -> 2
  });

  it('sends a Messaging Service SID as MessagingServiceSid instead of From', async () => {
    await client.sendSms({ to: TO, from: MESSAGING_SERVICE, body: 'pooled' });
    expect(standIn.requests[0]!.form).toEqual({ To: TO, MessagingServiceSid: MESSAGING_SERVICE, Body: 'pooled' });
  });

  it('rejects a send without any sender before a request is made', async () => {
    const noDefault = await createSmsTwilioClient({
      config: {},
      secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    });
    const error = await noDefault.sendSms({ to: TO, body: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([{ path: 'from', message: expect.stringContaining('fromNumber') }]);
    expect(standIn.requests).toHaveLength(0);
  });

  it('rejects invalid input in the generated validator, before the adapter runs', async () => {
    const error = await client.sendSms({ to: '0044 20 7946 0000', body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path).sort()).toEqual(['body', 'to']);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('an answer that is not a message', () => {
  it('a 201 without a sid is a ProviderError naming the field, never a success with id undefined, and is not re-sent', async () => {
    standIn.respondNext(`POST ${MESSAGES_PATH}`, { status: 201, body: { status: 'queued', to: TO, from: FROM } });
    const outcome = await client.sendSms({ to: TO, body: 'hi' }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).not.toHaveProperty('value');
    const error = (outcome as { error: ProviderError }).error;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', integration: 'sms.twilio', retryable: false });
    expect(error.message).toMatch(/\bid\b.*sid|sid.*\bid\b/i);
    expect(standIn.requests).toHaveLength(1);
  });

  it('a status lookup answered without a sid is a ProviderError too', async () => {
    const id = `SM${'ab'.repeat(16)}`;
    standIn.respondNext(`GET /2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${id}.json`, { status: 200, body: { status: 'delivered', to: TO } });
    const error = await client.getDeliveryStatus({ id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', integration: 'sms.twilio' });
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('getDeliveryStatus', () => {
  it('GETs the message by SID and maps the resource onto the capability output', async () => {
    const sent = await client.sendSms({ to: TO, body: 'track me' });
    const stored = standIn.messages.get(sent.id)!;
    stored.status = 'undelivered';
    stored.error_code = 30003;
    stored.error_message = null;
    stored.price = '-0.00790';
    stored.date_updated = 'Tue, 02 Jan 2024 03:04:05 +0000';

    const status = await client.getDeliveryStatus({ id: sent.id });
    const request = standIn.requests[1]!;
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sent.id}.json`);
    expect(request.form).toEqual({});
    expect(request.query).toEqual({});
    expectAuthorized(request);

    expect(status).toMatchObject({
      id: sent.id,
      status: 'undelivered',
      to: TO,
      from: FROM,
      segments: 1,
      price: '-0.00790',
      priceUnit: 'USD',
      errorCode: 30003,
      // Twilio leaves error_message empty for most delivery codes; the adapter names the code.
      errorMessage: 'unreachable destination handset',
      updatedAt: '2024-01-02T03:04:05.000Z',
    });
  });

  it('rejects an id that is not a Message SID without sending anything', async () => {
    for (const id of ['SM123', '../Accounts', `SM${'0'.repeat(31)}/`, `XX${'g'.repeat(32)}`]) {
      const error = await client.getDeliveryStatus({ id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]!.path).toBe('id');
    }
    expect(standIn.requests).toHaveLength(0);
  });

  it('reports an unknown SID (Twilio 404 / 20404) as invalid input on `id`, after one lookup', async () => {
    const error = await client.getDeliveryStatus({ id: `SM${'ab'.repeat(16)}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ status: 404, providerCode: 20404, docsUrl: 'https://www.twilio.com/docs/errors/20404' });
    expect((error as InvalidInputError).issues[0]!.path).toBe('id');
    expect(standIn.requests).toHaveLength(1); // a 4xx is never retried
  });
});

describe('health probe', () => {
  it('fetches the account: active = ok, suspended = degraded, closed = down', async () => {
    const health = await client.checkHealth();
    expect(health).toMatchObject({ integration: 'sms.twilio', status: 'ok' });
    expect(health.error).toBeUndefined();
    expect(standIn.requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}.json`, form: {}, query: {} });
    expectAuthorized(standIn.requests[0]!);

    try {
      standIn.accountStatus = 'suspended';
      expect(await client.checkHealth()).toMatchObject({ status: 'degraded', detail: 'Twilio account is suspended' });
      standIn.accountStatus = 'closed';
      expect(await client.checkHealth()).toMatchObject({ status: 'down', detail: 'Twilio account is closed' });
    } finally {
      standIn.accountStatus = 'active';
    }
  });

  it('rejected credentials are down, with a secret-free detail', async () => {
    const health = await checkSmsTwilioHealth({
      config: {},
      secrets: { accountSid: ACCOUNT_SID, authToken: 'not-the-token-0000000000000000000' },
      adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    });
    expect(health).toMatchObject({ status: 'down', detail: 'Twilio rejected the credentials (error 20003)' });
    expect(JSON.stringify(health)).not.toContain('not-the-token');
  });

  it('a probe that gets no answer is down within the health timeout', async () => {
    standIn.respondNext('GET /2010-04-01/Accounts/{Sid}.json', { hang: true });
    const health = await client.checkHealth({ timeoutMs: 200 });
    expect(health.status).toBe('down');
    // The given 200 ms, not the spec's 3 s: the error says which limit it hit (no wall-clock bound on a loaded machine).
    expect(health.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('longer than 200 ms') });
  });
});

describe('cancellation', () => {
  it("the caller's AbortSignal cancels the HTTP request itself", async () => {
    standIn.respondNext('GET /2010-04-01/Accounts/{Sid}/Messages/{Sid}.json', { hang: true });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    // Once the request is on the wire (not after a fixed delay: loading the SDK first may take longer on a busy machine).
    let settled = false;
    const abortOnceSent = async () => {
      while (standIn.requests.length === 0 && !settled) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort(reason);
    };
    const call = client.getDeliveryStatus({ id: `SM${'cd'.repeat(16)}` }, { signal: controller.signal }).catch((e: unknown) => e).finally(() => (settled = true));
    void abortOnceSent();
    const error = await call;
    // The caller's reason, not a TimeoutError after the 10 s default: the abort ended the wait.
    expect(error).toBe(reason);
    expect(standIn.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(client.sendSms({ to: TO, body: 'never' }, { signal: controller.signal })).rejects.toThrow('too late');
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('the offline contract check catches a wrong request', () => {
  it('fails for a misspelt parameter, a missing required one and an unknown path', () => {
    const problems = checkTwilioRequest({
      method: 'POST',
      path: MESSAGES_PATH,
      form: { From: FROM, Body: 'hi', MediaURL: 'https://media.example.com/a.png', StatusCallBack: 'https://x.example/cb' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('missing required form parameter To'),
        expect.stringContaining('unknown form parameter MediaURL'),
        expect.stringContaining('unknown form parameter StatusCallBack'),
      ]),
    );
    expect(checkTwilioRequest({ method: 'POST', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Message.json` })).not.toEqual([]);
  });
});

describe('resource mapping', () => {
  // Every status Twilio documents, and what is not a status: test/adapters/twilio-responses.test.ts.
  it('maps Twilio statuses onto the sms.outbound enum', () => {
    const cases: [string, string][] = [
      ['queued', 'queued'],
      ['accepted', 'queued'],
      ['scheduled', 'scheduled'],
      ['sending', 'sending'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['read', 'delivered'],
      ['undelivered', 'undelivered'],
      ['failed', 'failed'],
      ['canceled', 'canceled'],
      ['partially_delivered', 'sent'],
      ['receiving', 'sending'],
      ['received', 'delivered'],
    ];
    for (const [twilio, capability] of cases) expect([twilio, toDeliveryStatus(twilio)]).toEqual([twilio, capability]);
    expect(toDeliveryStatus('read', { read: true })).toBe('read');
  });

  it("reads Twilio's JSON body: RFC 2822 dates as ISO strings, numbers as integers, a code's description for an empty error message", () => {
    expect(toInteger('3')).toBe(3);
    expect(toInteger('three')).toBeNull();
    expect(toInteger('1.5')).toBeNull();
    expect(
      toSmsMessage({ sid: 'SM1', status: 'sent', to: TO, price: -0.0079, num_segments: null, error_code: '21610', date_created: 'Tue, 02 Jan 2024 03:04:05 +0000' }),
    ).toMatchObject({
      price: '-0.0079',
      segments: null,
      errorCode: 21610,
      errorMessage: expect.stringContaining('opted out'),
      createdAt: '2024-01-02T03:04:05.000Z',
    });
  });
});

describe('lazy SDK loading', () => {
  const run = promisify(execFile);
  // The child imports a module, then reports how many twilio files Node's CommonJS cache holds
  // (the SDK is CommonJS), then imports the SDK itself as a positive control.
  const script = [
    'import { createRequire } from "node:module";',
    'const require = createRequire(process.cwd() + "/");',
    'const twilioFiles = () => Object.keys(require.cache).filter((p) => p.includes("/node_modules/twilio/")).length;',
    'await import(process.argv[1]);',
    'const before = twilioFiles();',
    'await import("twilio");',
    'console.log(JSON.stringify({ before, after: twilioFiles() }));',
  ].join('\n');
  const probe = async (module: string) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, module], { cwd: process.cwd(), timeout: 30_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as { before: number; after: number };
  };

  it('importing the generated clients and the adapters does not load the twilio SDK', async () => {
    for (const module of [
      './generated/integrations/sms.twilio/client.ts',
      './generated/integrations/messaging.whatsapp.twilio/client.ts',
      './adapters/twilio/index.ts',
    ]) {
      const result = await probe(module);
      expect([module, result.before]).toEqual([module, 0]);
      expect(result.after).toBeGreaterThan(0); // the check does see the SDK once it is loaded
    }
  });

  it('the check detects a module that does load it', async () => {
    expect((await probe('./adapters/twilio/loopback-http-client.ts')).before).toBeGreaterThan(0);
  });

  it('the default adapter is the one the generated client binds', () => {
    expect(twilioSmsAdapter.integration).toBe('sms.twilio');
  });
});
