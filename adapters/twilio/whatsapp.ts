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
 * handleWebhook: ./webhook-signature.ts (signature check over the full public URL), then
 * ./webhook-payload.ts (parsing).
 */
import {
  defineAdapter,
  InvalidInputError,
  type Adapter,
  type AdapterConnection,
  type AdapterInit,
  type Issue,
  type WebhookReceiver,
} from '@contractgen/runtime';
import type { MessagingInboundEvent } from './generated/capabilities/messaging.inbound/types.js';
import type { MessagingOutboundOperations, MessagingOutboundSendMessageInput } from './generated/capabilities/messaging.outbound/types.js';
import { assertMessageSid, MESSAGING_SERVICE_SID, toChannelMessage } from './messages.js';
import { createTwilioSession, requireTwilioSdk, type TwilioAdapterOptions, type TwilioSecrets } from './sdk.js';
import { parseTwilioMessagingWebhook } from './webhook-payload.js';
import { verifyTwilioWebhook } from './webhook-signature.js';

export type { TwilioAdapterOptions, TwilioSecrets } from './sdk.js';
export { parseTwilioMessagingWebhook, toWebRequest, webhookEventKey, type ToWebRequestOptions } from './webhooks.js';

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

const E164 = /^\+[1-9]\d{1,14}$/;
export const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

/**
 * `+15551234567` or `whatsapp:+15551234567` (any case, surrounding spaces ignored) ->
 * `whatsapp:+15551234567`; undefined for anything else.
 */
export function toWhatsappAddress(value: string): string | undefined {
  const trimmed = value.trim();
  const number = /^whatsapp:/i.test(trimmed) ? trimmed.slice('whatsapp:'.length) : trimmed;
  return E164.test(number) ? `whatsapp:${number}` : undefined;
}

const ADDRESS_RULE = 'must be an E.164 number such as +15551234567, optionally prefixed with whatsapp:';

/** Where a Twilio parameter rejected by an error code sits in the sendMessage input. */
function sendPaths(content: MessagingOutboundSendMessageInput['content']) {
  return {
    To: 'to',
    From: 'from',
    Body: content.type === 'media' ? 'content.caption' : 'content.text',
    MediaUrl: 'content.mediaUrls',
    ContentSid: 'content.templateId',
    ContentVariables: 'content.variables',
  } as const;
}

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
export function whatsappMessageParams(input: MessagingOutboundSendMessageInput, defaultFrom: string | undefined, integration = 'messaging.whatsapp.twilio'): MessageParams {
  const issues: Issue[] = [];
  const to = toWhatsappAddress(input.to);
  if (to === undefined) issues.push({ path: 'to', message: ADDRESS_RULE });

  const sender = input.from ?? defaultFrom;
  const senderPath = input.from !== undefined ? 'from' : 'config.fromNumber';
  let from: Pick<MessageParams, 'from' | 'messagingServiceSid'> = {};
  if (sender === undefined || sender.trim() === '') {
    issues.push({ path: 'from', message: 'no sender: pass `from` or set config.fromNumber' });
  } else if (MESSAGING_SERVICE_SID.test(sender.trim())) {
    from = { messagingServiceSid: sender.trim() };
  } else {
    const address = toWhatsappAddress(sender);
    if (address === undefined) issues.push({ path: senderPath, message: `${ADDRESS_RULE}, or a Messaging Service SID (MG...)` });
    else from = { from: address };
  }

  let content: Pick<MessageParams, 'body' | 'mediaUrl' | 'contentSid' | 'contentVariables'> = {};
  const given = input.content as { type?: unknown };
  switch (given.type) {
    case 'text': {
      const { text } = input.content as { text: string };
      content = { body: text };
      break;
    }
    case 'media': {
      const { mediaUrls, caption } = input.content as { mediaUrls: string[]; caption?: string };
      if (!Array.isArray(mediaUrls) || mediaUrls.length === 0) issues.push({ path: 'content.mediaUrls', message: 'must list at least one URL' });
      content = { mediaUrl: [...(mediaUrls ?? [])], ...(caption !== undefined && caption !== '' && { body: caption }) };
      break;
    }
    case 'template': {
      const { templateId, variables } = input.content as { templateId: string; variables?: Record<string, string | undefined> };
      if (!CONTENT_SID.test(templateId)) issues.push({ path: 'content.templateId', message: 'must be a Twilio Content SID: HX followed by 32 hex digits' });
      const defined = Object.entries(variables ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
      // Templates carry no Body: Twilio renders the approved content with these values.
      content = { contentSid: templateId, ...(defined.length > 0 && { contentVariables: JSON.stringify(Object.fromEntries(defined)) }) };
      break;
    }
    default:
      issues.push({ path: 'content.type', message: 'must be text, media or template' });
  }

  if (issues.length > 0) throw new InvalidInputError(issues, { integration });
  return {
    to: to!,
    ...from,
    ...content,
    ...(input.statusCallbackUrl !== undefined && { statusCallback: input.statusCallbackUrl }),
  };
}

function connectTwilioWhatsapp(
  init: AdapterInit<TwilioWhatsappConfig, TwilioSecrets>,
  options: TwilioWhatsappAdapterOptions,
): AdapterConnection<TwilioWhatsappOperations> {
  const { integration } = init;
  const session = createTwilioSession(init, options);
  const validateRequest = () => requireTwilioSdk(integration).then((twilio) => twilio.validateRequest);
  return {
    async sendMessage(input, context) {
      const params = whatsappMessageParams(input, init.config.fromNumber, integration);
      const message = await session.call('sendMessage', context, (twilio) => twilio.messages.create(params), { inputPaths: sendPaths(input.content) });
      return toChannelMessage(message, { integration, operation: 'sendMessage' });
    },

    async getMessageStatus(input, context) {
      assertMessageSid(input.id, integration);
      const message = await session.call('getMessageStatus', context, (twilio) => twilio.messages(input.id).fetch(), { inputPaths: { Sid: 'id' } });
      return toChannelMessage(message, { integration, operation: 'getMessageStatus' });
    },

    probeHealth: (context) => session.probeAccount(context),
    prepare: session.prepare,

    async handleWebhook(request, context) {
      const fields = await verifyTwilioWebhook(request, context ?? {}, {
        integration,
        authToken: session.authToken,
        validateRequest,
        ...(options.maxWebhookBodyBytes !== undefined && { maxBodyBytes: options.maxWebhookBodyBytes }),
      });
      return parseTwilioMessagingWebhook(fields, integration);
    },
  };
}

/** The adapter the generated messaging.whatsapp.twilio client binds by default (real Twilio API). */
export const twilioWhatsappAdapter = defineAdapter<'messaging.whatsapp.twilio', TwilioWhatsappConfig, TwilioSecrets, TwilioWhatsappOperations>({
  integration: 'messaging.whatsapp.twilio',
  connect: (init) => connectTwilioWhatsapp(init, {}),
});

/**
 * The same adapter with transport options: `baseUrl` for a local stand-in (tests, examples),
 * your own `httpClient`, the SDK's socket `timeoutMs`, or the webhook body limit.
 */
export function createTwilioWhatsappAdapter(options: TwilioWhatsappAdapterOptions = {}): TwilioWhatsappAdapter {
  const frozen = { ...options };
  return defineAdapter<'messaging.whatsapp.twilio', TwilioWhatsappConfig, TwilioSecrets, TwilioWhatsappOperations>({
    integration: 'messaging.whatsapp.twilio',
    connect: (init) => connectTwilioWhatsapp(init, frozen),
  });
}
