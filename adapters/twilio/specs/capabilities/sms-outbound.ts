import { defineCapability, StabilityEnum } from 'contractgen/spec';

const e164 = '^\\+[1-9]\\d{1,14}$';

const deliveryStatus = {
  type: 'string',
  description: 'Where the message is in its delivery lifecycle.',
  enum: ['queued', 'scheduled', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled'],
} as const;

const nullableString = { type: ['string', 'null'] } as const;

/** What a provider reports about one outbound SMS, at send time and on each status lookup. */
const smsMessage = {
  type: 'object',
  required: ['id', 'status', 'to', 'segments', 'price', 'priceUnit', 'errorCode', 'errorMessage', 'createdAt', 'sentAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: "Provider's message id (a Twilio Message SID, SM...)." },
    status: deliveryStatus,
    to: { type: 'string', description: 'Recipient in E.164.' },
    from: { ...nullableString, description: 'Sender number or alphanumeric sender id.' },
    segments: { type: ['integer', 'null'], minimum: 0, description: 'Number of billed SMS segments.' },
    price: { ...nullableString, description: 'Price as a decimal string (negative for charges), null until known.' },
    priceUnit: { ...nullableString, description: 'ISO 4217 currency of `price`.' },
    errorCode: { type: ['integer', 'null'], description: 'Provider error code when the message failed.' },
    errorMessage: { ...nullableString, description: 'Provider error text when the message failed.' },
    createdAt: { ...nullableString, format: 'date-time', description: 'When the provider accepted the message.' },
    sentAt: { ...nullableString, format: 'date-time', description: 'When the message left the provider.' },
    updatedAt: { ...nullableString, format: 'date-time', description: 'Last status change.' },
  },
} as const;

export const smsOutboundCapability = defineCapability({
  meta: {
    key: 'sms.outbound',
    version: '1.0.0',
    title: 'Outbound SMS',
    description: 'Send SMS/MMS messages to phone numbers and follow their delivery status.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['sms', 'messaging'],
    stability: StabilityEnum.Stable,
  },
  operations: {
    sendSms: {
      description: 'Send one SMS (or MMS when media URLs are given) to one recipient.',
      idempotent: false,
      input: {
        type: 'object',
        required: ['to', 'body'],
        additionalProperties: false,
        properties: {
          to: { type: 'string', pattern: e164, description: 'Recipient phone number in E.164, e.g. +15558675310.' },
          from: {
            type: 'string',
            minLength: 1,
            description: 'Sender number in E.164 or an alphanumeric sender id; defaults to the config fromNumber.',
          },
          body: { type: 'string', minLength: 1, maxLength: 1600, description: 'Message text (up to 1600 characters).' },
          mediaUrls: {
            type: 'array',
            maxItems: 10,
            items: { type: 'string', format: 'uri' },
            description: 'Public URLs of media to attach (MMS), at most 10.',
          },
          statusCallbackUrl: { type: 'string', format: 'uri', description: 'URL the provider calls on each status change.' },
          metadata: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: 'Your own key/values, kept with the request for logs and tracing; not sent to the recipient.',
          },
        },
      },
      output: smsMessage,
    },
    getDeliveryStatus: {
      description: 'Look up the current delivery status of a message sent earlier.',
      idempotent: true,
      input: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string', minLength: 1, description: 'Message id returned by sendSms.' } },
      },
      output: smsMessage,
    },
  },
});
