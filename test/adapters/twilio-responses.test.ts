/**
 * No made-up response values (finding 6 of issue 16). The Twilio adapters read what Twilio
 * answered (its JSON body, not the SDK's instance, which fills an absent date with the current
 * time), so a missing required field, a status Twilio does not document or a body that is no
 * message is an InvalidResponseError naming the field, never "queued", "" or "now". The status
 * mapping is total over every status Twilio's own OpenAPI description lists, and lands inside the
 * capability's enum; so is the account status the health probe reads.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError, ProviderError } from '@contractgen/runtime';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { createTwilioWhatsappAdapter } from '@contractgen/twilio/whatsapp';
import { startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { accountHealth } from '../../adapters/twilio/sdk.js';
import { toChannelMessage, toDeliveryStatus, toSmsMessage } from '../../adapters/twilio/messages.js';
import { messagingOutboundCapability } from '../../adapters/twilio/specs/capabilities/messaging-outbound.js';
import { smsOutboundCapability } from '../../adapters/twilio/specs/capabilities/sms-outbound.js';
import { checkSmsTwilioHealth, createSmsTwilioClient, type SmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import { createMessagingWhatsappTwilioClient, type MessagingWhatsappTwilioClient } from '../../generated/integrations/messaging.whatsapp.twilio/client.js';
import { checkTwilioRequest, twilioEnum } from '../support/twilio-contract.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const TO = '+14155552671';
const SID = `SM${'ab'.repeat(16)}`;
const FETCH = 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json';
const SEND = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';
const ACCOUNT = 'GET /2010-04-01/Accounts/{AccountSid}.json';
const DATE = 'Thu, 30 Jul 2015 20:12:31 +0000';

let standIn: TwilioStandIn;
let sms: SmsTwilioClient;
let whatsapp: MessagingWhatsappTwilioClient;
const secrets = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };

beforeAll(async () => {
  standIn = await startTwilioStandIn(secrets);
  sms = await createSmsTwilioClient({ config: { fromNumber: '+15005550006' }, secrets, adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }), retry: { maxAttempts: 1 } });
  whatsapp = await createMessagingWhatsappTwilioClient({ config: { fromNumber: '+15005550006' }, secrets, adapter: createTwilioWhatsappAdapter({ baseUrl: standIn.url }), retry: { maxAttempts: 1 } });
});
afterAll(() => standIn.close());
afterEach(() => {
  for (const request of standIn.requests) expect(checkTwilioRequest(request)).toEqual([]);
  standIn.reset();
});

/** The InvalidResponseError a call rejects with, and the paths its issues name. */
async function invalidResponse(call: Promise<unknown>): Promise<string[]> {
  const error = await call.then(
    (value) => ({ resolved: value }),
    (e: unknown) => e,
  );
  expect(error, JSON.stringify(error)).toBeInstanceOf(InvalidResponseError);
  return (error as InvalidResponseError).issues.map((issue) => issue.path);
}

const message = (fields: Record<string, unknown>) => ({ status: 200, body: fields });

describe('a status lookup', () => {
  it('answered with only a sid is an InvalidResponseError naming status and to, not "queued", "" and three dates of now', async () => {
    standIn.respondNext(FETCH, message({ sid: SID }));
    expect(await invalidResponse(sms.getDeliveryStatus({ id: SID }))).toEqual(['status', 'to']);
    standIn.respondNext(FETCH, message({ sid: SID }));
    expect(await invalidResponse(whatsapp.getMessageStatus({ id: SID }))).toEqual(['status', 'to']);
  });

  it('with a status Twilio does not document, or a null one, names status', async () => {
    for (const status of ['failed_permanently', null, 42, '']) {
      standIn.respondNext(FETCH, message({ sid: SID, to: TO, status }));
      expect(await invalidResponse(sms.getDeliveryStatus({ id: SID })), String(status)).toEqual(['status']);
    }
  });

  it('with a date that cannot be read, or a count that is not one, names those fields', async () => {
    standIn.respondNext(FETCH, message({ sid: SID, to: TO, status: 'sent', date_created: 'yesterday', num_segments: 'two', error_code: 1.5 }));
    expect(await invalidResponse(sms.getDeliveryStatus({ id: SID }))).toEqual(['errorCode', 'segments', 'createdAt']);
  });

  it('answered with JSON null is an InvalidResponseError, not a TypeError from the SDK', async () => {
    standIn.respondNext(FETCH, { status: 200, body: 'null', headers: { 'content-type': 'application/json' } });
    expect(await invalidResponse(sms.getDeliveryStatus({ id: SID }))).toEqual(['(response)']);
  });

  it('keeps absent optional fields null (Twilio said nothing), never the current time', async () => {
    standIn.respondNext(FETCH, message({ sid: SID, to: TO, status: 'sent', date_sent: DATE }));
    expect(await sms.getDeliveryStatus({ id: SID })).toEqual({
      id: SID,
      status: 'sent',
      to: TO,
      from: null,
      segments: null,
      price: null,
      priceUnit: null,
      errorCode: null,
      errorMessage: null,
      createdAt: null,
      sentAt: '2015-07-30T20:12:31.000Z',
      updatedAt: null,
    });
  });
});

