/**
 * `@contractgen/twilio/webhooks`: inbound Twilio messaging webhooks (incoming messages and status
 * callbacks) as typed messaging.inbound events, for any framework that hands over a web-standard
 * `Request` (Next.js route handlers, Hono, Remix, Bun, Deno) and, through `toWebRequest`, for
 * Express and plain `node:http`.
 *
 * - ./webhook-signature.ts: X-Twilio-Signature over the public URL and the form (Twilio's).
 * - ./webhook-payload.ts: the verified fields as a messaging.inbound event, and its redelivery key.
 * - `toWebRequest` and the form reading are not Twilio's: they are @contractgen/runtime's, and
 *   re-exported here for this entry point's callers.
 */
export { formFields as fieldsOf, toWebRequest, type NodeRequest, type ToWebRequestOptions } from '@contractgen/runtime';
export {
  DEFAULT_MAX_WEBHOOK_BODY_BYTES,
  verifyTwilioWebhook,
  type SignatureValidator,
  type VerifyWebhookOptions,
  type WebhookFields,
} from './webhook-signature.js';
export { parseTwilioMessagingWebhook, webhookEventKey } from './webhook-payload.js';
