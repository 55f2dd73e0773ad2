import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '@contractgen/runtime';

describe('ManualClock', () => {
  it('wakes sleepers in due order, then call order, at their due time', async () => {
    const clock = new ManualClock(1_000);
    const woke: string[] = [];
    const sleep = (label: string, ms: number) => clock.sleep(ms).then(() => woke.push(`${label}@${clock.now()}`));
    void sleep('c', 300);
    void sleep('a', 100);
    void sleep('b', 100);
    await clock.advance(150);
    expect(woke).toEqual(['a@1100', 'b@1100']);
    expect(clock.now()).toBe(1_150);
    await clock.runAll();
    expect(woke).toEqual(['a@1100', 'b@1100', 'c@1300']);
  });

  it('runs the continuations of one wake-up before the next sleeper wakes', async () => {
    const clock = new ManualClock();
    const log: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(10);
        log.push(clock.now());
      }
    };
    void loop();
    await clock.advance(25);
    expect(log).toEqual([10, 20]);
    await clock.runAll();
    expect(log).toEqual([10, 20, 30]);
  });

  it('rejects an aborted sleep with the reason and forgets it', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    expect(clock.pending).toBe(1);
    controller.abort('stop');
    await expect(sleeping).rejects.toBe('stop');
    expect(clock.pending).toBe(0);
  });

  it('fails runAll on an endless sleep loop instead of hanging', async () => {
    const clock = new ManualClock();
    const forever = async () => {
      for (;;) await clock.sleep(1);
    };
    void forever();
    await expect(clock.runAll(50)).rejects.toThrow(/still sleeping/);
  });
});

describe('systemClock', () => {
  it('sleeps and can be aborted', async () => {
    const started = Date.now();
    await systemClock.sleep(15);
    expect(Date.now() - started).toBeGreaterThanOrEqual(14);
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(sleeping).rejects.toThrow('cancelled');
    await expect(systemClock.sleep(10, AbortSignal.abort('already'))).rejects.toBe('already');
  });
});
