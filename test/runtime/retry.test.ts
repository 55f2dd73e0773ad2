import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  ConnectionError,
  InvalidInputError,
  ManualClock,
  ProviderError,
  RateLimitedError,
  TemplateRequiredError,
  TimeoutError,
  withRetry,
  type RetryPolicy,
} from '@contractgen/runtime';

/** An attempt function that fails with the given errors in turn, then returns 'ok'; records when each attempt ran. */
function scripted(clock: ManualClock, failures: unknown[]) {
  const calls: { n: number; at: number }[] = [];
  const attempt = async (n: number) => {
    calls.push({ n, at: clock.now() });
    const failure = failures.shift();
    if (failure !== undefined) throw failure;
    return 'ok';
  };
  return { calls, attempt };
}

/** Runs withRetry to completion on a manual clock; returns the value or the thrown error. */
async function drive(clock: ManualClock, attempt: (n: number) => Promise<string>, policy: RetryPolicy) {
  const result = withRetry(attempt, { random: () => 0.5, ...policy }, clock).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await clock.runAll();
  return result;
}

const providerRateLimit = (retryAfterMs?: number) =>
  new RateLimitedError({ source: 'provider', status: 429, providerCode: 20429, ...(retryAfterMs !== undefined && { retryAfterMs }) });

