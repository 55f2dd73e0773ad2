import { defineIntegration, StabilityEnum } from 'contractgen/spec';

export const twilioSmsIntegrationSpec = defineIntegration({
  meta: {
    key: 'sms.twilio',
    version: '1.0.0',
    category: 'sms',
    title: 'Twilio Messaging',
    description:
      'Twilio SMS integration for transactional and notification messaging.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['sms', 'messaging'],
    stability: StabilityEnum.Stable,
  },
  supportedModes: ['managed', 'byok'],
  capabilities: {
    provides: [{ key: 'sms.outbound', version: '1.0.0' }],
  },
  configSchema: {
    schema: {
      type: 'object',
      properties: {
        fromNumber: {
          type: 'string',
          description: 'Default Twilio phone number used as sender.',
        },
      },
    },
    example: {
      fromNumber: '+15551234567',
    },
  },
  secretSchema: {
    schema: {
      type: 'object',
      required: ['accountSid', 'authToken'],
      properties: {
        accountSid: {
          type: 'string',
          description: 'Twilio Account SID.',
        },
        authToken: {
          type: 'string',
          description: 'Twilio Auth Token.',
        },
      },
    },
    example: {
      accountSid: 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      authToken: 'auth-token',
    },
  },
  healthCheck: {
    method: 'custom',
    timeoutMs: 3000,
  },
  docsUrl: 'https://www.twilio.com/docs/sms/api',
  constraints: {
    rateLimit: {
      rpm: 200,
    },
  },
  byokSetup: {
    setupInstructions:
      'Provide a Twilio account SID, auth token, and verify the outbound sending numbers used by the integration.',
  },
});
