/**
 * A secret example that looks like a live credential (rule CG123, a warning) is masked wherever
 * the spec is reproduced: the docs' Source Definition and the spec constant. Placeholders such as
 * "ACxxxx..." or "auth-token" are left as written, so the source stays exact for honest specs.
 */
import type { IntegrationSpec } from '@contractgen/runtime/spec';
import { credentialLike } from '../spec-rules/credentials.js';
import { maskSecrets } from '../report/mask.js';
import type { SecretSpelling } from '../load/secret-spellings.js';

export function credentialExamples(spec: IntegrationSpec): Set<string> {
  const found = new Set<string>();
  for (const value of Object.values(spec.secretSchema.example)) if (typeof value === 'string' && credentialLike(value)) found.add(value);
  return found;
}

/** `source` with each credential-like example masked, as decoded and as written (escapes, template literals): the docs quote it as written. */
export function redactSource(source: string, spec: IntegrationSpec, spellings: readonly SecretSpelling[]): string {
  const credentials = credentialExamples(spec);
  if (credentials.size === 0) return source;
  return maskSecrets(source, new Set([...credentials, ...spellings.filter((spelling) => credentials.has(spelling.value)).map((spelling) => spelling.raw)]));
}

export function redactSpec(spec: IntegrationSpec): IntegrationSpec {
  const credentials = credentialExamples(spec);
  if (credentials.size === 0) return spec;
  const example = Object.fromEntries(Object.entries(spec.secretSchema.example).map(([k, v]) => [k, typeof v === 'string' && credentials.has(v) ? '*'.repeat(v.length) : v]));
  return { ...spec, secretSchema: { ...spec.secretSchema, example } };
}
