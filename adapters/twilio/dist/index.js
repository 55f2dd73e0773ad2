/**
 * The Twilio adapters and their helpers. Importing this module does not load the twilio SDK
 * (the adapters import it on first use). The loopback client and the stand-in are test/dev
 * tools and live in ./loopback-http-client.js and ./testing/stand-in.js.
 */
export { twilioSmsAdapter, createTwilioSmsAdapter } from './sms.js';
export { twilioWhatsappAdapter, createTwilioWhatsappAdapter, toWhatsappAddress, whatsappMessageParams, CONTENT_SID, } from './whatsapp.js';
export { createDuplicateFilter, fieldsOf, parseTwilioMessagingWebhook, toWebRequest, verifyTwilioWebhook, webhookEventKey, } from './webhooks.js';
export { mapTwilioError, describeTwilioErrorCode, parseRetryAfter, TwilioInvalidInputError, TWILIO_ERROR_CODES, } from './errors.js';
export { accountHealth, loadTwilioSdk } from './sdk.js';
export { redactTransportError } from './redact.js';
//# sourceMappingURL=index.js.map