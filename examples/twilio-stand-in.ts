/**
 * A local stand-in for the Twilio REST API (Messages and Account), for trying the examples and
 * your own code without a Twilio account or network access.
 *
 *   npx tsx examples/twilio-stand-in.ts            # prints its URL and credentials, runs until Ctrl-C
 *   TWILIO_BASE_URL=http://127.0.0.1:<port> npx tsx examples/send-sms.ts
 *
 * Every request is logged (method, path, form field names); answers look like Twilio's.
 */
import { startTwilioStandIn, STAND_IN_ACCOUNT_SID } from '@contractgen/twilio/testing';

const standIn = await startTwilioStandIn();

console.log(`Twilio stand-in listening on ${standIn.url}`);
console.log(`  account SID: ${STAND_IN_ACCOUNT_SID}`);
console.log('  auth token:  STAND_IN_AUTH_TOKEN from adapters/twilio/testing/stand-in.ts');
console.log(`  try: TWILIO_BASE_URL=${standIn.url} npx tsx examples/send-sms.ts`);

// Log each request as it arrives (field names only: values may be personal data).
let logged = 0;
const timer = setInterval(() => {
  for (; logged < standIn.requests.length; logged++) {
    const request = standIn.requests[logged]!;
    const fields = Object.keys(request.form);
    console.log(`${request.method} ${request.path}${fields.length ? ` [${fields.join(', ')}]` : ''}`);
  }
}, 100);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  await standIn.close();
  console.log('Twilio stand-in stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
