/**
 * `sms.twilio`: the sms.outbound capability on Twilio Programmable Messaging, through the
 * official `twilio` SDK (loaded lazily, on the first call).
 *
 * - sendSms: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with To, From (input `from`,
 *   else config.fromNumber; a Messaging Service SID `MG...` is sent as MessagingServiceSid), Body,
 *   MediaUrl (repeated, one per media URL) and StatusCallback. `metadata` stays local: it is for
 *   your logs and is never sent to Twilio.
 * - getDeliveryStatus: GET .../Messages/{Sid}.json.
 * - probeHealth: GET /2010-04-01/Accounts/{AccountSid}.json: active = ok, suspended = degraded,
 *   closed or rejected credentials = down.
 *
 * The adapter never retries: the generated client's kernel does, only where safe (a send is
 * never repeated after a timeout). Errors are mapped once, in ./errors.ts.
 */
import { defineAdapter, InvalidInputError, type Adapter, type AdapterConnection, type AdapterInit } from '@contractgen/runtime';
import type { SmsOutboundOperations } from './generated/capabilities/sms.outbound/types.js';
import { assertMessageSid, MESSAGING_SERVICE_SID, toSmsMessage } from './messages.js';
import { createTwilioSession, type TwilioAdapterOptions, type TwilioSecrets } from './sdk.js';

export type { TwilioAdapterOptions, TwilioSecrets } from './sdk.js';

/** The config this adapter reads (a subset of the sms.twilio configSchema). */
export interface TwilioSmsConfig {
  /** Default sender: an E.164 number, an alphanumeric sender id or a Messaging Service SID (MG...). */
  fromNumber?: string;
}

export type TwilioSmsAdapter = Adapter<'sms.twilio', TwilioSmsConfig, TwilioSecrets, SmsOutboundOperations>;

/** Where a Twilio parameter rejected by an error code sits in the sendSms input. */
const SEND_PATHS = { To: 'to', From: 'from', Body: 'body', MediaUrl: 'mediaUrls' } as const;

function connectTwilioSms(init: AdapterInit<TwilioSmsConfig, TwilioSecrets>, options: TwilioAdapterOptions): AdapterConnection<SmsOutboundOperations> {
  const { integration } = init;
  const session = createTwilioSession(init, options);
  return {
    async sendSms(input, context) {
      const from = input.from ?? init.config.fromNumber;
      if (!from) {
        throw new InvalidInputError([{ path: 'from', message: 'no sender: pass `from` or set config.fromNumber' }], { integration });
      }
      const params = {
        to: input.to,
        ...(MESSAGING_SERVICE_SID.test(from) ? { messagingServiceSid: from } : { from }),
        body: input.body,
        ...(input.mediaUrls && input.mediaUrls.length > 0 && { mediaUrl: [...input.mediaUrls] }),
        ...(input.statusCallbackUrl !== undefined && { statusCallback: input.statusCallbackUrl }),
      };
      const message = await session.call('sendSms', context, (twilio) => twilio.messages.create(params), { inputPaths: SEND_PATHS });
      return toSmsMessage(message, { integration, operation: 'sendSms' });
    },

    async getDeliveryStatus(input, context) {
      assertMessageSid(input.id, integration);
      const message = await session.call('getDeliveryStatus', context, (twilio) => twilio.messages(input.id).fetch(), { inputPaths: { Sid: 'id' } });
      return toSmsMessage(message, { integration, operation: 'getDeliveryStatus' });
    },

    probeHealth: (context) => session.probeAccount(context),
    prepare: session.prepare,
  };
}

/** The adapter the generated sms.twilio client binds by default (real Twilio API). */
export const twilioSmsAdapter = defineAdapter<'sms.twilio', TwilioSmsConfig, TwilioSecrets, SmsOutboundOperations>({
  integration: 'sms.twilio',
  connect: (init) => connectTwilioSms(init, {}),
});

/**
 * The same adapter with transport options: `baseUrl` for a local stand-in (tests, examples),
 * your own `httpClient` (proxy, agents), or the SDK's socket `timeoutMs`.
 *
 *   const client = await createSmsTwilioClient({ config, secrets, adapter: createTwilioSmsAdapter({ baseUrl }) });
 */
export function createTwilioSmsAdapter(options: TwilioAdapterOptions = {}): TwilioSmsAdapter {
  const frozen = { ...options };
  return defineAdapter<'sms.twilio', TwilioSmsConfig, TwilioSecrets, SmsOutboundOperations>({
    integration: 'sms.twilio',
    connect: (init) => connectTwilioSms(init, frozen),
  });
}
