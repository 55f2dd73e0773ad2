/**
 * Inbound WhatsApp webhooks through the generated client's handleWebhook: X-Twilio-Signature
 * verification (the official twilio-node vector, bad / missing / replayed signatures), parsing
 * into messaging.inbound events, node:http and Express-style requests via toWebRequest, and
 * 1,000 seeded random mutations that must never crash the parser nor get a forged request in.
 *
 * Signatures are computed here independently of the SDK, with node:crypto: HMAC-SHA1 keyed by
 * the auth token over the URL followed by each parameter name and value, names sorted, repeated
 * values de-duplicated and sorted (what twilio.validateRequest checks), base64.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, toWebRequest, verifyTwilioWebhook, webhookEventKey, type WebhookFields } from '@contractgen/twilio/webhooks';
import * as runtime from '@contractgen/runtime';
import { createTwilioWhatsappAdapter } from '@contractgen/twilio/whatsapp';
import type { MessagingInboundEvent } from '../../generated/capabilities/messaging.inbound/types.js';
import {
  createMessagingWhatsappTwilioClient,
  type MessagingWhatsappTwilioClient,
} from '../../generated/integrations/messaging.whatsapp.twilio/client.js';
import { InvalidInputError, SignatureError } from '@contractgen/runtime';
import { Secret } from '@contractgen/runtime';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
// The token of twilio-node's published test vector; it authorizes nothing.
const TOKEN = '12345';
const VECTOR_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const VECTOR_PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
const VECTOR_SIGNATURE = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
const HOOK_URL = 'https://hooks.example.com/twilio/whatsapp?tenant=acme';

type Entries = [string, string][];

/** Independent signer (node:crypto), mirroring what twilio.validateRequest expects. */
function sign(token: string, url: string, params: Record<string, string | string[]> = {}): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const item of values) data += key + item;
  }
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/** Form entries -> params with repeated keys as arrays (own properties, `__proto__` included). */
function paramsOf(entries: Iterable<[string, string]>): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    const existing = Object.hasOwn(params, key) ? params[key] : undefined;
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(params, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return params;
}

function entriesOf(record: Record<string, string>): Entries {
  return Object.entries(record);
}

interface WebhookInit {
  url?: string;
  entries?: Entries;
  /** Default: a correct signature over `signedUrl` (default `url`) and the entries. */
  signature?: string | null;
  signedUrl?: string;
  method?: string;
  contentType?: string | null;
  body?: string | Uint8Array<ArrayBuffer>;
}

function webhook(init: WebhookInit = {}): Request {
  const url = init.url ?? HOOK_URL;
  const entries = init.entries ?? [];
  const method = init.method ?? 'POST';
  const headers = new Headers();
  const signature = init.signature === undefined ? sign(TOKEN, init.signedUrl ?? url, method === 'GET' ? {} : paramsOf(entries)) : init.signature;
  if (signature !== null) headers.set('X-Twilio-Signature', signature);
  const contentType = init.contentType === undefined ? 'application/x-www-form-urlencoded; charset=UTF-8' : init.contentType;
  if (contentType !== null && method !== 'GET') headers.set('Content-Type', contentType);
  const body = method === 'GET' ? undefined : (init.body ?? new URLSearchParams(entries).toString());
  return new Request(url, { method, headers, ...(body !== undefined && { body }) });
}

