/**
 * Send WhatsApp messages through the generated messaging.whatsapp.twilio client against a local
 * Twilio stand-in: a free-form reply, and the usual fallback when the recipient's 24-hour window
 * is closed (Twilio 63016 -> TemplateRequiredError): an approved template with variables.
 *
 *   npx tsx examples/send-whatsapp-template.ts
 */
import { createTwilioWhatsappAdapter } from '@contractgen/twilio/whatsapp';
import { createMessagingWhatsappTwilioClient } from '../generated/integrations/messaging.whatsapp.twilio/client.js';
import { TemplateRequiredError } from '@contractgen/runtime';
import { twilioErrorBody } from '@contractgen/twilio/testing';
import { localTwilio } from './local-twilio.js';

// A Content API template (Twilio Console > Content Template Builder), e.g. "Hi {{1}}, your table is ready at {{2}}."
const TABLE_READY_TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

const twilio = await localTwilio();
try {
  const whatsapp = await createMessagingWhatsappTwilioClient({
    config: { fromNumber: 'whatsapp:+15005550006' },
    secrets: twilio.secrets,
    adapter: createTwilioWhatsappAdapter({ baseUrl: twilio.baseUrl }),
  });

  // With an in-process stand-in, make Twilio answer the free-form send the way it does when the
  // customer has not written in the last 24 hours.
  twilio.standIn?.respondNext('POST /2010-04-01/Accounts/{AccountSid}/Messages.json', {
    status: 400,
    body: twilioErrorBody(400, 63016, 'Failed to send freeform message because you are outside the allowed window.'),
  });

  const to = '+14155552671'; // `whatsapp:` is added for you
  let sent;
  try {
    sent = await whatsapp.sendMessage({ to, content: { type: 'text', text: 'Your table is ready!' } });
    console.log(`free-form message sent: ${sent.id}`);
  } catch (error) {
    if (!(error instanceof TemplateRequiredError)) throw error;
    console.log(`free-form refused (${error.providerCode}): sending the approved template instead`);
    sent = await whatsapp.sendMessage({
      to,
      content: { type: 'template', templateId: TABLE_READY_TEMPLATE, variables: { 1: 'Ada', 2: '19:30' } },
      statusCallbackUrl: 'https://hooks.example.com/twilio/whatsapp-status',
    });
    console.log(`template sent: ${sent.id} to ${sent.to} (${sent.status})`);
  }

  const stored = twilio.standIn?.messages.get(sent.id);
  if (stored) stored.status = 'read';
  const status = await whatsapp.getMessageStatus({ id: sent.id });
  console.log(`status of ${status.id}: ${status.status}`);
  console.log('done');
} finally {
  await twilio.close();
}
