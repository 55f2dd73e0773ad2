import { defineCapability, StabilityEnum } from 'contractgen/spec';

/** Every field the provider sent, untouched: providers add fields without notice. */
const raw = {
  type: 'object',
  additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  description: 'All fields of the provider request as received; repeated fields are arrays.',
} as const;

export const messagingInboundCapability = defineCapability({
  meta: {
    key: 'messaging.inbound',
    version: '1.0.0',
    title: 'Inbound chat messaging',
    description: 'Receive messages and delivery status changes from a chat channel through verified webhooks.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['messaging', 'chat', 'webhooks'],
    stability: StabilityEnum.Beta,
  },
  events: {
    messageReceived: {
      description: 'A user sent a message to one of your numbers.',
      payload: {
        type: 'object',
        required: ['id', 'from', 'to', 'text', 'media', 'raw'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', description: "Provider's message id; the same id on a redelivered webhook." },
          accountId: { type: 'string', description: 'Provider account the message arrived on.' },
          from: { type: 'string', description: 'Sender address as the channel gives it (whatsapp:+15558675310).' },
          to: { type: 'string', description: 'Your address that received the message.' },
          text: { type: ['string', 'null'], description: 'Message text, null when there is none.' },
          media: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'contentType'],
              additionalProperties: false,
              properties: { url: { type: 'string' }, contentType: { type: ['string', 'null'] } },
            },
          },
          profileName: { type: 'string', description: "Sender's display name on the channel." },
          channelUserId: { type: 'string', description: "Sender's id on the channel (WhatsApp WaId)." },
          messageType: { type: 'string', description: 'Channel message type (text, image, location, button, ...).' },
          location: {
            type: 'object',
            required: ['latitude', 'longitude'],
            additionalProperties: false,
            properties: {
              latitude: { type: 'number' },
              longitude: { type: 'number' },
              address: { type: 'string' },
              label: { type: 'string' },
            },
          },
          button: {
            type: 'object',
            required: ['text'],
            additionalProperties: false,
            properties: { text: { type: 'string' }, payload: { type: 'string' } },
          },
          replyToId: { type: 'string', description: 'Id of the message this one replies to, when the channel says.' },
          raw,
        },
      },
    },
    deliveryStatusChanged: {
      description: 'A message you sent changed delivery status.',
      payload: {
        type: 'object',
        required: ['id', 'status', 'errorCode', 'raw'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', description: 'Id of the message whose status changed.' },
          status: { type: 'string', description: 'New status as the provider names it (sent, delivered, read, failed, ...).' },
          errorCode: { type: ['integer', 'null'], description: 'Provider error code for failed or undelivered messages.' },
          to: { type: 'string' },
          from: { type: 'string' },
          raw,
        },
      },
    },
  },
});
