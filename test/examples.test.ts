/**
 * The runnable examples in examples/ work as documented: each runs as a child process (what
 * `npx tsx examples/<file>.ts` does) against a local Twilio stand-in and exits 0, and none
 * prints the auth token.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from '@contractgen/twilio/testing';
import { waitFor } from './support/cli-process.js';
import { startRedisServer } from './support/redis-server.js';

const run = promisify(execFile);
const TSX = ['--import', 'tsx'];

async function runExample(file: string, env: Record<string, string> = {}) {
  const { stdout, stderr } = await run(process.execPath, [...TSX, `examples/${file}`], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  expect(stdout.includes(STAND_IN_AUTH_TOKEN)).toBe(false);
  expect(stderr.includes(STAND_IN_AUTH_TOKEN)).toBe(false);
  return stdout;
}

describe('examples', () => {
  it('send-sms.ts sends, follows the status and checks health', async () => {
    const stdout = await runExample('send-sms.ts');
    expect(stdout).toMatch(/^health: ok/m);
    expect(stdout).toMatch(/^sent SM[0-9a-f]{32}: queued, 1 segment\(s\)/m);
    expect(stdout).toMatch(/: delivered, price -0\.0079 USD$/m);
    expect(stdout).toContain('rejected locally: INVALID_INPUT');
    expect(stdout).toMatch(/^done$/m);
  });

  it('send-whatsapp-template.ts falls back to a template on 63016', async () => {
    const stdout = await runExample('send-whatsapp-template.ts');
    expect(stdout).toContain('free-form refused (63016)');
    expect(stdout).toMatch(/^template sent: SM[0-9a-f]{32} to whatsapp:\+14155552671/m);
    expect(stdout).toMatch(/: read$/m);
  });

  it('webhook-server.ts verifies, parses, de-duplicates and rejects a forged request', async () => {
    const stdout = await runExample('webhook-server.ts');
    expect(stdout).toContain('message SM0123456789abcdef0123456789abcdef from Ada: "Is my order ready?"');
    expect(stdout).toContain('redelivery of SM0123456789abcdef0123456789abcdef ignored');
    expect(stdout).toContain('rejected with 403');
    expect(stdout).toContain('responses: 200, 200, 403, 200');
  });

  it('fleet.ts: two processes share the sms.twilio budget through one Redis', async () => {
    const redis = await startRedisServer();
    try {
      const stdout = await runExample('fleet.ts', { REDIS_URL: redis.url });
      expect(stdout.match(/^process \d+ sent 15$/gm)).toHaveLength(2);
      const [, received, most, spread] = /the stand-in received (\d+) messages, at most (\d+) in any 0\.5 s, the last ([\d.]+) s after the first/.exec(stdout)!;
      expect(Number(received)).toBe(30);
      // One budget: a burst of 20 (plus what refills in half a second), then ~3 a second. Two
      // budgets would have let all 30 out at once.
      expect(Number(most)).toBeLessThanOrEqual(21);
      expect(Number(spread)).toBeGreaterThanOrEqual(3);
    } finally {
      await redis.stop();
    }
  });

  it('twilio-stand-in.ts serves until stopped, and send-sms.ts can use it through TWILIO_BASE_URL', async () => {
    const child = spawn(process.execPath, [...TSX, 'examples/twilio-stand-in.ts'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far: ${output}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const stdout = await runExample('send-sms.ts', { TWILIO_BASE_URL: url, TWILIO_ACCOUNT_SID: STAND_IN_ACCOUNT_SID });
      expect(stdout).toMatch(/^sent SM[0-9a-f]{32}: queued/m);
      // The external stand-in is not touched by the example, so the status stays queued.
      expect(stdout).toMatch(/^status of SM[0-9a-f]{32}: queued$/m);
      // The stand-in logs the request once it has answered: wait for the line, not for a fixed time.
      const logged = await waitFor('the logged send', () => output.split('\n').find((line) => line.startsWith(`POST /2010-04-01/Accounts/${STAND_IN_ACCOUNT_SID}/Messages.json [`)), { describe: () => output });
      expect(logged?.slice(logged.indexOf('[') + 1, -1).split(', ').sort()).toEqual(['Body', 'From', 'MediaUrl', 'StatusCallback', 'To']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Twilio stand-in stopped');
    expect(output.includes(STAND_IN_AUTH_TOKEN)).toBe(false);
  });
});
