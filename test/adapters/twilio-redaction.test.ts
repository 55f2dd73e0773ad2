/**
 * Redaction by construction (finding 5 of issue 16): no secret in any field of an error, nor in a
 * health result. Providers echo credentials anywhere: Twilio's `more_info`, its `details`, a
 * problem+json body's `type`, `title`, `detail` and `instance`, an account's own fields. The
 * adapters never carry the SDK's exception; the client's kernel redacts every string reachable
 * from the error it lets out (own fields, docsUrl, cause chains) in every encoding it knows. Each
 * result is read the ways a log reads it: JSON.stringify, util.inspect (depth Infinity, hidden
 * fields too), String(err), err.stack, and a walk over every string reachable from it.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineAdapter, IntegrationError, InvalidInputError, ProviderError } from '@contractgen/runtime';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { secretEncodings } from '../../runtime/client/secret-encodings.js';
import type { SmsOutboundOperations } from '../../generated/capabilities/sms.outbound/types.js';
import type { SmsTwilioConfig, SmsTwilioSecrets } from '../../generated/integrations/sms.twilio/types.js';
import { checkSmsTwilioHealth, createSmsTwilioClient, type SmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const secrets = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
/** Every spelling of the two secrets the kernel knows: raw, URL, form and JSON escapes, base64 (also inside Basic). */
const SPELLINGS = secretEncodings([ACCOUNT_SID, AUTH_TOKEN]).filter((form) => form !== ACCOUNT_SID);
const BASIC = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
const SEND = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';
const FETCH = 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json';
const ACCOUNT = 'GET /2010-04-01/Accounts/{AccountSid}.json';
const TO = '+14155552671';

/** Every string a value leads to: own fields (enumerable or not, symbol-keyed too), toJSON, without calling other getters. */
function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  const found: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in descriptor) found.push(...reachableStrings(descriptor.value, seen));
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') found.push(...reachableStrings(JSON.stringify(value), seen));
  return found;
}

/** What a log could show of `value`, each way it is commonly printed. */
function everyPrint(value: unknown): string[] {
  const texts = [inspect(value, { depth: Infinity, showHidden: true }), inspect(value, { depth: Infinity }), JSON.stringify(value) ?? '', ...reachableStrings(value)];
  if (value instanceof Error) texts.push(String(value), value.stack ?? '', value.message);
  return texts;
}

function expectNoSecret(value: unknown): void {
  for (const text of everyPrint(value)) {
    for (const spelling of [...SPELLINGS, BASIC]) expect(text.includes(spelling), `${JSON.stringify(spelling)} in ${text.slice(0, 300)}`).toBe(false);
  }
}

/** The same secret in each spelling an echo may use. */
const echoes = (prefix: string) => [AUTH_TOKEN, encodeURIComponent(AUTH_TOKEN), BASIC, Buffer.from(AUTH_TOKEN).toString('base64')].map((s) => `${prefix}${s}`);

let standIn: TwilioStandIn;
let sms: SmsTwilioClient;
beforeAll(async () => {
  standIn = await startTwilioStandIn(secrets);
  sms = await createSmsTwilioClient({ config: { fromNumber: '+15005550006' }, secrets, adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }), retry: { maxAttempts: 1 } });
});
afterAll(() => standIn.close());
afterEach(() => standIn.reset());

describe('Twilio errors that echo a credential', () => {
  it('in more_info, message and details: docsUrl, JSON, inspect and every field are clean, and the SDK exception is not carried', async () => {
    for (const [i, echo] of echoes('').entries()) {
      standIn.respondNext(SEND, {
        status: 400,
        body: { code: 21211, message: `Invalid To for ${echo}`, more_info: `https://www.twilio.com/docs/errors/21211?auth=${echo}`, status: 400, details: { echoed: echo, nested: { list: [echo] } } },
      });
      const error = await sms.sendSms({ to: TO, body: 'hi' }).catch((e: unknown) => e);
      expect(error, `echo ${i}`).toBeInstanceOf(InvalidInputError);
      expect((error as { docsUrl: string }).docsUrl).toBe('https://www.twilio.com/docs/errors/21211?auth=***');
      expect((error as Error).cause).toBeUndefined();
      expectNoSecret(error);
    }
  });

  it('in a problem+json body (type, title, detail, instance)', async () => {
    for (const echo of echoes('')) {
      standIn.respondNext(FETCH, {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({ type: `https://www.twilio.com/docs/errors/20404?t=${echo}`, title: `Not found: ${echo}`, status: 404, code: 20404, detail: `No message for ${echo}`, instance: `/Messages/${echo}` }),
      });
      const error = await sms.getDeliveryStatus({ id: `SM${'ab'.repeat(16)}` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrationError);
      expectNoSecret(error);
    }
  });

  it('in a health probe: the error of a refused probe, and an account whose status echoes the token', async () => {
    for (const echo of echoes('')) {
      standIn.respondNext(ACCOUNT, { status: 500, body: { code: 20500, message: `Internal error for ${echo}`, more_info: `https://x.example/${echo}`, status: 500 } });
      const refused = await checkSmsTwilioHealth({ config: {}, secrets, adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }) });
      expect(refused.status).toBe('down');
      expectNoSecret(refused);
      standIn.respondNext(ACCOUNT, { status: 200, body: { sid: ACCOUNT_SID, status: echo, friendly_name: echo } });
      const echoed = await checkSmsTwilioHealth({ config: {}, secrets, adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }) });
      expect(echoed).toMatchObject({ status: 'down', error: { code: 'INVALID_RESPONSE' } });
      expectNoSecret(echoed);
    }
  });
});

