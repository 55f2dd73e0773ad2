/**
 * The offline contract check against twilio_api_v2010.json: what the real SDK
 * sends passes; hand-made requests with the mistakes an adapter could make fail.
 */
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackHttpClient } from '../../adapters/twilio/loopback-http-client.js';
import { startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { checkTwilioRequest, type ContractRequest } from '../support/twilio-contract.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const FROM = '+15005550006';
const TO = '+14155552671';
const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

let standIn: TwilioStandIn;
let client: twilio.Twilio;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  client = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: createLoopbackHttpClient(standIn.url) });
});
afterAll(async () => {
  await standIn.close();
});

/** The request the SDK sent for `call`, as the stand-in recorded it. */
async function recorded(call: () => Promise<unknown>) {
  const before = standIn.requests.length;
  await call();
  expect(standIn.requests.length).toBe(before + 1);
  return standIn.requests[before]!;
}

/** A form POST to Messages.json with the given fields. */
function sendMessage(form: ContractRequest['form']): ContractRequest {
  return { method: 'POST', path: MESSAGES_PATH, form };
}

describe('requests the real SDK sends conform', () => {
  it('SMS with repeated MediaUrl, status callback and scheduling fields', async () => {
    const request = await recorded(() =>
      client.messages.create({
        to: TO,
        from: FROM,
        body: 'Hello',
        mediaUrl: ['https://media.example.com/a.png', 'https://media.example.com/b.png'],
        statusCallback: 'https://hooks.example.com/twilio/status',
        messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
        scheduleType: 'fixed',
        sendAt: new Date(Date.now() + 3_600_000),
        validityPeriod: 600,
        smartEncoded: true,
      }),
    );
    expect(request.form.MediaUrl).toHaveLength(2);
    expect(request.form.SendAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/); // Date -> ISO 8601 UTC, no millis
    expect(request.form.SmartEncoded).toBe('true'); // boolean -> 'true'
    expect(checkTwilioRequest(request)).toEqual([]);
  });

  it('WhatsApp template send (ContentSid + ContentVariables)', async () => {
    const request = await recorded(() =>
      client.messages.create({
        to: `whatsapp:${TO}`,
        from: `whatsapp:${FROM}`,
        contentSid: CONTENT_SID,
        contentVariables: JSON.stringify({ 1: 'Ada' }),
      }),
    );
    expect(checkTwilioRequest(request)).toEqual([]);
  });

  it('message fetch, message list with query filters, account fetch', async () => {
    const created = await client.messages.create({ to: TO, from: FROM, body: 'x' });
    const fetch = await recorded(() => client.messages(created.sid).fetch());
    expect(checkTwilioRequest(fetch)).toEqual([]);

    const list = await recorded(() => client.messages.list({ to: TO, dateSent: new Date(), limit: 20 }));
    expect(list.method).toBe('GET');
    expect(list.query).toMatchObject({ To: TO, PageSize: '20' });
    expect(checkTwilioRequest(list)).toEqual([]);

    const account = await recorded(() => client.api.v2010.accounts(ACCOUNT_SID).fetch());
    expect(checkTwilioRequest(account)).toEqual([]);
  });
});

