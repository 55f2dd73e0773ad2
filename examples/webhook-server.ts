/**
 * A WhatsApp webhook endpoint on plain node:http: verifies X-Twilio-Signature, parses incoming
 * messages and status callbacks into typed events, drops redeliveries, and answers TwiML.
 *
 *   npx tsx examples/webhook-server.ts          # demo: starts, posts itself a signed message, a
 *                                               # redelivery, a forged request and a status callback, exits
 *   npx tsx examples/webhook-server.ts --serve  # keeps serving on PORT (default 3000)
 *
 * Point Twilio's "When a message comes in" and status callback URLs at
 * `<public origin>/twilio/whatsapp`. Behind a tunnel or proxy, set PUBLIC_ORIGIN (e.g.
 * https://abc.ngrok.app): Twilio signs the URL it called, not the one this process sees.
 * TWILIO_AUTH_TOKEN is the token webhooks are verified with (default: the stand-in's test token).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from '@contractgen/twilio/testing';
import { toWebRequest, webhookEventKey } from '@contractgen/twilio/whatsapp';
import { createMessagingWhatsappTwilioClient, type MessagingWhatsappTwilioEvent } from '../generated/integrations/messaging.whatsapp.twilio/client.js';
import { createDuplicateFilter, handleOnce, InvalidInputError, SignatureError } from '@contractgen/runtime';

const serve = process.argv.includes('--serve');
const authToken = process.env.TWILIO_AUTH_TOKEN ?? STAND_IN_AUTH_TOKEN;
const publicOrigin = process.env.PUBLIC_ORIGIN;
const PATH = '/twilio/whatsapp';

// Webhooks need only the secrets: no API call is made, so the default (production) adapter is fine.
const whatsapp = await createMessagingWhatsappTwilioClient({
  config: {},
  secrets: { accountSid: process.env.TWILIO_ACCOUNT_SID ?? STAND_IN_ACCOUNT_SID, authToken },
});
// One process only; with several instances, use createRedisDuplicateFilter from @contractgen/redis.
const redeliveries = createDuplicateFilter();

function onEvent(event: MessagingWhatsappTwilioEvent): void {
  if (event.type === 'messageReceived') {
    const { id, from, profileName, text, media } = event.payload;
    console.log(`message ${id} from ${profileName ?? from}: ${JSON.stringify(text)} (${media.length} media)`);
  } else {
    const { id, status, errorCode } = event.payload;
    console.log(`status of ${id}: ${status}${errorCode !== null ? ` (error ${errorCode})` : ''}`);
  }
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== PATH) {
    res.writeHead(404).end();
    return;
  }
  whatsapp
    .handleWebhook(toWebRequest(req, undefined, publicOrigin ? { origin: publicOrigin } : {}))
    // Twilio redelivers with the same MessageSid when an answer is late or fails.
    .then((event) => handleOnce(redeliveries, webhookEventKey(event), () => onEvent(event)).then(({ status }) => ({ event, status })))
    .then(({ event, status }) => {
      if (status === 'in-progress') {
        // Another delivery of this event is being handled right now: ask Twilio to try again later.
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      if (status === 'duplicate') console.log(`redelivery of ${event.payload.id} ignored`);
      res.writeHead(200, { 'content-type': 'text/xml' }).end(EMPTY_TWIML);
    })
    .catch((error: unknown) => {
      const status = error instanceof SignatureError ? 403 : error instanceof InvalidInputError ? 400 : 500;
      console.log(`rejected with ${status}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
      res.writeHead(status).end();
    });
});

const port = serve ? Number(process.env.PORT ?? 3000) : 0;
await new Promise<void>((resolve) => server.listen(port, serve ? undefined : '127.0.0.1', resolve));
const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`webhook endpoint: ${publicOrigin ?? local}${PATH}`);

if (!serve) {
  // Play Twilio: sign each request the way Twilio does (HMAC-SHA1 of URL + sorted params).
  const post = async (params: Record<string, string>, signWith = authToken) => {
    const url = `${local}${PATH}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(signWith, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    return response.status;
  };
  const inbound = {
    MessageSid: 'SM0123456789abcdef0123456789abcdef',
    AccountSid: STAND_IN_ACCOUNT_SID,
    From: 'whatsapp:+14155552671',
    To: 'whatsapp:+15005550006',
    Body: 'Is my order ready?',
    NumMedia: '0',
    ProfileName: 'Ada',
    WaId: '14155552671',
  };
  const results = [
    await post(inbound),
    await post(inbound), // a redelivery
    await post({ ...inbound, Body: 'forged' }, 'not-the-token'),
    await post({ MessageSid: 'SMfedcba9876543210fedcba9876543210', MessageStatus: 'read', To: inbound.From, From: inbound.To }),
  ];
  console.log(`responses: ${results.join(', ')}`);
  server.close();
  const expected = [200, 200, 403, 200];
  process.exitCode = results.every((status, i) => status === expected[i]) ? 0 : 1;
}
