/**
 * messaging.whatsapp.twilio outbound, end to end over loopback HTTP: the generated client, the
 * WhatsApp adapter and the real twilio SDK against the local stand-in. Text, media and template
 * sends, `whatsapp:` address normalisation, status lookup and the health probe; every request
 * checked against Twilio's OpenAPI description.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioStandIn, twilioErrorBody, type RecordedRequest, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createTwilioWhatsappAdapter, toWhatsappAddress, twilioWhatsappAdapter, whatsappMessageParams } from '@contractgen/twilio/whatsapp';
import {
  createMessagingWhatsappTwilioClient,
  type MessagingWhatsappTwilioClient,
} from '../../generated/integrations/messaging.whatsapp.twilio/client.js';
import { InvalidInputError, TemplateRequiredError } from '@contractgen/runtime';
import { checkTwilioRequest } from '../support/twilio-contract.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const SENDER = 'whatsapp:+15005550006';
const TO = '+14155552671';
const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const MESSAGES_ROUTE = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';

let standIn: TwilioStandIn;
let client: MessagingWhatsappTwilioClient;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  client = await createMessagingWhatsappTwilioClient({
    config: { fromNumber: SENDER },
    secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    adapter: createTwilioWhatsappAdapter({ baseUrl: standIn.url }),
  });
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  for (const request of standIn.requests) expect(checkTwilioRequest(request)).toEqual([]);
  standIn.reset();
});

function expectSend(request: RecordedRequest | undefined) {
  expect(request?.method).toBe('POST');
  expect(request?.path).toBe(MESSAGES_PATH);
  expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(request?.auth?.username).toBe(ACCOUNT_SID);
  expect(request?.auth?.password === AUTH_TOKEN).toBe(true);
  return request!.form;
}

describe('sendMessage', () => {
  it('text: whatsapp: addresses and Body', async () => {
    const sent = await client.sendMessage({ to: TO, content: { type: 'text', text: 'Your table is ready' } });
    expect(expectSend(standIn.requests[0])).toEqual({ To: `whatsapp:${TO}`, From: SENDER, Body: 'Your table is ready' });
    expect(sent).toEqual({
      id: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      to: `whatsapp:${TO}`,
      from: SENDER,
      errorCode: null,
      errorMessage: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
  });

  it('media: repeated MediaUrl with the caption as Body, and the status callback', async () => {
    const mediaUrls = ['https://media.example.com/menu.pdf', 'https://media.example.com/map.png'];
    await client.sendMessage({
      to: `whatsapp:${TO}`,
      from: 'WhatsApp:+15005550001',
      content: { type: 'media', mediaUrls, caption: 'Menu and map' },
      statusCallbackUrl: 'https://hooks.example.com/twilio/status',
    });
    expect(expectSend(standIn.requests[0])).toEqual({
      To: `whatsapp:${TO}`,
      From: 'whatsapp:+15005550001',
      MediaUrl: mediaUrls,
      Body: 'Menu and map',
      StatusCallback: 'https://hooks.example.com/twilio/status',
    });
  });

  it('media without a caption sends no Body', async () => {
    await client.sendMessage({ to: TO, content: { type: 'media', mediaUrls: ['https://media.example.com/a.png'] } });
    expect(expectSend(standIn.requests[0])).toEqual({ To: `whatsapp:${TO}`, From: SENDER, MediaUrl: 'https://media.example.com/a.png' });
  });

  it('template: ContentSid + ContentVariables as a JSON object string, and no Body', async () => {
    await client.sendMessage({
      to: TO,
      content: { type: 'template', templateId: CONTENT_SID, variables: { 1: 'Ada', 2: '12:30', note: 'a "quoted" & encoded value' } },
    });
    const form = expectSend(standIn.requests[0]);
    expect(form).toEqual({ To: `whatsapp:${TO}`, From: SENDER, ContentSid: CONTENT_SID, ContentVariables: expect.any(String) });
    expect(JSON.parse(form.ContentVariables as string)).toEqual({ 1: 'Ada', 2: '12:30', note: 'a "quoted" & encoded value' });
    expect(form.Body).toBeUndefined();
  });

  it('template without variables sends no ContentVariables', async () => {
    await client.sendMessage({ to: TO, content: { type: 'template', templateId: CONTENT_SID } });
    expect(expectSend(standIn.requests[0])).toEqual({ To: `whatsapp:${TO}`, From: SENDER, ContentSid: CONTENT_SID });
  });

  it('replyToId and metadata are not sent (Twilio has no reply threading parameter)', async () => {
    await client.sendMessage({
      to: TO,
      content: { type: 'text', text: 'Re: your question' },
      replyToId: 'SM0123456789abcdef0123456789abcdef',
      metadata: { ticket: 't-9' },
    });
    const request = standIn.requests[0]!;
    expect(expectSend(request)).toEqual({ To: `whatsapp:${TO}`, From: SENDER, Body: 'Re: your question' });
    expect(request.rawBody).not.toContain('t-9');
  });

  it('a Messaging Service SID as sender becomes MessagingServiceSid', async () => {
    await client.sendMessage({ to: TO, from: 'MG0123456789abcdef0123456789abcdef', content: { type: 'text', text: 'hi' } });
    expect(expectSend(standIn.requests[0])).toEqual({ To: `whatsapp:${TO}`, MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef', Body: 'hi' });
  });

  it('rejects non-E.164 addresses and malformed template ids before any request, listing every problem', async () => {
    const error = await client
      .sendMessage({ to: '14155552671', from: 'sms:+15005550006', content: { type: 'template', templateId: 'HXnot-a-sid' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toEqual(['to', 'from', 'content.templateId']);
    expect(standIn.requests).toHaveLength(0);

    for (const to of ['whatsapp:14155552671', 'whatsapp:+0155', '+1 415 555 2671', 'whatsapp:', 'messenger:+14155552671', `+1${'5'.repeat(15)}`]) {
      await expect(client.sendMessage({ to, content: { type: 'text', text: 'x' } })).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(standIn.requests).toHaveLength(0);
  });

  it('63016 (outside the 24-hour window) is a TemplateRequiredError, not retried', async () => {
    standIn.respondNext(MESSAGES_ROUTE, {
      status: 400,
      body: twilioErrorBody(400, 63016, 'Failed to send freeform message because you are outside the allowed window.'),
    });
    const error = await client.sendMessage({ to: TO, content: { type: 'text', text: 'late' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateRequiredError);
    expect(error).toMatchObject({ code: 'TEMPLATE_REQUIRED', status: 400, providerCode: 63016, docsUrl: 'https://www.twilio.com/docs/errors/63016' });
    expect(standIn.requests).toHaveLength(1);
  });

  it('Twilio rejecting the template variables points at content.variables', async () => {
    standIn.respondNext(MESSAGES_ROUTE, { status: 400, body: twilioErrorBody(400, 21656, 'The ContentVariables Parameter is invalid.') });
    const error = await client.sendMessage({ to: TO, content: { type: 'template', templateId: CONTENT_SID, variables: { 1: 'x' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]!.path).toBe('content.variables');
    expect(error).toMatchObject({ providerCode: 21656 });
  });
});

describe('getMessageStatus', () => {
  it('GETs the message and reports WhatsApp read receipts as read', async () => {
    const sent = await client.sendMessage({ to: TO, content: { type: 'text', text: 'seen?' } });
    standIn.messages.get(sent.id)!.status = 'read';
    const status = await client.getMessageStatus({ id: sent.id });
    expect(standIn.requests[1]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sent.id}.json`, form: {} });
    expect(status).toMatchObject({ id: sent.id, status: 'read', to: `whatsapp:${TO}`, from: SENDER, errorCode: null });
  });

  it('a failed message carries its error code and a description', async () => {
    const sent = await client.sendMessage({ to: TO, content: { type: 'text', text: 'late' } });
    Object.assign(standIn.messages.get(sent.id)!, { status: 'failed', error_code: 63016, error_message: null });
    expect(await client.getMessageStatus({ id: sent.id })).toMatchObject({
      status: 'failed',
      errorCode: 63016,
      errorMessage: expect.stringContaining('template'),
    });
  });
});

describe('health probe', () => {
  it('shares the account probe with SMS', async () => {
    expect(await client.checkHealth()).toMatchObject({ integration: 'messaging.whatsapp.twilio', status: 'ok' });
    expect(standIn.requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}.json` });
  });
});

describe('address normalisation and parameters', () => {
  it('accepts +E164 and whatsapp:+E164, in any prefix case', () => {
    expect(toWhatsappAddress('+14155552671')).toBe('whatsapp:+14155552671');
    expect(toWhatsappAddress('whatsapp:+14155552671')).toBe('whatsapp:+14155552671');
    expect(toWhatsappAddress(' WhatsApp:+14155552671 ')).toBe('whatsapp:+14155552671');
    expect(toWhatsappAddress('+04155552671')).toBeUndefined();
    expect(toWhatsappAddress('whatsapp:+1 415')).toBeUndefined();
  });

  it('reports an invalid config.fromNumber by its config path', () => {
    expect(() => whatsappMessageParams({ to: TO, content: { type: 'text', text: 'x' } }, '15005550006')).toThrow(/config\.fromNumber/);
    expect(() => whatsappMessageParams({ to: TO, content: { type: 'text', text: 'x' } }, undefined)).toThrow(/no sender/);
  });

  it('the default adapter is the one the generated client binds', () => {
    expect(twilioWhatsappAdapter.integration).toBe('messaging.whatsapp.twilio');
  });
});
