/**
 * The files of an incremental-run project, as data (so that an edit sequence prints, replays and
 * shrinks) and as the text written to disk. Few keys and titles, so that edits collide: two files
 * with one key, an integration whose capability went away or changed version, an adapter for a
 * key that is gone.
 */

export const INTEGRATION_KEYS = ['sms.alpha', 'sms.beta', 'sms.gamma'] as const;
export const CAPABILITY_KEYS = ['msg.send', 'msg.track'] as const;
export const TITLES = ['Alpha', 'Beta', 'Gamma'] as const;
export const VERSIONS = ['1.0.0', '2.0.0'] as const;
export const OPERATIONS = ['send', 'deliver'] as const;

export type IntegrationKey = (typeof INTEGRATION_KEYS)[number];
export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];

/** What a file under specs/ holds. */
export type SpecContent =
  | { readonly kind: 'integration'; readonly key: IntegrationKey; readonly title: (typeof TITLES)[number]; readonly provides: CapabilityKey; readonly version: (typeof VERSIONS)[number]; readonly importsLimits: boolean; readonly liveLookingSecret: boolean }
  | { readonly kind: 'capability'; readonly key: CapabilityKey; readonly version: (typeof VERSIONS)[number]; readonly operation: (typeof OPERATIONS)[number] }
  /** An integration and a capability in one file. */
  | { readonly kind: 'both'; readonly key: IntegrationKey; readonly capability: CapabilityKey }
  /** No define call at all: empty, or code that is not a spec. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'not a spec' }
  /** A syntax error, or a value the loader cannot read statically (CG100, CG101). */
  | { readonly kind: 'broken' }
  | { readonly kind: 'not static' };

/** The constants module integrations may import (not a spec itself). */
export interface Limits {
  readonly rpm: number;
  readonly owner: string;
}

/** What adapters/alpha.ts holds, if it exists. */
export type AdapterContent = { readonly kind: 'binds'; readonly key: IntegrationKey } | { readonly kind: 'no key' };

/** contractgen.config.json. */
export interface Config {
  readonly docs: boolean;
  readonly docsOut: boolean;
  readonly templates: boolean;
  readonly allowEmpty: boolean;
}

/** templates/docs/catalog.md.hbs (an override, used when the config names templates/). */
export type TemplateContent = { readonly kind: 'heading'; readonly heading: string } | { readonly kind: 'broken' };

const pascal = (key: string) => key.replace(/(^|\.)(\w)/g, (_m, _dot, c: string) => c.toUpperCase());

export function integrationSource(spec: Extract<SpecContent, { kind: 'integration' }>): string {
  const imports = spec.importsLimits ? "import { LIMITS } from '../shared/limits';\n" : '';
  const rpm = spec.importsLimits ? 'LIMITS.rpm' : '120';
  const owner = spec.importsLimits ? 'LIMITS.owner' : "'platform.messaging'";
  // A live-looking token: a warning (CG123) that a reused result must report at the same place.
  const secret = spec.liveLookingSecret ? 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' : 'api-key';
  return `import { defineIntegration, StabilityEnum } from 'contractgen/spec';
${imports}
export const ${pascal(spec.key)}Spec = defineIntegration({
  meta: {
    key: '${spec.key}',
    version: '1.0.0',
    category: 'sms',
    title: '${spec.title} SMS',
    description: 'Sends SMS through ${spec.title}.',
    domain: 'communications',
    owners: [${owner}],
    tags: ['sms'],
    stability: StabilityEnum.Beta,
  },
  supportedModes: ['managed'],
  capabilities: { provides: [{ key: '${spec.provides}', version: '${spec.version}' }] },
  configSchema: { schema: { type: 'object', properties: { fromNumber: { type: 'string' } } }, example: { fromNumber: '+15551234567' } },
  secretSchema: { schema: { type: 'object', required: ['apiKey'], properties: { apiKey: { type: 'string' } } }, example: { apiKey: '${secret}' } },
  healthCheck: { method: 'custom', timeoutMs: 3000 },
  docsUrl: 'https://docs.example.com/${spec.key}',
  constraints: { rateLimit: { rpm: ${rpm} } },
});
`;
}

export function capabilitySource(spec: Extract<SpecContent, { kind: 'capability' }>, exportName = `${pascal(spec.key)}Capability`): string {
  return `import { defineCapability } from 'contractgen/spec';

export const ${exportName} = defineCapability({
  meta: {
    key: '${spec.key}',
    version: '${spec.version}',
    title: '${spec.key} (${spec.operation})',
    description: 'Messages, ${spec.operation}.',
    domain: 'communications',
    owners: ['platform.messaging'],
    tags: ['messaging'],
    stability: 'stable',
  },
  operations: {
    ${spec.operation}: {
      description: 'One message.',
      idempotent: ${spec.operation === 'deliver'},
      input: { type: 'object', required: ['to'], properties: { to: { type: 'string' } } },
      output: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
  },
});
`;
}

export function specSource(content: SpecContent): string {
  switch (content.kind) {
    case 'integration':
      return integrationSource(content);
    case 'capability':
      return capabilitySource(content);
    case 'both': {
      const capability = capabilitySource({ kind: 'capability', key: content.capability, version: '1.0.0', operation: 'send' }, 'BundledCapability').replace(/^import .*\n/, '');
      const integration = integrationSource({ kind: 'integration', key: content.key, title: 'Gamma', provides: content.capability, version: '1.0.0', importsLimits: false, liveLookingSecret: false });
      return integration.replace('import { defineIntegration,', `import { defineCapability, defineIntegration,`) + capability;
    }
    case 'empty':
      return '';
    case 'not a spec':
      return "// Helpers, not a spec.\nexport const retries = 3;\n";
    case 'broken':
      return integrationSource({ kind: 'integration', key: 'sms.alpha', title: 'Alpha', provides: 'msg.send', version: '1.0.0', importsLimits: false, liveLookingSecret: false }).replace('timeoutMs: 3000', 'timeoutMs: 3000 3000');
    case 'not static':
      return integrationSource({ kind: 'integration', key: 'sms.beta', title: 'Beta', provides: 'msg.send', version: '1.0.0', importsLimits: false, liveLookingSecret: false }).replace('timeoutMs: 3000', 'timeoutMs: Date.now()');
  }
}

export const limitsSource = (limits: Limits) => `export const LIMITS = { rpm: ${limits.rpm}, owner: '${limits.owner}' } as const;\n`;

export function adapterSource(adapter: AdapterContent): string {
  const key = adapter.kind === 'binds' ? `'${adapter.key}'` : 'KEY';
  return `import { defineAdapter } from '@contractgen/runtime';\n\nconst KEY = 'sms.alpha';\n\nexport const smsAdapter = defineAdapter({\n  integration: ${key},\n  connect: () => ({}),\n});\n`;
}

export function configSource(config: Config): string {
  return `${JSON.stringify({
    ...(!config.docs && { artifacts: { docs: false } }),
    ...(config.docsOut && { docsOut: 'docs-out' }),
    ...(config.templates && { templates: 'templates' }),
    ...(config.allowEmpty && { allowEmpty: true }),
  })}\n`;
}

export function templateSource(template: TemplateContent): string {
  // The built-in catalog template's data: integrations and capabilities by key.
  const heading = template.kind === 'heading' ? template.heading : 'Broken';
  return `# ${heading}\n\n{{#each integrations}}\n- {{key}}\n{{/each}}\n${template.kind === 'broken' ? '{{#if integrations}}\n' : ''}`;
}