describe('a send', () => {
  it('answered 201 with only a sid does not succeed: InvalidResponseError naming the missing fields', async () => {
    standIn.respondNext(SEND, { status: 201, body: { sid: SID } });
    expect(await invalidResponse(sms.sendSms({ to: TO, body: 'hi' }))).toEqual(['status', 'to']);
    standIn.respondNext(SEND, { status: 201, body: { sid: SID } });
    expect(await invalidResponse(whatsapp.sendMessage({ to: TO, content: { type: 'text', text: 'hi' } }))).toEqual(['status', 'to']);
  });

  it('answered 201 with a body that is not JSON is a ProviderError that says the request may have been acted on', async () => {
    standIn.respondNext(SEND, { status: 201, body: 'not json' });
    const error = await sms.sendSms({ to: TO, body: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toContain('may have been acted on');
  });
});

describe("every status in Twilio's OpenAPI description", () => {
  const statuses = twilioEnum('message_enum_status');
  const smsEnum = smsOutboundCapability.operations.getDeliveryStatus.output.properties.status.enum as readonly string[];
  const chatEnum = messagingOutboundCapability.operations.getMessageStatus.output.properties.status.enum as readonly string[];

  it('maps onto the sms.outbound and messaging.outbound enums (read is delivered for SMS, read for WhatsApp)', () => {
    expect(statuses.length).toBeGreaterThanOrEqual(13);
    for (const status of statuses) {
      expect([status, smsEnum.includes(toDeliveryStatus(status)!)]).toEqual([status, true]);
      expect([status, chatEnum.includes(toDeliveryStatus(status, { read: true })!)]).toEqual([status, true]);
    }
    expect(toDeliveryStatus('read')).toBe('delivered');
    expect(toDeliveryStatus('read', { read: true })).toBe('read');
  });

  it('comes back through the adapters, as their outputs', async () => {
    for (const status of statuses) {
      const body = { sid: SID, to: TO, status, date_created: DATE };
      expect(toSmsMessage(body).status).toBe(toDeliveryStatus(status));
      expect(toChannelMessage(body).status).toBe(toDeliveryStatus(status, { read: true }));
      standIn.respondNext(FETCH, message(body));
      expect((await whatsapp.getMessageStatus({ id: SID })).status).toBe(toDeliveryStatus(status, { read: true }));
    }
  });

  it('and nothing else: a status it does not list is not guessed', () => {
    for (const status of ['failed_permanently', 'QUEUED', 'toString', '__proto__', undefined, null]) expect(toDeliveryStatus(status)).toBeUndefined();
  });

  it('the account statuses it lists are each a health status; another, or none, is a down probe with INVALID_RESPONSE', async () => {
    for (const status of twilioEnum('account_enum_status')) expect(['ok', 'degraded', 'down']).toContain(accountHealth({ status }).status);
    for (const status of ['frozen', null]) {
      standIn.respondNext(ACCOUNT, { status: 200, body: { sid: ACCOUNT_SID, status } });
      const health = await checkSmsTwilioHealth({ config: {}, secrets, adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }) });
      expect(health).toMatchObject({ status: 'down', error: { code: 'INVALID_RESPONSE', message: expect.stringContaining('status') } });
    }
  });
});
