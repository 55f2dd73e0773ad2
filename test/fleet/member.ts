/**
 * One process of the fleet (test/fleet/fleet.ts starts several), as an app would run it: the
 * generated sms.twilio client sharing its rate limit through the Redis store, and a webhook
 * endpoint handing the generated WhatsApp client's events to handleOnce with the Redis duplicate
 * filter. Started with `node --import tsx test/fleet/member.ts '<MemberOptions as JSON>'`.
 *
 * It prints `{"ready":true,"port":N}` once its clients are ready (SDK loaded, Redis connected),
 * then obeys one command per line on its standard input, answering each with one JSON line:
 * - `send <startAt>`: from startAt (epoch ms) for durationMs, `concurrency` callers send as fast
 *   as the limiter lets them. A caller refused by the store (fail-closed while Redis is down)
 *   waits 10 ms before trying again, as a caller would; every other call is awaited to its end.
 *   At the end, calls still waiting for a token are aborted (they would be granted after the run)
 *   and each must settle within 15 s. Answers `{"sending": SendingReport}`.
 * - `handled`: answers `{"handled": [event keys this process handled, in order]}`.
 * - `exit`: closes everything and exits 0, or 1 when a promise rejection went unhandled.
 * Webhooks: handled -> 200, duplicate -> 200, in progress elsewhere -> 503 (Twilio tries again
 * later), a failed handler -> 500. The handler fails on purpose a third of the time and takes
 * 0-20 ms, so deliveries overlap and claims get released.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleOnce, isIntegrationError, RateLimitedError, SignatureError } from '@contractgen/runtime';
import { createRedisDuplicateFilter, createRedisRateLimitStore } from '@contractgen/redis';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from '@contractgen/twilio/testing';
import { toWebRequest, webhookEventKey } from '@contractgen/twilio/webhooks';
import { createMessagingWhatsappTwilioClient } from '../../generated/integrations/messaging.whatsapp.twilio/client.js';
import { createSmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';

export interface MemberOptions {
  readonly redisUrl: string;
  readonly standInUrl: string;
  readonly durationMs: number;
  readonly concurrency: number;
  readonly onUnavailable: 'fail-closed' | 'local' | 'fail-open';
  readonly fleetSize: number;
}

export interface SendingReport {
  readonly sent: number;
  /**
   * Calls the end of the run aborted: waiting for a token (never sent), or already on the wire
   * (the stand-in may have seen them though no send was counted).
   */
  readonly stopped: number;
  /** Failed calls by `code/source` (e.g. `RATE_LIMITED/store`). */
  readonly errors: Record<string, number>;
  /** The longest any call took, aborted waits included. */
  readonly longestCallMs: number;
  /** Calls not settled 15 s after the end. */
  readonly hung: number;
  readonly unhandled: number;
}

const options = JSON.parse(process.argv[2]!) as MemberOptions;
let unhandled = 0;
process.on('unhandledRejection', () => void unhandled++);

const rateLimitStore = createRedisRateLimitStore(
  options.onUnavailable === 'local' ? { url: options.redisUrl, onUnavailable: 'local', fleetSize: options.fleetSize } : { url: options.redisUrl, onUnavailable: options.onUnavailable },
);
const sms = await createSmsTwilioClient({
  config: { fromNumber: '+15005550006' },
  secrets: { accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN },
  adapter: createTwilioSmsAdapter({ baseUrl: options.standInUrl }),
  rateLimitStore,
});
const whatsapp = await createMessagingWhatsappTwilioClient({ config: {}, secrets: { accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN } });
const deliveries = createRedisDuplicateFilter({ url: options.redisUrl, leaseMs: 10_000 });
const handled: string[] = [];

const server = http.createServer((req, res) => {
  whatsapp
    .handleWebhook(toWebRequest(req))
    .then((event) => {
      const key = webhookEventKey(event);
      return handleOnce(deliveries, key, async () => {
        await sleep(Math.floor(Math.random() * 20));
        if (Math.random() < 1 / 3) throw new Error('the handler failed');
        handled.push(key);
      });
    })
    .then(({ status }) => res.writeHead(status === 'in-progress' ? 503 : 200).end())
    .catch((error: unknown) => res.writeHead(error instanceof SignatureError ? 403 : 500).end());
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

// Load the SDK and open Redis before any command: a process's first call should not pay for either.
await sms.checkHealth();
await rateLimitStore.take(`warm-up-${process.pid}`, [{ name: 'w', capacity: 1e9, refillPerMs: 1 }], Date.now());
await handleOnce(deliveries, `warm-up-${process.pid}`, () => undefined);

async function send(startAt: number): Promise<SendingReport> {
  const end = startAt + options.durationMs;
  const stop = new AbortController();
  let sent = 0;
  let stopped = 0;
  let longestCallMs = 0;
  let started = 0;
  let settled = 0;
  const errors: Record<string, number> = {};
  async function caller(index: number): Promise<void> {
    while (Date.now() < end) {
      const callStart = Date.now();
      started++;
      try {
        await sms.sendSms({ to: `+1415555${String(index).padStart(4, '0')}`, body: 'fleet test' }, { signal: stop.signal });
        sent++;
      } catch (error) {
        if (stop.signal.aborted && error === stop.signal.reason) {
          stopped++;
          break;
        }
        const key = isIntegrationError(error) ? `${error.code}/${error instanceof RateLimitedError ? error.source : '-'}` : `other/${(error as Error)?.name}`;
        errors[key] = (errors[key] ?? 0) + 1;
        if (error instanceof RateLimitedError && error.source === 'store') await sleep(10);
      } finally {
        settled++;
        longestCallMs = Math.max(longestCallMs, Date.now() - callStart);
      }
    }
  }
  await sleep(Math.max(0, startAt - Date.now()));
  const callers = Promise.all(Array.from({ length: options.concurrency }, (_, i) => caller(i)));
  await sleep(Math.max(0, end - Date.now()));
  stop.abort(new Error('the run is over'));
  await Promise.race([callers, sleep(15_000)]);
  return { sent, stopped, errors, longestCallMs, hung: started - settled, unhandled };
}

const answer = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
answer({ ready: true, port: (server.address() as AddressInfo).port });
for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument] = line.trim().split(' ');
  if (command === 'send') answer({ sending: await send(Number(argument)) });
  else if (command === 'handled') answer({ handled });
  else if (command === 'exit') break;
}
server.close();
server.closeAllConnections();
await Promise.all([rateLimitStore.close(), deliveries.close()]);
// The SDK's keep-alive agents would hold the process open for a while.
process.exit(unhandled > 0 ? 1 : 0);
