/**
 * `npm run fleet`: the fleet runs of issue 19 at full length, 4 processes, 20 s of sending each.
 * Prints every figure against its bar and exits 1 when one does not hold. About two minutes.
 *
 *   npm run fleet                       # all runs
 *   npm run fleet -- --duration 30000   # longer sending runs
 */
import { checkSendingRun, checkWebhookRun, startFleet, type Checks, type FleetOptions } from './fleet.js';

const at = process.argv.indexOf('--duration');
const durationMs = at >= 0 ? Number(process.argv[at + 1]) : 20_000;
const processes = 4;
const outage = { killAtMs: Math.round(durationMs * 0.3), restartAtMs: Math.round(durationMs * 0.55) };
const outageText = `Redis killed at ${outage.killAtMs / 1000} s and restarted at ${outage.restartAtMs / 1000} s`;

let failed = 0;
function print(title: string, started: number, { figures, findings }: Checks): void {
  console.log(`\n${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const figure of figures) {
    const ok = !findings.some((f) => f.check === figure.check);
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${figure.check}: ${figure.measured} (bar ${figure.bound})`);
  }
  failed += findings.length;
}

async function withFleet(options: FleetOptions, runs: (fleet: Awaited<ReturnType<typeof startFleet>>) => Promise<void>): Promise<void> {
  const fleet = await startFleet(options);
  try {
    await runs(fleet);
  } finally {
    const { exitCodes, stderr } = await fleet.close();
    const crashed = exitCodes.filter((code) => code !== 0).length;
    console.log(`  ${crashed === 0 ? 'ok  ' : 'FAIL'} processes that exited with an error: ${crashed} (bar 0)${crashed ? `\n${stderr}` : ''}`);
    failed += crashed;
  }
}

await withFleet({ processes, durationMs }, async (fleet) => {
  let started = Date.now();
  print(`webhooks: 400 events, each delivered 3 times at once to ${processes} processes`, started, checkWebhookRun(await fleet.webhooks(400, 3)));
  started = Date.now();
  print(`${processes} processes send for ${durationMs / 1000} s through one Redis`, started, checkSendingRun(await fleet.send()));
  started = Date.now();
  print(`the same, ${outageText}, onUnavailable 'fail-closed'`, started, checkSendingRun(await fleet.send(outage)));
});
await withFleet({ processes, durationMs, onUnavailable: 'local' }, async (fleet) => {
  const started = Date.now();
  print(`the same, ${outageText}, onUnavailable 'local' (fleetSize ${processes})`, started, checkSendingRun(await fleet.send(outage)));
});
console.log(failed === 0 ? '\nfleet: every bar holds' : `\nfleet: ${failed} bar(s) do not hold`);
process.exitCode = failed === 0 ? 0 : 1;
