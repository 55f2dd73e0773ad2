/**
 * Sends one SMS through each sms.outbound provider of @example/contracts: the monorepo's own
 * sandbox, and Twilio (against a local Twilio stand-in, so it runs anywhere), then prints one
 * JSON line of what happened.
 */
import { sandboxMessages } from '@example/contracts/adapters/sms-sandbox';
import { registry } from '@example/contracts';
import { createSmsSandboxClient } from '@example/contracts/integrations/sms.sandbox';
import { createSmsTwilioClient } from '@example/contracts/integrations/sms.twilio';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn } from '@contractgen/twilio/testing';

const standIn = await startTwilioStandIn();
try {
  const twilio = await createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    secrets: standIn.secrets,
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
  });
  const viaTwilio = await twilio.sendSms({ to: '+14155552671', body: 'Hello from the monorepo' });

  const sandbox = await createSmsSandboxClient({ config: { fromNumber: '+15551234567' }, secrets: {} });
  const viaSandbox = await sandbox.sendSms({ to: '+14155552672', body: 'Hello from the sandbox' });

  const post = standIn.requests.find((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'));
  console.log(
    JSON.stringify({
      twilio: { id: viaTwilio.id, status: viaTwilio.status, body: post?.form['Body'] },
      sandbox: { id: viaSandbox.id, from: viaSandbox.from, kept: sandboxMessages().length },
      providers: registry.providersOf('sms.outbound').map((spec) => spec.meta.key),
    }),
  );
} finally {
  await standIn.close();
}
