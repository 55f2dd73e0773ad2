/**
 * A short smoke of the fleet runs (test/fleet/fleet.ts) in `npm test`: 4 processes on one Redis
 * and one Twilio stand-in handle webhook redeliveries exactly once, then send for a few seconds
 * with Redis killed and restarted mid-run. `npm run fleet` runs them at full length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSendingRun, checkWebhookRun, startFleet, type Fleet } from './fleet.js';

describe('a fleet of 4 processes on one Redis (smoke)', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({ processes: 4, durationMs: 6_000 });
  }, 90_000);
  afterAll(async () => {
    const closed = await fleet?.close();
    // Nothing crashed: every process exits 0, which it does only with no unhandled rejection.
    expect(closed?.exitCodes, closed?.stderr).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('handles every webhook exactly once, redeliveries spread over the processes', async () => {
    const { findings, figures } = checkWebhookRun(await fleet.webhooks(40, 3));
    expect(findings, JSON.stringify(figures, null, 1)).toEqual([]);
  }, 60_000);

  it("shares the spec's limit, sends nothing while Redis is down (fail-closed), resumes after its restart, no call hangs", async () => {
    const { findings, figures } = checkSendingRun(await fleet.send({ killAtMs: 2_000, restartAtMs: 3_500 }));
    expect(findings, JSON.stringify(figures, null, 1)).toEqual([]);
  }, 60_000);
});
