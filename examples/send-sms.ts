/**
 * Send an SMS/MMS through the generated sms.twilio client, follow its delivery status and check
 * the integration's health, against a local Twilio stand-in.
 *
 *   npx tsx examples/send-sms.ts
 */
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { createSmsTwilioClient } from '../generated/integrations/sms.twilio/client.js';
import { isIntegrationError } from '@contractgen/runtime';
import { localTwilio } from './local-twilio.js';

const twilio = await localTwilio();
try {
  const sms = await createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    // Values or env://NAME references; wrapped so logs and errors show *** instead.
    secrets: twilio.secrets,
    adapter: createTwilioSmsAdapter({ baseUrl: twilio.baseUrl }),
    timeoutMs: 5_000,
  });

  const health = await sms.checkHealth();
  console.log(`health: ${health.status} (${health.latencyMs} ms)`);

  const sent = await sms.sendSms({
    to: '+14155552671',
    body: 'Your order #1042 has shipped.',
    mediaUrls: ['https://media.example.com/label.png'],
    statusCallbackUrl: 'https://hooks.example.com/twilio/sms-status',
    metadata: { orderId: '1042' }, // stays local: never sent to Twilio
  });
  console.log(`sent ${sent.id}: ${sent.status}, ${sent.segments} segment(s), created ${sent.createdAt}`);

  // With an in-process stand-in, pretend the carrier delivered it.
  const stored = twilio.standIn?.messages.get(sent.id);
  if (stored) Object.assign(stored, { status: 'delivered', price: '-0.0079' });

  const status = await sms.getDeliveryStatus({ id: sent.id });
  console.log(`status of ${status.id}: ${status.status}${status.price ? `, price ${status.price} ${status.priceUnit}` : ''}`);

  // Invalid input is caught before any request: one error listing every problem.
  try {
    await sms.sendSms({ to: '555-0100', body: '' });
  } catch (error) {
    if (!isIntegrationError(error)) throw error;
    console.log(`rejected locally: ${error.code}`);
  }
  console.log('done');
} finally {
  await twilio.close();
}
