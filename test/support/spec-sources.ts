/**
 * Small spec projects written as text, for tests that need one odd value in an otherwise valid
 * integration: its config and secret blocks are given as source text (so a test can spell a value
 * with escapes, constants or patterns), everything else is fixed and valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, TWILIO_SPECS, writeFiles } from './workspace.js';

const capability = readFileSync(join(TWILIO_SPECS, 'capabilities/sms-outbound.ts'), 'utf8');

export interface IntegrationText {
  readonly key: string;
  /** Source text of `configSchema` and `secretSchema` (default: empty objects). */
  readonly configSchema?: string;
  readonly secretSchema?: string;
  /** Statements placed before the define call (imports, constants). */
  readonly preamble?: string;
}

/** The source of an integration spec providing sms.outbound 1.0.0. */
export function integrationSource(spec: IntegrationText): string {
  const empty = "{ schema: { type: 'object', properties: {} }, example: {} }";
  return `import { defineIntegration } from 'contractgen/spec';
${spec.preamble ?? ''}
export const spec = defineIntegration({
  meta: { key: '${spec.key}', version: '1.0.0', category: 'sms', title: 'T', description: 'D', domain: 'd', owners: ['o'], tags: [], stability: 'beta' },
  supportedModes: ['managed'],
  capabilities: { provides: [{ key: 'sms.outbound', version: '1.0.0' }] },
  configSchema: ${spec.configSchema ?? empty},
  secretSchema: ${spec.secretSchema ?? empty},
  healthCheck: { method: 'custom', timeoutMs: 1000 },
  docsUrl: 'https://example.com/docs',
});
`;
}

/** A project (own config, the sms.outbound capability, `files`) in a scratch folder listed in `scratch` for removal. */
export function specProject(label: string, scratch: string[], files: Record<string, string>): string {
  const root = scratchDir(label);
  scratch.push(root);
  writeFiles(root, { 'contractgen.config.json': '{}', 'specs/capabilities/sms-outbound.ts': capability, ...files });
  return root;
}
