import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock, TimeoutError, withTimeout, type Clock } from '@contractgen/runtime';

const onTimeout = () => new TimeoutError('too slow', { requestMayHaveBeenSent: true });

/** An attempt that never settles by itself, but reports the signal it was given. */
function hanging(seen: { signal?: AbortSignal }) {
  return (signal: AbortSignal) => {
    seen.signal = signal;
    return new Promise<never>(() => {});
  };
}

/** Wraps systemClock to count timers still pending, so a test can prove none is left behind. */
function countingClock(): Clock & { readonly live: number } {
  let live = 0;
  return {
    get live() {
      return live;
    },
    now: () => systemClock.now(),
    async sleep(ms, signal) {
      live++;
      try {
        await systemClock.sleep(ms, signal);
      } finally {
        live--;
      }
    },
  };
}

describe('withTimeout', () => {
  it('returns the result of an attempt that finishes in time', async () => {
    const clock = countingClock();
    await expect(withTimeout(async () => 'done', 1_000, { clock, onTimeout })).resolves.toBe('done');
    await Promise.resolve();
    expect(clock.live).toBe(0);
  });

  it('rejects with the onTimeout error and aborts the attempt with it', async () => {
    const clock = new ManualClock();
    const seen: { signal?: AbortSignal } = {};
    const result = withTimeout(hanging(seen), 3_000, { clock, onTimeout }).catch((e: unknown) => e);
    await clock.advance(2_999);
    expect(seen.signal!.aborted).toBe(false);
    await clock.advance(1);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', requestMayHaveBeenSent: true });
    expect(seen.signal!.aborted).toBe(true);
    expect(seen.signal!.reason).toBe(error);
  });

  it("rejects with the caller's abort reason and aborts the attempt", async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const seen: { signal?: AbortSignal } = {};
    const result = withTimeout(hanging(seen), 3_000, { clock, signal: controller.signal, onTimeout }).catch((e: unknown) => e);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    expect(await result).toBe(reason);
    expect(seen.signal!.reason).toBe(reason);
    // The timeout timer was cancelled with the call.
    expect(clock.pending).toBe(0);
  });

  it('does not start the attempt when the caller already aborted', async () => {
    let started = false;
    const run = async () => {
      started = true;
    };
    await expect(withTimeout(run, 1_000, { signal: AbortSignal.abort('late'), onTimeout })).rejects.toBe('late');
    expect(started).toBe(false);
  });

  it('passes on the attempt error and a synchronous throw', async () => {
    const failure = new Error('boom');
    await expect(withTimeout(() => Promise.reject(failure), 1_000, { onTimeout })).rejects.toBe(failure);
    await expect(
      withTimeout(
        () => {
          throw failure;
        },
        1_000,
        { onTimeout },
      ),
    ).rejects.toBe(failure);
  });

  it('leaves no timer and no listener behind on any outcome (real timers)', async () => {
    const clock = countingClock();
    const controller = new AbortController();
    const listeners: string[] = [];
    const { addEventListener, removeEventListener } = controller.signal;
    controller.signal.addEventListener = function (this: AbortSignal, ...args: Parameters<typeof addEventListener>) {
      listeners.push('add');
      return addEventListener.apply(this, args);
    } as typeof addEventListener;
    controller.signal.removeEventListener = function (this: AbortSignal, ...args: Parameters<typeof removeEventListener>) {
      listeners.push('remove');
      return removeEventListener.apply(this, args);
    } as typeof removeEventListener;

    const options = { clock, signal: controller.signal, onTimeout };
    await withTimeout(async () => 1, 60_000, options);
    await withTimeout(() => Promise.reject(new Error('x')), 60_000, options).catch(() => {});
    const timedOut = await withTimeout(hanging({}), 20, options).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);

    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.live).toBe(0);
    expect(listeners.filter((l) => l === 'add').length).toBe(listeners.filter((l) => l === 'remove').length);
  });

  it('rejects a non-positive timeout', async () => {
    await expect(withTimeout(async () => 1, 0, { onTimeout })).rejects.toThrow(RangeError);
  });
});

describe('withTimeout in a real process', () => {
  it('lets the process exit as soon as the work is done, long timeouts notwithstanding', async () => {
    const { execFile } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const script = `
      import { withTimeout, createKernel } from './runtime/index.ts';
      const onTimeout = () => new Error('timeout');
      await withTimeout(async () => 1, 600_000, { onTimeout });
      await withTimeout(() => Promise.reject(new Error('x')), 600_000, { onTimeout }).catch(() => {});
      await createKernel({ integration: 'x', rateLimit: { rpm: 5 } }).run({ name: 'op', idempotent: false, timeoutMs: 600_000 }, async () => 1);
      console.log('done');
    `;
    const started = Date.now();
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { cwd: root, timeout: 20_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      );
    });
    expect(output.trim()).toBe('done');
    // A leaked 600 s timer would keep the child alive until execFile kills it at 20 s.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
