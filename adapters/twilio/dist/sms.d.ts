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
import { type Adapter } from '@contractgen/runtime';
import type { SmsOutboundOperations } from './generated/capabilities/sms.outbound/types.js';
import { type TwilioAdapterOptions, type TwilioSecrets } from './sdk.js';
export type { TwilioAdapterOptions, TwilioSecrets } from './sdk.js';
/** The config this adapter reads (a subset of the sms.twilio configSchema). */
export interface TwilioSmsConfig {
    /** Default sender: an E.164 number, an alphanumeric sender id or a Messaging Service SID (MG...). */
    fromNumber?: string;
}
export type TwilioSmsAdapter = Adapter<'sms.twilio', TwilioSmsConfig, TwilioSecrets, SmsOutboundOperations>;
/** The adapter the generated sms.twilio client binds by default (real Twilio API). */
export declare const twilioSmsAdapter: Adapter<"sms.twilio", TwilioSmsConfig, TwilioSecrets, SmsOutboundOperations>;
/**
 * The same adapter with transport options: `baseUrl` for a local stand-in (tests, examples),
 * your own `httpClient` (proxy, agents), or the SDK's socket `timeoutMs`.
 *
 *   const client = await createSmsTwilioClient({ config, secrets, adapter: createTwilioSmsAdapter({ baseUrl }) });
 */
export declare function createTwilioSmsAdapter(options?: TwilioAdapterOptions): TwilioSmsAdapter;
//# sourceMappingURL=sms.d.ts.map