describe('withRetry', () => {
  it('retries a provider 429 and returns the later success', async () => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, [providerRateLimit()]);
    expect(await drive(clock, attempt, { idempotent: false })).toEqual({ value: 'ok' });
    expect(calls.map((c) => c.n)).toEqual([1, 2]);
  });

  it('waits exactly the Retry-After instead of the backoff', async () => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, [providerRateLimit(7_000)]);
    expect(await drive(clock, attempt, { idempotent: false })).toEqual({ value: 'ok' });
    expect(calls[1]!.at - calls[0]!.at).toBe(7_000);
  });

  it('gives up at once when Retry-After is longer than maxDelayMs', async () => {
    const clock = new ManualClock();
    const tooLong = providerRateLimit(60_000);
    const { calls, attempt } = scripted(clock, [tooLong]);
    expect(await drive(clock, attempt, { idempotent: true, maxDelayMs: 10_000 })).toEqual({ error: tooLong });
    expect(calls).toHaveLength(1);
  });

  it('never retries a full local queue', async () => {
    const clock = new ManualClock();
    const local = new RateLimitedError({ source: 'local' });
    const { calls, attempt } = scripted(clock, [local]);
    expect(await drive(clock, attempt, { idempotent: true })).toEqual({ error: local });
    expect(calls).toHaveLength(1);
  });

  it('never re-sends a non-idempotent operation that timed out after sending', async () => {
    const clock = new ManualClock();
    const timeout = new TimeoutError('no answer', { requestMayHaveBeenSent: true });
    const { calls, attempt } = scripted(clock, [timeout]);
    expect(await drive(clock, attempt, { idempotent: false, maxAttempts: 5 })).toEqual({ error: timeout });
    expect(calls).toHaveLength(1);
  });

  it('retries a timeout when the request never left, or when the operation is idempotent', async () => {
    const clock = new ManualClock();
    const unsent = scripted(clock, [new TimeoutError('connect timeout', { requestMayHaveBeenSent: false })]);
    expect(await drive(clock, unsent.attempt, { idempotent: false })).toEqual({ value: 'ok' });
    expect(unsent.calls).toHaveLength(2);

    const idempotent = scripted(clock, [new TimeoutError('no answer', { requestMayHaveBeenSent: true })]);
    expect(await drive(clock, idempotent.attempt, { idempotent: true })).toEqual({ value: 'ok' });
    expect(idempotent.calls).toHaveLength(2);
  });

  it('retries a ConnectionError even for a non-idempotent operation', async () => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, [new ConnectionError('ECONNREFUSED'), new ConnectionError('ECONNRESET before write')]);
    expect(await drive(clock, attempt, { idempotent: false })).toEqual({ value: 'ok' });
    expect(calls.map((c) => c.n)).toEqual([1, 2, 3]);
  });

  it('retries a 5xx only for idempotent operations', async () => {
    const clock = new ManualClock();
    const idempotent = scripted(clock, [new ProviderError('bad gateway', { status: 502 })]);
    expect(await drive(clock, idempotent.attempt, { idempotent: true })).toEqual({ value: 'ok' });
    expect(idempotent.calls).toHaveLength(2);

    const serverError = new ProviderError('internal', { status: 500 });
    const send = scripted(clock, [serverError]);
    expect(await drive(clock, send.attempt, { idempotent: false })).toEqual({ error: serverError });
    expect(send.calls).toHaveLength(1);
  });

  it('retries a ProviderError declared retryable (a definite rejection) for any operation, whatever its status', async () => {
    const clock = new ManualClock();
    for (const status of [200, 400, 503]) {
      const throttled = scripted(clock, [new ProviderError('throttled', { status, providerCode: '1', retryable: true })]);
      expect(await drive(clock, throttled.attempt, { idempotent: false })).toEqual({ value: 'ok' });
      expect(throttled.calls).toHaveLength(2);
    }
    // Without the declaration the same answers are not retried for a send.
    const plain = new ProviderError('throttled', { status: 200, providerCode: '1' });
    const send = scripted(clock, [plain]);
    expect(await drive(clock, send.attempt, { idempotent: false })).toEqual({ error: plain });
    expect(send.calls).toHaveLength(1);
  });

  it.each([
    ['4xx provider error', new ProviderError('bad number', { status: 400, providerCode: 21211 })],
    ['template required', new TemplateRequiredError(undefined, { status: 400, providerCode: 63016 })],
    ['invalid input', new InvalidInputError([{ path: 'to', message: 'must be E.164' }])],
    ['plain Error', new Error('bug')],
  ])('does not retry a %s', async (_label, error) => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, [error]);
    expect(await drive(clock, attempt, { idempotent: true })).toEqual({ error });
    expect(calls).toHaveLength(1);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const clock = new ManualClock();
    const errors = [new ConnectionError('first'), new ConnectionError('second'), new ConnectionError('third'), new ConnectionError('fourth')];
    const { calls, attempt } = scripted(clock, [...errors]);
    const outcome = await drive(clock, attempt, { idempotent: false, maxAttempts: 3 });
    expect(outcome).toEqual({ error: errors[2] });
    expect((outcome as { error: Error }).error.message).toBe('third');
    expect(calls).toHaveLength(3);
  });

  it('defaults to 3 attempts', async () => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, Array.from({ length: 10 }, () => new ConnectionError('down')));
    await drive(clock, attempt, { idempotent: false });
    expect(calls).toHaveLength(3);
  });

  it('backs off exponentially with full jitter, capped by maxDelayMs', async () => {
    const clock = new ManualClock();
    const { calls, attempt } = scripted(clock, Array.from({ length: 5 }, () => new ConnectionError('down')));
    const result = withRetry(attempt, { idempotent: false, maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500, random: () => 0.999 }, clock);
    await clock.runAll();
    await result;
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps).toEqual([99, 199, 399, 499, 499]);

    expect(backoffMs(1, { random: () => 0 })).toBe(0);
    expect(backoffMs(3, { baseDelayMs: 250, random: () => 0.5 })).toBe(500);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const { calls, attempt } = scripted(clock, [new ConnectionError('down'), new ConnectionError('down')]);
    const result = withRetry(attempt, { idempotent: false, random: () => 1 }, clock, controller.signal).catch((e: unknown) => e);
    await clock.advance(0);
    controller.abort('cancelled');
    expect(await result).toBe('cancelled');
    expect(calls).toHaveLength(1);
  });
});
