/** CG117: the URLs a spec gives (docs, setup, an HTTP binding's base URL) are absolute https:// URLs. */
import type { SpecFinding } from './findings.js';

export function httpsUrl(value: unknown, path: readonly (string | number)[]): SpecFinding[] {
  if (typeof value !== 'string') return [];
  let ok = false;
  try {
    ok = new URL(value).protocol === 'https:';
  } catch {
    ok = false;
  }
  return ok ? [] : [{ code: 'CG117', severity: 'error', path, message: 'must be an absolute https:// URL' }];
}
