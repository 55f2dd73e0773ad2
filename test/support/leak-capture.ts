/**
 * Everything printable an error-path test produces, for the check that no secret leaks: every
 * error (message, stack, issues, the cause chain, util.inspect with hidden fields, JSON) and what
 * a logger would print with console.error.
 */
import { inspect } from 'node:util';

export function createLeakCapture() {
  const printed: string[] = [];
  function capture(error: unknown): unknown {
    const seen = new Set<unknown>();
    for (let current: unknown = error; current instanceof Error && !seen.has(current); current = current.cause) {
      seen.add(current);
      printed.push(String(current), current.message, current.stack ?? '');
      const issues = (current as { issues?: unknown }).issues;
      if (Array.isArray(issues)) printed.push(JSON.stringify(issues));
    }
    printed.push(inspect(error, { depth: 30, showHidden: true }));
    try {
      printed.push(JSON.stringify(error) ?? '');
    } catch {
      // A circular cause: inspect above covered it.
    }
    return error;
  }
  /** The rejection of `promise`, captured; a test fails when it resolves. */
  async function failure(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return capture(error);
    }
    throw new Error('expected a rejection');
  }
  /** The secret strings (and their encodings) that appear in anything captured. */
  function leaks(secrets: readonly string[]): string[] {
    const needles = secrets.flatMap((secret) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
    return needles.filter((needle) => printed.some((text) => text.includes(needle)));
  }
  return { printed, capture, failure, leaks };
}
