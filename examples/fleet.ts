/**
 * Two processes, one Redis, one Twilio budget: each process sends 15 SMS at once through the
 * generated sms.twilio client on the Redis rate-limit store, to a local Twilio stand-in. The spec
 * allows a burst of 20 and then about 3 a second, for the two processes together: 20 go out at
 * once, the other 10 one every ~0.34 s. (With the default in-memory store each process would have
 * a budget of its own, and all 30 would go out at once.)
 *
 *   REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/fleet.ts
 *
 * Run as `--worker <stand-in URL> <start time>`, it is one of the two processes.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRedisRateLimitStore } from '@contractgen/redis';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from '@contractgen/twilio/testing';
import { createSmsTwilioClient } from '../generated/integrations/sms.twilio/client.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error('set REDIS_URL, e.g. redis://127.0.0.1:6379');
const worker = process.argv.indexOf('--worker');

if (worker >= 0) {
  // One process of the fleet: what an app does.
  const rateLimitStore = createRedisRateLimitStore({ url: redisUrl, onUnavailable: 'fail-closed' });
  const sms = await createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    secrets: { accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: process.argv[worker + 1]! }),
    rateLimitStore,
  });
  await sms.checkHealth(); // loads the Twilio SDK, so that both processes are ready at the start
  await new Promise((resolve) => setTimeout(resolve, Number(process.argv[worker + 2]) - Date.now()));
  const sent = await Promise.all(Array.from({ length: 15 }, (_, i) => sms.sendSms({ to: `+1415555${String(1000 + i)}`, body: `Order ${i} shipped` })));
  console.log(`process ${process.pid} sent ${sent.length}`);
  await rateLimitStore.close();
  process.exit(0); // the SDK's keep-alive sockets would hold the process a little longer
} else {
  const standIn = await startTwilioStandIn();
  const startAt = String(Date.now() + 3_000);
  const workers = [1, 2].map(() => spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', standIn.url, startAt], { stdio: ['ignore', 'inherit', 'inherit'] }));
  const codes = await Promise.all(workers.map(async (child) => (await once(child, 'exit'))[0] as number | null));
  const arrivals = standIn.requests.filter((r) => r.method === 'POST').map((r) => r.receivedAt.getTime());
  const mostInHalfASecond = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u <= t + 500).length));
  const spread = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
  console.log(`the stand-in received ${arrivals.length} messages, at most ${mostInHalfASecond} in any 0.5 s, the last ${spread.toFixed(1)} s after the first`);
  await standIn.close();
  process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
}