describe('requests that break the contract fail', () => {
  it('an unknown form parameter', () => {
    const problems = checkTwilioRequest(sendMessage({ To: TO, From: FROM, Body: 'x', Bogus: '1' }));
    expect(problems).toEqual(['POST /2010-04-01/Accounts/{AccountSid}/Messages.json: unknown form parameter Bogus']);
  });

  it('a missing required parameter', () => {
    const problems = checkTwilioRequest(sendMessage({ From: FROM, Body: 'x' }));
    expect(problems).toEqual(['POST /2010-04-01/Accounts/{AccountSid}/Messages.json: missing required form parameter To']);
  });

  it('a wrong-case parameter name is unknown (PascalCase is the contract)', () => {
    const problems = checkTwilioRequest(sendMessage({ To: TO, From: FROM, Body: 'x', MediaURL: 'https://a.example/x.png' }));
    expect(problems.join('\n')).toContain('unknown form parameter MediaURL');
  });

  it('values of the wrong type or pattern', () => {
    const problems = checkTwilioRequest(
      sendMessage({
        To: TO,
        ContentSid: 'HXnot-a-sid-not-a-sid-not-a-sid-xx',
        MessagingServiceSid: 'MG123',
        ValidityPeriod: 'soon',
        SmartEncoded: 'yes',
        StatusCallback: 'not a url',
        ContentRetention: 'forever',
      }),
    ).join('\n');
    expect(problems).toContain('ContentSid must match pattern ^HX[0-9a-fA-F]{32}$');
    expect(problems).toContain('MessagingServiceSid must match pattern ^MG[0-9a-fA-F]{32}$');
    expect(problems).toContain('ValidityPeriod must be integer');
    expect(problems).toContain('SmartEncoded must be boolean');
    expect(problems).toContain('StatusCallback must be a valid uri');
    expect(problems).toContain('ContentRetention must be one of retain, discard');
  });

  it('ContentVariables passed as an object (the SDK then sends ContentVariables[1]=...)', async () => {
    const request = await recorded(() =>
      client.messages.create({
        to: `whatsapp:${TO}`,
        from: `whatsapp:${FROM}`,
        contentSid: CONTENT_SID,
        contentVariables: { 1: 'Ada' } as unknown as string,
      }),
    );
    // The stand-in accepted it; the contract does not.
    expect(checkTwilioRequest(request).join('\n')).toContain('unknown form parameter ContentVariables[1]');
    expect(checkTwilioRequest(sendMessage({ To: TO, From: FROM, ContentSid: CONTENT_SID, ContentVariables: 'Ada' }))).toEqual([
      'POST /2010-04-01/Accounts/{AccountSid}/Messages.json: form parameter ContentVariables must be a JSON object string',
    ]);
  });

  it('a repeated scalar parameter', () => {
    const problems = checkTwilioRequest(sendMessage({ To: [TO, '+14155550000'], From: FROM, Body: 'x' }));
    expect(problems.join('\n')).toContain('form parameter To must be string');
  });

  it('bad path parameters, unknown paths and methods', () => {
    expect(checkTwilioRequest({ method: 'GET', path: '/2010-04-01/Accounts/AC123/Messages/SM1.json' }).join('\n')).toMatch(
      /path parameter AccountSid must match pattern[\s\S]*path parameter Sid must match pattern/,
    );
    expect(checkTwilioRequest({ method: 'GET', path: '/2010-04-01/Accounts/AC1/Mesages.json' })).toEqual([
      'GET /2010-04-01/Accounts/AC1/Mesages.json: no path in twilio_api_v2010.json matches',
    ]);
    expect(checkTwilioRequest({ method: 'PUT', path: MESSAGES_PATH })[0]).toMatch(/has no PUT operation \(has GET, POST\)/);
  });

  it('query parameters of GETs', () => {
    const problems = checkTwilioRequest({
      method: 'GET',
      path: MESSAGES_PATH,
      query: { To: TO, PageSize: '5000', Limit: '3' },
    }).join('\n');
    expect(problems).toContain('unknown query parameter Limit');
    expect(problems).toContain('query parameter PageSize must be <= 1000');
  });

  it('a GET with a form body, a POST without form encoding or Basic auth', () => {
    expect(
      checkTwilioRequest({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}.json`, form: { Status: 'active' } })[0],
    ).toMatch(/takes no request body/);
    const problems = checkTwilioRequest({
      method: 'POST',
      path: MESSAGES_PATH,
      headers: { 'content-type': 'application/json' },
      form: { To: TO, From: FROM, Body: 'x' },
    }).join('\n');
    expect(problems).toContain('content-type must be application/x-www-form-urlencoded');
    expect(problems).toContain('missing HTTP Basic authorization');
  });
});
