import { defineIntegration, StabilityEnum } from 'contractgen/spec';

// Where Vonage's send answer keeps the first message's fields (one SMS part per entry).
const sendStatus = 'body.messages.0.status';
const sendErrorText = 'body.messages.0.error-text';
const sendFailure = { code: sendStatus, message: sendErrorText } as const;

/**
 * Vonage SMS API, bound by spec only (no adapter code). Written from Vonage's API references:
 * - send: POST https://rest.nexmo.com/sms/json (form; api_key and api_secret in the body). Vonage
 *   answers HTTP 200 even when it refuses a message: messages[0].status "0" is success, any other
 *   value an error (https://developer.vonage.com/en/api-errors/sms).
 * - status lookup: the Reports API, GET https://api.nexmo.com/v2/reports/records (Basic auth).
 * - health: the account balance, GET https://rest.nexmo.com/account/get-balance.
 */
export const vonageSmsIntegrationSpec = defineIntegration({
  meta: {
    key: 'sms.vonage',
    version: '1.0.0',
    category: 'sms',
    title: 'Vonage SMS',
    description: 'Vonage SMS API: send, status lookup through the Reports API, and the account balance as health check. Bound by spec only.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['sms', 'messaging'],
    stability: StabilityEnum.Beta,
  },
  supportedModes: ['managed', 'byok'],
  capabilities: { provides: [{ key: 'sms.outbound', version: '1.0.0' }] },
  configSchema: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { fromNumber: { type: 'string', minLength: 1, description: 'Default sender: a number in E.164 or an alphanumeric sender id.' } },
    },
    example: { fromNumber: 'AcmeInc' },
  },
  secretSchema: {
    schema: {
      type: 'object',
      required: ['apiKey', 'apiSecret'],
      additionalProperties: false,
      properties: {
        apiKey: { type: 'string', minLength: 8, maxLength: 8, description: 'Vonage API key.' },
        apiSecret: { type: 'string', minLength: 6, maxLength: 32, description: 'Vonage API secret.' },
      },
    },
    example: { apiKey: 'abcd1234', apiSecret: 'api-secret' },
  },
  healthCheck: { method: 'custom', timeoutMs: 3000 },
  docsUrl: 'https://developer.vonage.com/en/api/sms',
  // Vonage's default outbound limit: 30 API requests per second per account.
  constraints: { rateLimit: { rpm: 1800 } },
  byokSetup: { setupInstructions: 'Provide the API key and secret of your Vonage account (Dashboard > API settings).' },
  http: {
    baseUrl: 'https://rest.nexmo.com',
    secretsInUrl: {
      apiKey: "the Reports API names the account by its API key (account_id), and get-balance takes the key only as a query parameter",
      apiSecret: 'get-balance takes the secret only as a query parameter',
    },
    operations: {
      sendSms: {
        method: 'POST',
        path: '/sms/json',
        auth: { type: 'body', fields: { api_key: 'secrets.apiKey', api_secret: 'secrets.apiSecret' } },
        body: {
          encoding: 'form',
          fields: {
            // Vonage writes numbers in E.164 without the leading "+".
            from: { first: [{ from: 'input.from', removePrefix: '+' }, { from: 'config.fromNumber', removePrefix: '+' }] },
            to: { from: 'input.to', removePrefix: '+' },
            text: 'input.body',
            callback: 'input.statusCallbackUrl',
          },
        },
        unsupported: { mediaUrls: "Vonage's SMS API sends text only (MMS goes through its Messages API)" },
        local: { metadata: 'kept for your logs and traces; never sent' },
        errors: [
          { name: 'throttled', when: { body: { path: sendStatus, in: ['1'] } }, error: 'rateLimited', retryable: true, ...sendFailure, summary: 'You are sending SMS faster than the account limit' },
          { name: 'tooManyBinds', when: { body: { path: sendStatus, in: ['10'] } }, error: 'provider', retryable: true, ...sendFailure, summary: 'Too many simultaneous connections for the account' },
          { name: 'missingParameters', when: { body: { path: sendStatus, in: ['2'] } }, error: 'invalidInput', input: 'from', ...sendFailure, summary: 'A required parameter is missing (from, to or text)' },
          { name: 'invalidParameters', when: { body: { path: sendStatus, in: ['3'] } }, error: 'invalidInput', input: 'to', ...sendFailure, summary: 'The value of one or more parameters is invalid' },
          { name: 'invalidCredentials', when: { body: { path: sendStatus, in: ['4'] } }, error: 'authentication', ...sendFailure, summary: 'The API key or secret is incorrect, invalid or disabled' },
          { name: 'accountBarred', when: { body: { path: sendStatus, in: ['8'] } }, error: 'authentication', ...sendFailure, summary: 'The Vonage account is suspended' },
          { name: 'internalError', when: { body: { path: sendStatus, in: ['5'] } }, error: 'provider', ...sendFailure, summary: 'Vonage failed while processing the message; it may have been sent' },
          { name: 'rejected', when: { body: { path: sendStatus, notIn: ['0'] } }, error: 'provider', ...sendFailure, summary: 'Vonage rejected the message (invalid message, barred number, no credit, sender not allowed...)' },
        ],
        response: {
          output: {
            id: 'body.messages.0.message-id',
            status: { from: sendStatus, map: { '0': 'queued' } },
            to: 'input.to',
            from: { first: ['input.from', 'config.fromNumber'] },
            segments: { from: 'body.message-count', as: 'integer' },
            price: 'body.messages.0.message-price',
            priceUnit: { value: null },
            errorCode: { value: null },
            errorMessage: { value: null },
            createdAt: { value: null },
            sentAt: { value: null },
            updatedAt: { value: null },
          },
        },
      },
      getDeliveryStatus: {
        method: 'GET',
        baseUrl: 'https://api.nexmo.com',
        path: '/v2/reports/records',
        auth: { type: 'basic', username: 'secrets.apiKey', password: 'secrets.apiSecret' },
        query: { account_id: 'secrets.apiKey', product: { value: 'SMS' }, direction: { value: 'outbound' }, id: 'input.id' },
        errors: [
          { name: 'unknownMessage', when: { status: 200, body: { path: 'body.items_count', in: [0] } }, error: 'invalidInput', input: 'id', summary: 'No outbound SMS with this id in the account records' },
        ],
        response: {
          output: {
            id: 'body.records.0.message_id',
            status: {
              from: 'body.records.0.status',
              map: { delivered: 'delivered', expired: 'undelivered', failed: 'failed', rejected: 'failed', accepted: 'sent', buffered: 'sent', unknown: 'sent' },
            },
            to: { template: '+{body.records.0.to}' },
            from: 'body.records.0.from',
            segments: { value: null },
            price: { from: 'body.records.0.total_price', as: 'string' },
            priceUnit: 'body.records.0.currency',
            errorCode: { from: 'body.records.0.error_code', map: { '0': null }, as: 'integer' },
            errorMessage: { from: 'body.records.0.error_code_description', map: { Delivered: null }, as: 'string' },
            createdAt: { from: 'body.records.0.date_received', as: 'date-time' },
            sentAt: { value: null },
            updatedAt: { first: [{ from: 'body.records.0.date_finalized', as: 'date-time' }, { value: null }] },
          },
        },
      },
    },
    health: {
      method: 'GET',
      path: '/account/get-balance',
      auth: { type: 'query', fields: { api_key: 'secrets.apiKey', api_secret: 'secrets.apiSecret' } },
    },
  },
});
