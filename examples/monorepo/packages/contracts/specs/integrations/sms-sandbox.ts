import { defineIntegration, StabilityEnum } from 'contractgen/spec';

/** This monorepo's own provider of `sms.outbound` (a capability from @contractgen/twilio). */
export const smsSandboxIntegrationSpec = defineIntegration({
  meta: {
    key: 'sms.sandbox',
    version: '1.0.0',
    category: 'sms',
    title: 'SMS sandbox',
    description: 'Keeps outbound SMS in memory, for development: nothing reaches a phone.',
    domain: 'communications',
    owners: ['platform'],
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
      required: ['fromNumber'],
      properties: {
        fromNumber: { type: 'string', description: 'Sender recorded on messages that name none.' },
      },
    },
    example: { fromNumber: '+15551234567' },
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
