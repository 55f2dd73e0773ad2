/**
 * The Twilio adapters and their helpers. Importing this module does not load the twilio SDK
 * (the adapters import it on first use). The loopback client and the stand-in are test/dev
 * tools and live in ./loopback-http-client.js and ./testing/stand-in.js.
 */
export { twilioSmsAdapter, createTwilioSmsAdapter, type TwilioSmsAdapter, type TwilioSmsConfig } from './sms.js';
export {
  twilioWhatsappAdapter,
  createTwilioWhatsappAdapter,
  toWhatsappAddress,
  whatsappMessageParams,
  CONTENT_SID,
  type TwilioWhatsappAdapter,
  type TwilioWhatsappAdapterOptions,
  type TwilioWhatsappConfig,
  type TwilioWhatsappOperations,
} from './whatsapp.js';
export {
  fieldsOf,
  parseTwilioMessagingWebhook,
  toWebRequest,
  verifyTwilioWebhook,
  webhookEventKey,
  type NodeRequest,
  type ToWebRequestOptions,
  type WebhookFields,
} from './webhooks.js';
export {
  mapTwilioError,
  describeTwilioErrorCode,
  parseRetryAfter,
  TwilioInvalidInputError,
  TWILIO_ERROR_CODES,
  type TwilioErrorContext,
  type TwilioParameter,
} from './errors.js';
export { accountHealth, loadTwilioSdk, type TwilioAdapterOptions, type TwilioHttpClient, type TwilioSecrets } from './sdk.js';
export { redactTransportError } from './redact.js';
