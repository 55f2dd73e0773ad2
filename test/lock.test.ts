/**
 * Locks left behind: the lock file of a killed run is taken over, even when its pid has come round
 * again to this very process (containers give runs the same pids); a lock from another host cannot
 * be checked, so a run waits for it and then fails naming it (CG305), having written nothing.
 * (A live run's lock, and a killed run's whose pid is gone: test/interrupt.test.ts, test/crash.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, removeDir, scratchDir, snapshot, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));
afterEach(() => delete process.env.CONTRACTGEN_LOCK_TIMEOUT_MS);

/** A project whose output folder holds a lock file as a run would leave it. */
function projectWithLock(owner: { pid: number; host: string; started: string }): string {
  const root = scratchDir('lock');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'generated/.contractgen-run/lock.json': JSON.stringify({ ...owner, run: 'left-behind' }) });
  return root;
}

describe('a lock left behind', () => {
  it('is taken over when its pid is now this process, which started after the lock was made', async () => {
    const root = projectWithLock({ pid: process.pid, host: hostname(), started: '2000-01-01T00:00:00.000Z' });
    const result = await generate({ root, adapters: 'none' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(join(root, 'generated/index.ts'))).toBe(true);
    expect(existsSync(join(root, 'generated/.contractgen-run'))).toBe(false);
  });

  it("from another host is waited for, then the run fails naming it (CG305) and writes nothing; check too", async () => {
    const root = projectWithLock({ pid: 4242, host: 'build-agent-7', started: '2024-05-01T12:00:00.000Z' });
    const lock = join(root, 'generated/.contractgen-run/lock.json');
    const before = readFileSync(lock, 'utf8');
    process.env.CONTRACTGEN_LOCK_TIMEOUT_MS = '200';
    for (const mode of ['write', 'check'] as const) {
      const started = performance.now();
      const result = await generate({ root, adapters: 'none', mode });
      expect(performance.now() - started, mode).toBeGreaterThanOrEqual(200);
      expect(result.ok, mode).toBe(false);
      expect(result.diagnostics, mode).toEqual([
        expect.objectContaining({ code: 'CG305', file: lock, message: expect.stringContaining('(pid 4242 on build-agent-7, started 2024-05-01T12:00:00.000Z)') }),
      ]);
    }
    expect(Object.keys(snapshot(join(root, 'generated')))).toEqual(['.contractgen-run/lock.json']);
    expect(readFileSync(lock, 'utf8')).toBe(before);
  });
});
