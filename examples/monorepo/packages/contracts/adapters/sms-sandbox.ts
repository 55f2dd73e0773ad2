/** `sms.sandbox`: sends nothing; keeps each message in memory, where `sandboxMessages()` reads it. */
import { defineAdapter } from '@contractgen/runtime';
import type { SmsOutboundOperations, SmsOutboundSendSmsOutput } from '../generated/capabilities/sms.outbound/types.js';
import type { SmsSandboxConfig, SmsSandboxSecrets } from '../generated/integrations/sms.sandbox/types.js';

const messages: SmsOutboundSendSmsOutput[] = [];

export function sandboxMessages(): readonly SmsOutboundSendSmsOutput[] {
  return messages;
}

export const smsSandboxAdapter = defineAdapter<'sms.sandbox', SmsSandboxConfig, SmsSandboxSecrets, SmsOutboundOperations>({
  integration: 'sms.sandbox',
  connect: ({ config }) => ({
    async sendSms(input) {
      const now = new Date().toISOString();
      const message: SmsOutboundSendSmsOutput = {
        id: `SB${messages.length + 1}`,
        status: 'delivered',
        to: input.to,
        from: input.from ?? config.fromNumber,
        segments: 1,
        price: null,
        priceUnit: null,
        errorCode: null,
        errorMessage: null,
        createdAt: now,
        sentAt: now,
        updatedAt: now,
      };
      messages.push(message);
      return message;
    },
    async getDeliveryStatus({ id }) {
      const message = messages.find((m) => m.id === id);
      if (!message) throw new Error(`no sandbox message ${id}`);
      return message;
    },
    async probeHealth() {
      return { status: 'ok' };
    },
  }),
});