const INBOUND: Entries = [
  ['SmsMessageSid', 'SM0123456789abcdef0123456789abcdef'],
  ['NumMedia', '2'],
  ['ProfileName', 'Ada Lovelace'],
  ['MessageType', 'image'],
  ['SmsSid', 'SM0123456789abcdef0123456789abcdef'],
  ['WaId', '14155552671'],
  ['SmsStatus', 'received'],
  ['Body', 'Here is the photo & the receipt'],
  ['To', 'whatsapp:+15005550006'],
  ['MediaContentType1', 'application/pdf'],
  ['MediaUrl1', 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2'],
  ['MediaContentType0', 'image/jpeg'],
  ['MediaUrl0', 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1'],
  ['NumSegments', '1'],
  ['ReferralNumMedia', '0'],
  ['MessageSid', 'SM0123456789abcdef0123456789abcdef'],
  ['AccountSid', ACCOUNT_SID],
  ['From', 'whatsapp:+14155552671'],
  ['OriginalRepliedMessageSid', 'SMfedcba9876543210fedcba9876543210'],
  ['ApiVersion', '2010-04-01'],
  ['SomeFieldTwilioAddsLater', 'kept in raw'],
];

const STATUS: Entries = [
  ['ChannelPrefix', 'whatsapp'],
  ['ApiVersion', '2010-04-01'],
  ['MessageStatus', 'undelivered'],
  ['SmsSid', 'SM00000000000000000000000000000001'],
  ['SmsStatus', 'undelivered'],
  ['ChannelInstallSid', 'XE00000000000000000000000000000000'],
  ['To', 'whatsapp:+14155552671'],
  ['From', 'whatsapp:+15005550006'],
  ['MessageSid', 'SM00000000000000000000000000000001'],
  ['StructuredMessage', 'false'],
  ['AccountSid', ACCOUNT_SID],
  ['ErrorCode', '63016'],
  ['EventType', 'UNDELIVERED'],
];

let client: MessagingWhatsappTwilioClient;

beforeAll(async () => {
  // The default adapter: webhook handling needs no network, only the auth token.
  client = await createMessagingWhatsappTwilioClient({ config: {}, secrets: { accountSid: ACCOUNT_SID, authToken: TOKEN } });
});

async function outcome(promise: Promise<MessagingInboundEvent>): Promise<MessagingInboundEvent | Error> {
  try {
    return await promise;
  } catch (error) {
    return error as Error;
  }
}

describe('signature verification', () => {
  it("the test signer reproduces twilio-node's official vector", () => {
    expect(sign(TOKEN, VECTOR_URL, VECTOR_PARAMS)).toBe(VECTOR_SIGNATURE);
  });

  it('accepts the official vector (then finds it is a voice webhook, not a message)', async () => {
    const request = () => webhook({ url: VECTOR_URL, entries: entriesOf(VECTOR_PARAMS), signature: VECTOR_SIGNATURE });
    // Verified: the fields come back exactly as posted...
    const fields = await verifyTwilioWebhook(request(), {}, {
      integration: 'messaging.whatsapp.twilio',
      authToken: new Secret(TOKEN),
      validateRequest: async () => (await import('twilio')).default.validateRequest,
    });
    expect(fields).toEqual(VECTOR_PARAMS);
    // ...and through the client, past the signature check to parsing: it has no MessageSid.
    const error = await outcome(client.handleWebhook(request()));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([{ path: 'MessageSid', message: expect.any(String) }]);
  });

  it('accepts a vector-signed message on the same URL', async () => {
    const entries: Entries = [...entriesOf(VECTOR_PARAMS), ['MessageSid', 'SM0123456789abcdef0123456789abcdef'], ['Body', 'hi']];
    const event = await client.handleWebhook(webhook({ url: VECTOR_URL, entries }));
    expect(event).toMatchObject({ type: 'messageReceived', payload: { id: 'SM0123456789abcdef0123456789abcdef', from: '+14158675309', text: 'hi' } });
  });

  it('rejects a missing, empty or wrong signature', async () => {
    for (const signature of [null, '', VECTOR_SIGNATURE.replace('R', 'r'), 'not base64 at all', sign('54321', VECTOR_URL, VECTOR_PARAMS)]) {
      const error = await outcome(client.handleWebhook(webhook({ url: VECTOR_URL, entries: entriesOf(VECTOR_PARAMS), signature })));
      expect([signature, error]).toEqual([signature, expect.any(SignatureError)]);
    }
  });

  it('rejects a request replayed to another URL, or with its parameters changed', async () => {
    const signature = sign(TOKEN, HOOK_URL, paramsOf(INBOUND));
    const replays = [
      webhook({ url: 'https://hooks.example.com/twilio/whatsapp?tenant=evil', entries: INBOUND, signature }),
      webhook({ url: 'https://other.example.com/twilio/whatsapp?tenant=acme', entries: INBOUND, signature }),
      webhook({ url: 'http://hooks.example.com/twilio/whatsapp?tenant=acme', entries: INBOUND, signature }),
      webhook({ url: HOOK_URL, entries: INBOUND.map(([k, v]) => [k, k === 'Body' ? 'Send me money' : v]), signature }),
      webhook({ url: HOOK_URL, entries: [...INBOUND, ['Extra', '1']], signature }),
      webhook({ url: HOOK_URL, entries: INBOUND.filter(([k]) => k !== 'MediaUrl1'), signature }),
    ];
    for (const request of replays) expect(await outcome(client.handleWebhook(request))).toBeInstanceOf(SignatureError);
    // The untouched original passes.
    expect(await outcome(client.handleWebhook(webhook({ url: HOOK_URL, entries: INBOUND, signature })))).toMatchObject({ type: 'messageReceived' });
  });

  it('verifies over the public URL behind a proxy (context.publicUrl)', async () => {
    const internal = 'http://10.0.3.7:8080/twilio/whatsapp?tenant=acme';
    const request = () => webhook({ url: internal, entries: INBOUND, signedUrl: HOOK_URL });
    expect(await outcome(client.handleWebhook(request()))).toBeInstanceOf(SignatureError);
    expect(await outcome(client.handleWebhook(request(), { publicUrl: HOOK_URL }))).toMatchObject({ type: 'messageReceived' });
    // A publicUrl that cannot be what Twilio called is a usage error, not a forged request.
    expect(await outcome(client.handleWebhook(request(), { publicUrl: '/twilio/whatsapp' }))).toBeInstanceOf(InvalidInputError);
  });

  it('keeps repeated keys as arrays, signed with every value, in the order signed (sorted)', async () => {
    const entries: Entries = [...STATUS, ['Tag', 'b'], ['Tag', 'a'], ['Tag', 'c']];
    const event = await client.handleWebhook(webhook({ entries }));
    // The signature covers the values sorted, not the order they came in: that is the order handed on.
    expect(event.payload.raw.Tag).toEqual(['a', 'b', 'c']);
    // Dropping one of the repeated values breaks the signature.
    const signature = sign(TOKEN, HOOK_URL, paramsOf(entries));
    const fewer = webhook({ entries: entries.filter(([k, v]) => !(k === 'Tag' && v === 'c')), signature });
    expect(await outcome(client.handleWebhook(fewer))).toBeInstanceOf(SignatureError);
  });

  it('refuses an exact duplicate key=value pair, which the signature does not cover (InvalidInputError, 400)', async () => {
    const status = STATUS.find(([key]) => key === 'MessageStatus')!;
    const body = INBOUND.find(([key]) => key === 'Body')!;
    for (const duplicated of [[...STATUS, status], [...INBOUND, body], [...STATUS, ['Tag', 'x'], ['Tag', 'y'], ['Tag', 'x']]] as Entries[]) {
      const signedWithout = sign(TOKEN, HOOK_URL, paramsOf(duplicated));
      // Signed as Twilio would sign it, the duplicate included: the same signature as without it.
      expect(signedWithout).toBe(sign(TOKEN, HOOK_URL, paramsOf(duplicated.filter(([k, v], i) => duplicated.findIndex(([k2, v2]) => k2 === k && v2 === v) === i))));
      const error = await outcome(client.handleWebhook(webhook({ entries: duplicated })));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]!.message).toContain('identical key=value pair');
    }
  });

  it('GET webhooks are signed over the URL alone and read their fields from the query', async () => {
    const url = `${HOOK_URL}&${new URLSearchParams(STATUS).toString()}`;
    const event = await client.handleWebhook(webhook({ url, method: 'GET' }));
    expect(event).toMatchObject({ type: 'deliveryStatusChanged', payload: { id: 'SM00000000000000000000000000000001', status: 'undelivered', errorCode: 63016 } });
    expect(await outcome(client.handleWebhook(webhook({ url, method: 'GET', signature: sign(TOKEN, HOOK_URL) })))).toBeInstanceOf(SignatureError);
  });
});

