/**
 * Twilio messaging webhooks (incoming messages and status callbacks), once verified
 * (./webhook-signature.ts), as typed messaging.inbound events.
 *
 * Parsing is deliberately loose: Twilio adds parameters without notice. Known fields become
 * typed ones; everything (known or not) is kept in `raw`, repeated keys as arrays (sorted, as
 * signed); unreadable numbers are left out rather than failing the request. The only error is
 * InvalidInputError, when the fields that identify the message are missing.
 *
 * Redeliveries: Twilio retries a webhook that failed or timed out, with the same MessageSid.
 * The event's `payload.id` is that MessageSid, so it is stable across redeliveries; for status
 * callbacks the pair (id, status) is: `webhookEventKey` below is that key, for a DuplicateFilter
 * (`createDuplicateFilter` and `handleOnce` from @contractgen/runtime; fleet-wide, `@contractgen/redis`).
 */
import { InvalidInputError, type FormFields } from '@contractgen/runtime';
import type {
  MessagingInboundDeliveryStatusChangedEvent,
  MessagingInboundEvent,
  MessagingInboundMessageReceivedEvent,
} from './generated/capabilities/messaging.inbound/types.js';
import { toInteger } from './messages.js';

function first(fields: FormFields, key: string): string | undefined {
  if (!Object.hasOwn(fields, key)) return undefined;
  const value = fields[key];
  return Array.isArray(value) ? value[0] : value;
}

function present(fields: FormFields, key: string): string | undefined {
  const value = first(fields, key);
  return value === undefined || value === '' ? undefined : value;
}

function copyRaw(fields: FormFields): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key]!;
    Object.defineProperty(raw, key, { value: Array.isArray(value) ? [...value] : value, enumerable: true, writable: true, configurable: true });
  }
  return raw;
}

/** Statuses a status callback never reports for an outbound message: these payloads are incoming messages. */
const INBOUND_STATUSES = new Set(['received', 'receiving']);
const MAX_MEDIA_INDEX = 100;

/**
 * Turns the (verified) fields of a Twilio messaging webhook into a messaging.inbound event:
 * `deliveryStatusChanged` when the payload carries a MessageStatus of an outbound message (a
 * status callback), `messageReceived` otherwise. Throws InvalidInputError when the fields that
 * identify the message are missing.
 */
export function parseTwilioMessagingWebhook(fields: FormFields, integration = 'messaging.whatsapp.twilio'): MessagingInboundEvent {
  const id = present(fields, 'MessageSid') ?? present(fields, 'SmsMessageSid') ?? present(fields, 'SmsSid');
  const messageStatus = present(fields, 'MessageStatus');
  const to = present(fields, 'To');
  const from = present(fields, 'From');

  if (messageStatus !== undefined && !INBOUND_STATUSES.has(messageStatus.toLowerCase())) {
    if (id === undefined) throw new InvalidInputError([{ path: 'MessageSid', message: 'a Twilio status callback carries MessageSid' }], { integration });
    const payload: MessagingInboundDeliveryStatusChangedEvent = {
      id,
      status: messageStatus,
      errorCode: toInteger(present(fields, 'ErrorCode')),
      ...(to !== undefined && { to }),
      ...(from !== undefined && { from }),
      raw: copyRaw(fields),
    };
    return { type: 'deliveryStatusChanged', payload };
  }

  const missing = [
    ...(id === undefined ? ['MessageSid'] : []),
    ...(from === undefined ? ['From'] : []),
    ...(to === undefined ? ['To'] : []),
  ];
  if (missing.length > 0) {
    throw new InvalidInputError(
      missing.map((path) => ({ path, message: 'a Twilio incoming-message webhook carries this field' })),
      { integration },
    );
  }

  const accountId = present(fields, 'AccountSid');
  const profileName = present(fields, 'ProfileName');
  const channelUserId = present(fields, 'WaId');
  const messageType = present(fields, 'MessageType');
  const replyToId = present(fields, 'OriginalRepliedMessageSid');
  const location = parseLocation(fields);
  const button = parseButton(fields);
  const payload: MessagingInboundMessageReceivedEvent = {
    id: id!,
    ...(accountId !== undefined && { accountId }),
    from: from!,
    to: to!,
    text: present(fields, 'Body') ?? null,
    media: parseMedia(fields),
    ...(profileName !== undefined && { profileName }),
    ...(channelUserId !== undefined && { channelUserId }),
    ...(messageType !== undefined && { messageType }),
    ...(location !== undefined && { location }),
    ...(button !== undefined && { button }),
    ...(replyToId !== undefined && { replyToId }),
    raw: copyRaw(fields),
  };
  return { type: 'messageReceived', payload };
}

/** MediaUrl0..N with MediaContentType0..N, in index order. NumMedia is informative only: the URLs present are what counts. */
function parseMedia(fields: FormFields): MessagingInboundMessageReceivedEvent['media'] {
  const media: { index: number; url: string; contentType: string | null }[] = [];
  for (const key of Object.keys(fields)) {
    const match = /^MediaUrl(\d{1,3})$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const url = present(fields, key);
    if (index > MAX_MEDIA_INDEX || url === undefined) continue;
    media.push({ index, url, contentType: present(fields, `MediaContentType${match[1]}`) ?? null });
  }
  return media.sort((a, b) => a.index - b.index).map(({ url, contentType }) => ({ url, contentType }));
}

function parseLocation(fields: FormFields): MessagingInboundMessageReceivedEvent['location'] {
  const latitude = toCoordinate(present(fields, 'Latitude'), 90);
  const longitude = toCoordinate(present(fields, 'Longitude'), 180);
  if (latitude === undefined || longitude === undefined) return undefined;
  const address = present(fields, 'Address');
  const label = present(fields, 'Label');
  return { latitude, longitude, ...(address !== undefined && { address }), ...(label !== undefined && { label }) };
}

function toCoordinate(text: string | undefined, limit: number): number | undefined {
  if (text === undefined || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : undefined;
}

function parseButton(fields: FormFields): MessagingInboundMessageReceivedEvent['button'] {
  const text = present(fields, 'ButtonText');
  const payload = present(fields, 'ButtonPayload');
  if (text === undefined && payload === undefined) return undefined;
  // Quick-reply buttons always carry a text; a payload alone is shown as its own text.
  return { text: text ?? payload!, ...(payload !== undefined && { payload }) };
}

/**
 * A key that is the same for every redelivery of one webhook and differs between distinct
 * events: the MessageSid for an incoming message; MessageSid + status (+ error code) for a
 * status callback, since one message reports queued, sent, delivered, read...
 */
export function webhookEventKey(event: MessagingInboundEvent): string {
  if (event.type === 'messageReceived') return `message:${event.payload.id}`;
  return `status:${event.payload.id}:${event.payload.status}:${event.payload.errorCode ?? ''}`;
}
