import { defineCapability, StabilityEnum } from 'contractgen/spec';

const chatMessage = {
  type: 'object',
  required: ['id', 'status', 'to', 'from', 'errorCode', 'errorMessage', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: "Provider's message id." },
    status: {
      type: 'string',
      enum: ['queued', 'scheduled', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled'],
      description: 'Where the message is in its delivery lifecycle.',
    },
    to: { type: 'string', description: 'Recipient channel address, e.g. whatsapp:+15558675310.' },
    from: { type: ['string', 'null'], description: 'Sender channel address.' },
    errorCode: { type: ['integer', 'null'], description: 'Provider error code when the message failed.' },
    errorMessage: { type: ['string', 'null'], description: 'Provider error text when the message failed.' },
    createdAt: { type: ['string', 'null'], format: 'date-time' },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const messagingOutboundCapability = defineCapability({
  meta: {
    key: 'messaging.outbound',
    version: '1.0.0',
    title: 'Outbound chat messaging',
    description:
      'Send messages on a chat channel (WhatsApp and the like): free-form text or media inside the conversation window, pre-approved templates outside it.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['messaging', 'chat'],
    stability: StabilityEnum.Beta,
  },
  operations: {
    sendMessage: {
      description: 'Send one message: text, media, or a pre-approved template with variables.',
      idempotent: false,
      input: {
        type: 'object',
        required: ['to', 'content'],
        additionalProperties: false,
        definitions: {
          text: {
            type: 'object',
            required: ['type', 'text'],
            additionalProperties: false,
            properties: {
              type: { const: 'text' },
              text: { type: 'string', minLength: 1, maxLength: 4096 },
            },
          },
          media: {
            type: 'object',
            required: ['type', 'mediaUrls'],
            additionalProperties: false,
            properties: {
              type: { const: 'media' },
              mediaUrls: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', format: 'uri' } },
              caption: { type: 'string', maxLength: 1024 },
            },
          },
          template: {
            type: 'object',
            required: ['type', 'templateId'],
            additionalProperties: false,
            properties: {
              type: { const: 'template' },
              templateId: { type: 'string', minLength: 1, description: 'Provider id of the approved template (Twilio Content SID, HX...).' },
              variables: {
                type: 'object',
                additionalProperties: { type: 'string' },
                description: 'Values for the template placeholders, keyed by placeholder ("1", "2", ... or names).',
              },
            },
          },
        },
        properties: {
          to: { type: 'string', minLength: 1, description: 'Recipient: E.164 number, with or without the channel prefix (whatsapp:+15558675310).' },
          from: { type: 'string', minLength: 1, description: 'Sender address; defaults to the config fromNumber.' },
          content: {
            description: 'What to send.',
            oneOf: [{ $ref: '#/definitions/text' }, { $ref: '#/definitions/media' }, { $ref: '#/definitions/template' }],
          },
          replyToId: { type: 'string', description: 'Id of the inbound message this answers, where the channel threads replies.' },
          statusCallbackUrl: { type: 'string', format: 'uri', description: 'URL the provider calls on each status change.' },
          metadata: { type: 'object', additionalProperties: { type: 'string' }, description: 'Your own key/values for logs and tracing.' },
        },
      },
      output: chatMessage,
    },
    getMessageStatus: {
      description: 'Look up the current delivery status of a message sent earlier.',
      idempotent: true,
      input: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string', minLength: 1 } },
      },
      output: chatMessage,
    },
  },
});