describe('any adapter: every string reachable from what the kernel lets out', () => {
  /** A client whose adapter throws `error` from sendSms and reports `detail` from its probe. */
  async function clientThrowing(error: unknown, detail = 'fine') {
    const adapter = defineAdapter<'sms.twilio', SmsTwilioConfig, SmsTwilioSecrets, SmsOutboundOperations>({
      integration: 'sms.twilio',
      connect: () => ({
        sendSms: async () => {
          throw error;
        },
        getDeliveryStatus: async () => {
          throw error;
        },
        probeHealth: async () => ({ status: 'degraded', detail }),
      }),
    });
    return createSmsTwilioClient({ config: {}, secrets, adapter, retry: { maxAttempts: 1 } });
  }

  const wrapped = () => {
    const root = new TypeError(`socket said Authorization: Basic ${BASIC}`);
    const middle = Object.assign(new Error(`while sending for ${AUTH_TOKEN}`, { cause: root }), { request: { headers: { authorization: `Basic ${BASIC}` } }, body: Buffer.from(`token=${AUTH_TOKEN}`) });
    Object.defineProperty(middle, 'hidden', { value: `hidden ${AUTH_TOKEN}`, enumerable: false });
    return middle;
  };

  const cases: [string, () => unknown][] = [
    ['an unknown error with fields, a hidden field, a buffer and a cause chain', wrapped],
    ['a ProviderError with the token in docsUrl, providerCode and an extra field', () => Object.assign(new ProviderError('failed', { docsUrl: `https://docs.example/${encodeURIComponent(AUTH_TOKEN)}`, providerCode: AUTH_TOKEN, cause: wrapped() }), { extra: { deep: [[{ deeper: JSON.stringify(AUTH_TOKEN).slice(1, -1) }]] } })],
    ['an InvalidInputError whose issue path and message hold it', () => new InvalidInputError([{ path: `to.${AUTH_TOKEN}`, message: `is ${AUTH_TOKEN}` }])],
    ['an AggregateError of errors that hold it', () => new AggregateError([wrapped(), new Error(BASIC)], `all failed: ${AUTH_TOKEN}`)],
    ['a thrown string', () => `plain ${AUTH_TOKEN}`],
    ['a thrown plain object', () => ({ message: AUTH_TOKEN, nested: { BASIC } })],
  ];
  for (const [what, make] of cases) {
    it(`${what}`, async () => {
      const client = await clientThrowing(make());
      const error = await client.sendSms({ to: TO, body: 'hi', from: '+15005550006' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrationError);
      expectNoSecret(error);
    });
  }

  it('keeps what an error wraps recognisable: a scrubbed copy of the same class, message and stack', async () => {
    const bug = new TypeError(`Cannot read properties of undefined (reading '${AUTH_TOKEN}')`);
    const error = (await (await clientThrowing(bug)).sendSms({ to: TO, body: 'hi', from: '+15005550006' }).catch((e: unknown) => e)) as Error;
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((error.cause as Error).message).toBe("Cannot read properties of undefined (reading '***')");
    expect((error.cause as Error).stack).toContain('twilio-redaction.test.ts');
    // The adapter's own object is not the one handed on: it is left as it was.
    expect(error.cause).not.toBe(bug);
  });

  it("an adapter's connect that throws: the client's creation and the health check", async () => {
    const adapter = defineAdapter<'sms.twilio', SmsTwilioConfig, SmsTwilioSecrets, SmsOutboundOperations>({
      integration: 'sms.twilio',
      connect: ({ secrets: given }) => {
        throw Object.assign(new Error(`cannot connect with ${given.authToken.reveal()}`), { docsUrl: `https://x.example/?t=${encodeURIComponent(given.authToken.reveal())}` });
      },
    });
    const error = await createSmsTwilioClient({ config: {}, secrets, adapter }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('cannot connect with ***');
    expectNoSecret(error);
    const health = await checkSmsTwilioHealth({ config: {}, secrets, adapter });
    expect(health.status).toBe('down');
    expectNoSecret(health);
  });

  it("a health probe's detail, in every spelling", async () => {
    for (const echo of echoes('status: ')) {
      const health = await (await clientThrowing(new Error('unused'), echo)).checkHealth();
      expect(health.status).toBe('degraded');
      expect(health.detail).toBe('status: ***');
      expectNoSecret(health);
    }
  });
});