describe('parsing', () => {
  it('an incoming WhatsApp message: media in index order, profile, reply reference, raw fields', async () => {
    const event = await client.handleWebhook(webhook({ entries: INBOUND }));
    expect(event).toEqual({
      type: 'messageReceived',
      payload: {
        id: 'SM0123456789abcdef0123456789abcdef',
        accountId: ACCOUNT_SID,
        from: 'whatsapp:+14155552671',
        to: 'whatsapp:+15005550006',
        text: 'Here is the photo & the receipt',
        media: [
          { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', contentType: 'image/jpeg' },
          { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', contentType: 'application/pdf' },
        ],
        profileName: 'Ada Lovelace',
        channelUserId: '14155552671',
        messageType: 'image',
        replyToId: 'SMfedcba9876543210fedcba9876543210',
        raw: Object.fromEntries(INBOUND),
      },
    });
  });

  it('location and quick-reply button messages', async () => {
    const base: Entries = [
      ['MessageSid', 'SM0123456789abcdef0123456789abcdee'],
      ['From', 'whatsapp:+14155552671'],
      ['To', 'whatsapp:+15005550006'],
      ['Body', ''],
    ];
    const location = await client.handleWebhook(
      webhook({ entries: [...base, ['MessageType', 'location'], ['Latitude', '37.7749'], ['Longitude', '-122.4194'], ['Address', '1 Market St'], ['Label', 'HQ']] }),
    );
    expect(location.payload).toMatchObject({ text: null, media: [], messageType: 'location', location: { latitude: 37.7749, longitude: -122.4194, address: '1 Market St', label: 'HQ' } });

    const button = await client.handleWebhook(webhook({ entries: [...base, ['MessageType', 'button'], ['ButtonText', 'Confirm'], ['ButtonPayload', 'confirm:42']] }));
    expect(button.payload).toMatchObject({ button: { text: 'Confirm', payload: 'confirm:42' } });
  });

  it('unreadable numbers are left out instead of failing the webhook', async () => {
    const event = await client.handleWebhook(
      webhook({
        entries: [
          ['MessageSid', 'SM0123456789abcdef0123456789abcdee'],
          ['From', 'whatsapp:+14155552671'],
          ['To', 'whatsapp:+15005550006'],
          ['Latitude', 'north'],
          ['Longitude', '200'],
          ['NumMedia', 'lots'],
          ['MediaUrl5', ''],
        ],
      }),
    );
    expect(event.type).toBe('messageReceived');
    expect(event.type === 'messageReceived' && event.payload.location).toBeUndefined();
    expect(event.payload).toMatchObject({ media: [], raw: { Latitude: 'north', NumMedia: 'lots' } });

    const status = await client.handleWebhook(webhook({ entries: STATUS.map(([k, v]) => [k, k === 'ErrorCode' ? '63O16' : v]) }));
    expect(status).toMatchObject({ type: 'deliveryStatusChanged', payload: { errorCode: null } });
  });

  it('a status callback', async () => {
    const event = await client.handleWebhook(webhook({ entries: STATUS }));
    expect(event).toEqual({
      type: 'deliveryStatusChanged',
      payload: {
        id: 'SM00000000000000000000000000000001',
        status: 'undelivered',
        errorCode: 63016,
        to: 'whatsapp:+14155552671',
        from: 'whatsapp:+15005550006',
        raw: Object.fromEntries(STATUS),
      },
    });
  });

  it('field names that look like prototype keys stay plain data', async () => {
    const entries: Entries = [...STATUS, ['__proto__', 'x'], ['constructor', 'y'], ['__proto__[polluted]', 'z']];
    const event = await client.handleWebhook(webhook({ entries }));
    expect(Object.hasOwn(event.payload.raw, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(event.payload.raw)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed requests are InvalidInputErrors', async () => {
    const json = webhook({ entries: STATUS, contentType: 'application/json', body: JSON.stringify(Object.fromEntries(STATUS)) });
    expect(await outcome(client.handleWebhook(json))).toBeInstanceOf(InvalidInputError);

    const big = webhook({ entries: [...STATUS, ['Body', 'x'.repeat(300 * 1024)]] });
    expect(await outcome(client.handleWebhook(big))).toBeInstanceOf(InvalidInputError);

    const read = webhook({ entries: STATUS });
    await read.text();
    expect(await outcome(client.handleWebhook(read))).toBeInstanceOf(InvalidInputError);

    const noIds = webhook({ entries: [['Body', 'hello']] });
    const error = await outcome(client.handleWebhook(noIds));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual(['MessageSid', 'From', 'To']);
  });

  it('a form body without a content type is still read as a form', async () => {
    // (A string body would make Request add text/plain; bytes carry no content type.)
    const body = new TextEncoder().encode(new URLSearchParams(STATUS).toString());
    const request = webhook({ entries: STATUS, contentType: null, body });
    expect(request.headers.get('content-type')).toBeNull();
    expect(await outcome(client.handleWebhook(request))).toMatchObject({ type: 'deliveryStatusChanged' });
  });
});

describe('duplicate deliveries', () => {
  it('the event key is stable across redeliveries; status changes of one message are distinct', async () => {
    const first = await client.handleWebhook(webhook({ entries: INBOUND }));
    const again = await client.handleWebhook(webhook({ entries: [...INBOUND] }));
    expect(webhookEventKey(first)).toBe(webhookEventKey(again));

    const status = (value: string) => client.handleWebhook(webhook({ entries: STATUS.map(([k, v]) => [k, k === 'MessageStatus' ? value : v]) }));
    const [delivered, read, readAgain] = await Promise.all([status('delivered'), status('read'), status('read')]);
    expect(webhookEventKey(delivered)).not.toBe(webhookEventKey(read));
    expect(webhookEventKey(read)).toBe(webhookEventKey(readAgain));
    expect(new Set([first, delivered, read].map(webhookEventKey)).size).toBe(3);
  });
});

describe('node:http and Express-style requests via toWebRequest', () => {
  it("is the runtime's, re-exported by @contractgen/twilio/webhooks (with its form reader)", () => {
    expect(toWebRequest).toBe(runtime.toWebRequest);
    expect(fieldsOf).toBe(runtime.formFields);
  });

  let server: http.Server;
  let baseUrl: string;
  const PUBLIC_ORIGIN = 'https://hooks.example.com';
  type Mode = 'stream' | 'stream-public' | 'express';
  let mode: Mode = 'stream';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void (async () => {
        let request: Request;
        if (mode === 'express') {
          // What Express does: a body parser consumed the stream into req.body, and a router
          // mounted at /twilio rewrote req.url (originalUrl keeps the full path).
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const parsed: Record<string, string | string[]> = {};
          for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
            const existing = parsed[key];
            parsed[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
          }
          Object.assign(req, { body: parsed, originalUrl: req.url, url: req.url!.replace(/^\/twilio/, '') });
          request = toWebRequest(req, undefined, { origin: PUBLIC_ORIGIN });
        } else {
          request = toWebRequest(req, undefined, mode === 'stream-public' ? { origin: PUBLIC_ORIGIN } : {});
        }
        try {
          const event = await client.handleWebhook(request);
          res.writeHead(200, { 'content-type': 'text/xml' }).end(`<Response><!-- ${event.type} --></Response>`);
        } catch (error) {
          res.writeHead(error instanceof SignatureError ? 403 : 400).end();
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function post(path: string, signedUrl: string, entries: Entries = INBOUND) {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(TOKEN, signedUrl, paramsOf(entries)) },
      body: new URLSearchParams(entries).toString(),
    });
    return { status: response.status, text: await response.text() };
  }

  it('plain node:http: the URL is rebuilt from the Host header', async () => {
    mode = 'stream';
    expect(await post('/twilio/whatsapp?tenant=acme', `${baseUrl}/twilio/whatsapp?tenant=acme`)).toEqual({ status: 200, text: '<Response><!-- messageReceived --></Response>' });
    expect((await post('/twilio/whatsapp?tenant=acme', `${PUBLIC_ORIGIN}/twilio/whatsapp?tenant=acme`)).status).toBe(403);
  });

  it('behind a proxy: the public origin is given', async () => {
    mode = 'stream-public';
    expect((await post('/twilio/whatsapp?tenant=acme', `${PUBLIC_ORIGIN}/twilio/whatsapp?tenant=acme`)).status).toBe(200);
  });

  it('Express: a parsed req.body and a router-rewritten req.url', async () => {
    mode = 'express';
    const entries: Entries = [...INBOUND, ['Tag', 'one'], ['Tag', 'two']];
    expect((await post('/twilio/whatsapp?tenant=acme', `${PUBLIC_ORIGIN}/twilio/whatsapp?tenant=acme`, entries)).status).toBe(200);
    expect((await post('/twilio/whatsapp?tenant=acme', `${PUBLIC_ORIGIN}/whatsapp?tenant=acme`, entries)).status).toBe(403);
  });
});

describe('1,000 randomly mutated webhook requests', () => {
  /** mulberry32: a small seeded PRNG, so a failure reproduces. */
  function prng(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('never crash the parser and never let a wrong signature in', async () => {
    const random = prng(0x5eed1e55);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const int = (max: number) => Math.floor(random() * max);
    const ALPHABET = ['a', 'Z', '0', '9', ' ', '+', '&', '=', '%', '%2', '%zz', '?', '#', '/', 'é', '€', '😀', '\u0000', '\n', '"', "'", '[', ']', '.', '-'];
    const randomText = () => Array.from({ length: int(12) }, () => pick(ALPHABET)).join('');
    const NAMES = ['MessageSid', 'From', 'To', 'Body', 'MessageStatus', 'ErrorCode', 'MediaUrl0', 'MediaUrl7', 'MediaContentType0', 'NumMedia', 'Latitude', 'Longitude', 'ButtonText', 'ButtonPayload', 'WaId', '__proto__', 'constructor', '__proto__[polluted]', 'toString', '', 'X'];
    const VALUES = ['', '0', '-1', '1e400', 'NaN', '90.0001', 'whatsapp:+14155552671', 'SM0123456789abcdef0123456789abcdef', 'delivered', 'received', 'read'];
    const SCENARIOS: { url: string; publicUrl?: string; method: 'POST' | 'GET'; entries: Entries }[] = [
      { url: HOOK_URL, method: 'POST', entries: INBOUND },
      { url: HOOK_URL, method: 'POST', entries: STATUS },
      { url: VECTOR_URL, method: 'POST', entries: entriesOf(VECTOR_PARAMS) },
      { url: 'http://10.0.3.7:8080/twilio/whatsapp?tenant=acme', publicUrl: HOOK_URL, method: 'POST', entries: INBOUND },
      { url: HOOK_URL, method: 'GET', entries: STATUS },
    ];
    const counts = { accepted: 0, signature: 0, input: 0 };
    let skipped = 0;

    for (let i = 0; i < 1_000; i++) {
      const scenario = pick(SCENARIOS);
      let method = scenario.method;
      let url = scenario.url;
      let publicUrl = scenario.publicUrl;
      let entries: Entries = scenario.entries.map(([k, v]) => [k, v]);
      let contentType: string | null = 'application/x-www-form-urlencoded';
      let encoding: 'standard' | 'percent20' | 'component' | 'bytes' | 'garbage' = 'standard';
      let garbage: Uint8Array<ArrayBuffer> = new Uint8Array();
      const requestUrl = () => (method === 'GET' ? `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(entries).toString()}` : url);
      const signedUrl = () => publicUrl ?? new URL(requestUrl()).href;
      const correct = () => sign(TOKEN, signedUrl(), method === 'GET' ? {} : paramsOf(entries));
      let signature: string | null = correct();

      for (let m = 1 + int(3); m > 0; m--) {
        switch (int(16)) {
          case 0: // change a value
            if (entries.length > 0) entries[int(entries.length)]![1] = random() < 0.5 ? randomText() : pick(VALUES);
            break;
          case 1: // delete a field
            if (entries.length > 0) entries.splice(int(entries.length), 1);
            break;
          case 2: // add a field
            entries.push([random() < 0.6 ? pick(NAMES) : randomText(), random() < 0.5 ? randomText() : pick(VALUES)]);
            break;
          case 3: // repeat a key
            if (entries.length > 0) entries.push([entries[int(entries.length)]![0], randomText()]);
            break;
          case 4: // change the URL
            url = pick([
              url.replace('acme', 'evil'),
              url.replace('https:', 'http:'),
              url.replace(/\/\/[^/]+/, '//attacker.example'),
              `${url}&x=${int(10)}`,
              url.replace('/twilio/', '/twilio2/'),
            ]);
            break;
          case 5: // tamper with the signature
            if (signature) {
              const at = int(signature.length);
              signature = signature.slice(0, at) + (signature[at] === 'A' ? 'B' : 'A') + signature.slice(at + 1);
            }
            break;
          case 6:
            signature = null;
            break;
          case 7:
            signature = pick([sign('54321', signedUrl(), paramsOf(entries)), randomText(), signature?.toLowerCase() ?? '', `${signature ?? ''}=`]);
            break;
          case 8: // re-encode the body without changing its meaning
            encoding = pick(['percent20', 'component'] as const);
            break;
          case 9: // arbitrary bytes, invalid UTF-8 included
            encoding = 'bytes';
            garbage = Uint8Array.from({ length: int(200) }, () => int(256));
            break;
          case 10: // broken percent-encoding and empty pairs
            encoding = 'garbage';
            break;
          case 11:
            contentType = pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', null, 'APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8']);
            break;
          case 12:
            method = method === 'GET' ? 'POST' : 'GET';
            break;
          case 13:
            publicUrl = pick([undefined, 'not a url', '/relative', 'ftp://hooks.example.com/x', HOOK_URL]);
            break;
          default: // (re)sign whatever the request now is: it must then be accepted or be invalid input
            signature = correct();
        }
      }

      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (method !== 'GET') {
        const standard = new URLSearchParams(entries).toString();
        if (encoding === 'percent20') body = standard.replace(/\+/g, '%20');
        else if (encoding === 'component') body = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        else if (encoding === 'bytes') body = garbage;
        else if (encoding === 'garbage') body = `${standard}&%zz=%&&=&%E0%A4%A=1`;
        else body = standard;
      }
      let request: Request;
      try {
        const headers = new Headers();
        if (signature !== null) headers.set('x-twilio-signature', signature);
        if (contentType !== null && method !== 'GET') headers.set('content-type', contentType);
        // A string body would get a text/plain content type by default; bytes get none.
        const payload = typeof body === 'string' && contentType === null ? new TextEncoder().encode(body) : body;
        request = new Request(requestUrl(), { method, headers, ...(payload !== undefined && { body: payload }) });
      } catch {
        skipped++;
        continue; // a header value or URL no HTTP request can carry never reaches a handler
      }

      // What the server will see, computed independently: the URL it verifies and the fields it parses.
      const serverUrl = publicUrl ?? request.url;
      const decoded = method === 'GET' ? '' : new TextDecoder().decode(new Uint8Array(await request.clone().arrayBuffer()));
      const serverFields = method === 'GET' ? {} : paramsOf(new URLSearchParams(decoded));
      const matches = [serverUrl, withDefaultPort(serverUrl)].some((candidate) => signature === sign(TOKEN, candidate, serverFields));
      const formLike = method === 'GET' || contentType === null || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
      const usableUrl = /^https?:\/\//.test(serverUrl) && URL.canParse(serverUrl);

      const result = await outcome(client.handleWebhook(request, publicUrl === undefined ? {} : { publicUrl }));
      const label = `iteration ${i}`;
      if (result instanceof Error) {
        expect([label, result instanceof SignatureError || result instanceof InvalidInputError]).toEqual([label, true]);
        if (result instanceof SignatureError) counts.signature++;
        else counts.input++;
        // A correctly signed request is never refused as forged.
        if (matches && formLike && usableUrl) expect([label, result]).toEqual([label, expect.any(InvalidInputError)]);
      } else {
        counts.accepted++;
        expect([label, matches]).toEqual([label, true]);
        expect(['messageReceived', 'deliveryStatusChanged']).toContain(result.type);
        expect(typeof result.payload.id).toBe('string');
        // Repeated values in the order the signature covers them.
        if (method !== 'GET') expect(result.payload.raw).toEqual(Object.fromEntries(Object.entries(serverFields).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])));
      }
    }

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The mutations exercised every outcome.
    expect(counts.accepted).toBeGreaterThan(50);
    expect(counts.signature).toBeGreaterThan(200);
    expect(counts.input).toBeGreaterThan(20);
    expect(skipped).toBeLessThan(100);
  });
});

/** `https://host/x` -> `https://host:443/x` (the SDK accepts signatures over either form). */
function withDefaultPort(url: string): string {
  const match = /^(https?):\/\/([^/?#]+)(.*)$/.exec(url);
  if (!match || /:\d+$/.test(match[2]!)) return url;
  return `${match[1]}://${match[2]}:${match[1] === 'https' ? 443 : 80}${match[3]}`;
}
