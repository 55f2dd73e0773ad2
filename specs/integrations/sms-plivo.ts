import { defineIntegration, StabilityEnum } from 'contractgen/spec';

const errorText = 'body.error';

/**
 * Plivo Message API, bound by spec only (no adapter code). Written from Plivo's API reference:
 * - send: POST https://api.plivo.com/v1/Account/{auth_id}/Message/ (JSON src, dst, text, url; Basic
 *   auth_id:auth_token), answered 202 { api_id, message: "message(s) queued", message_uuid: [...] };
 * - status lookup: GET .../Message/{message_uuid}/ (message_state, error_code, units, total_amount);
 * - errors: { api_id, error } with 400, 401, 404, 429;
 * - health: GET https://api.plivo.com/v1/Account/{auth_id}/ (the account's details).
 */
export const plivoSmsIntegrationSpec = defineIntegration({
  meta: {
    key: 'sms.plivo',
    version: '1.0.0',
    category: 'sms',
    title: 'Plivo SMS',
    description: 'Plivo Message API: send, status lookup, and the account details as health check. Bound by spec only.',
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
      properties: { fromNumber: { type: 'string', minLength: 1, description: 'Default sender: a Plivo number in E.164 or an alphanumeric sender id.' } },
    },
    example: { fromNumber: '+14155550100' },
  },
  secretSchema: {
    schema: {
      type: 'object',
      required: ['authId', 'authToken'],
      additionalProperties: false,
      properties: {
        authId: { type: 'string', pattern: '^[A-Z0-9]{20}$', description: 'Plivo auth id (MA... or SA...).' },
        authToken: { type: 'string', minLength: 1, description: 'Plivo auth token.' },
      },
    },
    example: { authId: 'MAXXXXXXXXXXXXXXXXXX', authToken: 'auth-token' },
  },
  healthCheck: { method: 'custom', timeoutMs: 3000 },
  docsUrl: 'https://www.plivo.com/docs/messaging/api/message/',
  constraints: { rateLimit: { rpm: 600 } },
  byokSetup: { setupInstructions: 'Provide the auth id and auth token of your Plivo account (Console > Overview).' },
  http: {
    baseUrl: 'https://api.plivo.com',
    auth: { type: 'basic', username: 'secrets.authId', password: 'secrets.authToken' },
    secretsInUrl: { authId: "every Plivo resource path names the account by its auth id" },
    requestId: 'body.api_id',
    errors: [
      { name: 'authenticationFailed', when: { status: 401 }, error: 'authentication', message: errorText, summary: 'Plivo rejected the auth id or auth token' },
      { name: 'tooManyRequests', when: { status: 429 }, error: 'rateLimited', message: errorText, summary: 'You are sending too many requests' },
    ],
    operations: {
      sendSms: {
        method: 'POST',
        path: '/v1/Account/{secrets.authId}/Message/',
        body: {
          encoding: 'json',
          fields: {
            src: { first: [{ from: 'input.from', removePrefix: '+' }, { from: 'config.fromNumber', removePrefix: '+' }] },
            dst: { from: 'input.to', removePrefix: '+' },
            text: 'input.body',
            url: 'input.statusCallbackUrl',
          },
        },
        unsupported: { mediaUrls: 'this binding sends SMS only (Plivo sends MMS with type "mms" and media_urls)' },
        local: { metadata: 'kept for your logs and traces; never sent' },
        errors: [{ name: 'invalidParameter', when: { status: 400 }, error: 'invalidInput', input: 'to', message: errorText, summary: 'A parameter is missing or invalid' }],
        response: {
          output: {
            id: 'body.message_uuid.0',
            status: { from: 'body.message', map: { 'message(s) queued': 'queued' } },
            to: 'input.to',
            from: { first: ['input.from', 'config.fromNumber'] },
            segments: { value: null },
            price: { value: null },
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
        path: '/v1/Account/{secrets.authId}/Message/{input.id}/',
        errors: [{ name: 'unknownMessage', when: { status: 404 }, error: 'invalidInput', input: 'id', message: errorText, summary: 'No message with this id in the account' }],
        response: {
          output: {
            id: 'body.message_uuid',
            status: {
              from: 'body.message_state',
              map: { queued: 'queued', sent: 'sent', failed: 'failed', delivered: 'delivered', undelivered: 'undelivered', read: 'delivered' },
            },
            to: { template: '+{body.to_number}' },
            from: 'body.from_number',
            segments: { from: 'body.units', as: 'integer' },
            price: 'body.total_amount',
            // Plivo bills in USD (the account's cash_credits are "Credits of the account in USD").
            priceUnit: { value: 'USD' },
            errorCode: { from: 'body.error_code', map: { '000': null, '': null }, as: 'integer' },
            errorMessage: { value: null },
            createdAt: { from: 'body.message_time', as: 'date-time' },
            sentAt: { value: null },
            updatedAt: { value: null },
          },
        },
      },
    },
    health: { method: 'GET', path: '/v1/Account/{secrets.authId}/' },
  },
});
