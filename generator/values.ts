/** Small value helpers the generator uses in many places, written once. */
import { createHash } from 'node:crypto';

/** A plain object (not null, not an array): JSON's "object". */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Code-unit order, the same in every locale (output order must not depend on the machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The SHA-1 of text or bytes, in hex: what the cache and the writer compare contents by. */
export function sha1(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}
