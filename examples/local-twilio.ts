/**
 * Where the examples send their Twilio API calls:
 *
 * - TWILIO_BASE_URL set (e.g. by `npx tsx examples/twilio-stand-in.ts` in another terminal): that
 *   server, with TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN or the stand-in's test credentials;
 * - otherwise a stand-in started inside the example process, so each example runs on its own.
 *
 * Nothing here ever reaches api.twilio.com. To use the real API, drop the `adapter` option from
 * the client (the generated client then binds the production adapter) and pass real secrets.
 */
import { startTwilioStandIn, STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, type TwilioStandIn } from '@contractgen/twilio/testing';

export interface LocalTwilio {
  readonly baseUrl: string;
  readonly secrets: { readonly accountSid: string; readonly authToken: string };
  /** The in-process stand-in, when this example started one (lets it simulate delivery). */
  readonly standIn?: TwilioStandIn;
  close(): Promise<void>;
}

export async function localTwilio(): Promise<LocalTwilio> {
  const secrets = {
    accountSid: process.env.TWILIO_ACCOUNT_SID ?? STAND_IN_ACCOUNT_SID,
    authToken: process.env.TWILIO_AUTH_TOKEN ?? STAND_IN_AUTH_TOKEN,
  };
  const external = process.env.TWILIO_BASE_URL;
  if (external) return { baseUrl: external, secrets, close: async () => {} };
  const standIn = await startTwilioStandIn({ accountSid: secrets.accountSid, authToken: secrets.authToken });
  return { baseUrl: standIn.url, secrets, standIn, close: () => standIn.close() };
}
