/**
 * `messaging.whatsapp.twilio`: messaging.outbound and messaging.inbound for WhatsApp through
 * Twilio's Messages API and webhooks, on the official `twilio` SDK (loaded lazily).
 *
 * sendMessage -> POST /2010-04-01/Accounts/{AccountSid}/Messages.json
 * - To / From: `whatsapp:+E164`. `+15551234567` and `whatsapp:+15551234567` are accepted (the
 *   prefix is case-insensitive); anything else is an InvalidInputError before any request. The
 *   sender is input `from`, else config.fromNumber; a Messaging Service SID (MG...) is sent as
 *   MessagingServiceSid instead of From.
 * - content `text` -> Body; `media` -> MediaUrl (repeated) + the caption as Body;
 *   `template` -> ContentSid (must match ^HX[0-9a-fA-F]{32}$) + ContentVariables (a JSON object
 *   string, omitted when there are no variables) and no Body: outside the 24-hour window only
 *   templates are delivered (Twilio 63016 -> TemplateRequiredError).
 * - statusCallbackUrl -> StatusCallback. `metadata` is never sent.
 * - replyToId is NOT sent: Twilio's Messages API has no parameter to quote or thread a reply to a
 *   WhatsApp message (checked against twilio_api_v2010.json), so the reply goes out as a normal
 *   message in the same chat. It is accepted and ignored rather than rejected, since the
 *   capability defines it as "where the channel threads replies".
 * getMessageStatus -> GET .../Messages/{Sid}.json. probeHealth: shared with SMS (sdk.ts).
 * handleWebhook: see ./webhooks.ts (signature check over the full public URL, then parsing).
 */
import { type Adapter, type WebhookReceiver } from '@contractgen/runtime';
import type { MessagingInboundEvent } from './generated/capabilities/messaging.inbound/types.js';
import type { MessagingOutboundOperations, MessagingOutboundSendMessageInput } from './generated/capabilities/messaging.outbound/types.js';
import { type TwilioAdapterOptions, type TwilioSecrets } from './sdk.js';
export type { TwilioAdapterOptions, TwilioSecrets } from './sdk.js';
export { createDuplicateFilter, parseTwilioMessagingWebhook, toWebRequest, webhookEventKey, type DuplicateFilter, type DuplicateFilterOptions, type ToWebRequestOptions, } from './webhooks.js';
/** The config this adapter reads (a subset of the messaging.whatsapp.twilio configSchema). */
export interface TwilioWhatsappConfig {
    /** Default sender: `whatsapp:+E164`, `+E164` or a Messaging Service SID (MG...). */
    fromNumber?: string;
}
export interface TwilioWhatsappAdapterOptions extends TwilioAdapterOptions {
    /** Largest webhook body accepted, in bytes (default 256 KiB). */
    readonly maxWebhookBodyBytes?: number;
}
export type TwilioWhatsappOperations = MessagingOutboundOperations & WebhookReceiver<MessagingInboundEvent>;
export type TwilioWhatsappAdapter = Adapter<'messaging.whatsapp.twilio', TwilioWhatsappConfig, TwilioSecrets, TwilioWhatsappOperations>;
export declare const CONTENT_SID: RegExp;
/**
 * `+15551234567` or `whatsapp:+15551234567` (any case, surrounding spaces ignored) ->
 * `whatsapp:+15551234567`; undefined for anything else.
 */
export declare function toWhatsappAddress(value: string): string | undefined;
interface MessageParams {
    to: string;
    from?: string;
    messagingServiceSid?: string;
    body?: string;
    mediaUrl?: string[];
    contentSid?: string;
    contentVariables?: string;
    statusCallback?: string;
}
/** Builds the Messages API parameters, collecting every input problem into one InvalidInputError. */
export declare function whatsappMessageParams(input: MessagingOutboundSendMessageInput, defaultFrom: string | undefined, integration?: string): MessageParams;
/** The adapter the generated messaging.whatsapp.twilio client binds by default (real Twilio API). */
export declare const twilioWhatsappAdapter: Adapter<"messaging.whatsapp.twilio", TwilioWhatsappConfig, TwilioSecrets, TwilioWhatsappOperations>;
/**
 * The same adapter with transport options: `baseUrl` for a local stand-in (tests, examples),
 * your own `httpClient`, the SDK's socket `timeoutMs`, or the webhook body limit.
 */
export declare function createTwilioWhatsappAdapter(options?: TwilioWhatsappAdapterOptions): TwilioWhatsappAdapter;
//# sourceMappingURL=whatsapp.d.ts.map