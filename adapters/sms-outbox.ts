/**
 * `sms.outbox`: sends nothing. Each message is kept in an in-memory outbox (per process, oldest
 * dropped beyond `capacity`), where development tools and tests read it with `readSmsOutbox()`.
 */
import { defineAdapter, InvalidInputError } from '@contractgen/runtime';
import type { SmsOutboundOperations, SmsOutboundSendSmsOutput } from '../generated/capabilities/sms.outbound/types.js';
import type { SmsOutboxConfig, SmsOutboxSecrets } from '../generated/integrations/sms.outbox/types.js';

const outbox: SmsOutboundSendSmsOutput[] = [];
let sent = 0;

/** The messages in the outbox, oldest first. */
export function readSmsOutbox(): readonly SmsOutboundSendSmsOutput[] {
  return [...outbox];
}

export function clearSmsOutbox(): void {
  outbox.length = 0;
}

export const smsOutboxAdapter = defineAdapter<'sms.outbox', SmsOutboxConfig, SmsOutboxSecrets, SmsOutboundOperations>({
  integration: 'sms.outbox',
  connect: ({ integration, config }) => ({
    async sendSms(input) {
      const from = input.from ?? config.fromNumber;
      if (!from) throw new InvalidInputError([{ path: 'from', message: 'no sender: pass `from` or set config.fromNumber' }], { integration });
      const now = new Date().toISOString();
      const message: SmsOutboundSendSmsOutput = {
        id: `OB${String(++sent).padStart(32, '0')}`,
        status: 'delivered',
        to: input.to,
        from,
        segments: Math.ceil(input.body.length / 160),
        price: null,
        priceUnit: null,
        errorCode: null,
        errorMessage: null,
        createdAt: now,
        sentAt: now,
        updatedAt: now,
      };
      outbox.push(message);
      if (outbox.length > (config.capacity ?? 1000)) outbox.shift();
      return message;
    },
    async getDeliveryStatus({ id }) {
      const message = outbox.find((m) => m.id === id);
      if (!message) throw new InvalidInputError([{ path: 'id', message: `no message ${id} in the outbox` }], { integration });
      return message;
    },
    async probeHealth() {
      return { status: 'ok' };
    },
  }),
});
