import { defineIntegration, StabilityEnum } from 'contractgen/spec';

/**
 * A provider of the Twilio package's `sms.outbound` capability, defined in this project: an outbox
 * that keeps messages in memory instead of sending them, for local development and tests.
 */
export const smsOutboxIntegrationSpec = defineIntegration({
  meta: {
    key: 'sms.outbox',
    version: '1.0.0',
    category: 'sms',
    title: 'Development SMS outbox',
    description: 'Keeps outbound SMS in memory instead of sending them, so development and test runs never reach a real phone.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['sms', 'development'],
    stability: StabilityEnum.Beta,
  },
  supportedModes: ['managed'],
  capabilities: {
    provides: [{ key: 'sms.outbound', version: '1.0.0' }],
  },
  configSchema: {
    schema: {
      type: 'object',
      properties: {
        fromNumber: { type: 'string', description: 'Sender recorded on messages that name none.' },
        capacity: { type: 'integer', minimum: 1, maximum: 10000, description: 'Messages kept; the oldest are dropped first.' },
      },
    },
    example: { fromNumber: '+15551234567', capacity: 100 },
  },
  secretSchema: {
    schema: { type: 'object', properties: {} },
    example: {},
  },
  healthCheck: {
    method: 'custom',
    timeoutMs: 1000,
  },
});
