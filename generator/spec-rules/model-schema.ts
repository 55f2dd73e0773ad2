/**
 * The spec model as JSON Schema: the structural half of spec checking (required fields, types,
 * unknown fields, allowed values), shared by the generator's `check` stage and by
 * `defineIntegration`/`defineCapability` at runtime. Rules that need more than structure live
 * in `rules.ts`. Keep this in step with `model.ts`.
 */
import { STABILITIES } from '@contractgen/runtime/spec';

export const INTEGRATION_CATEGORIES = [
  'sms', 'messaging', 'email', 'voice', 'push', 'payments', 'storage', 'analytics',
  'auth', 'ai', 'crm', 'calendar', 'search', 'observability', 'other',
] as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;

const capabilityRef = {
  type: 'object',
  required: ['key', 'version'],
  additionalProperties: false,
  properties: { key: { type: 'string' }, version: { type: 'string' } },
} as const;

const schemaWithExample = {
  type: 'object',
  required: ['schema', 'example'],
  additionalProperties: false,
  properties: { schema: { type: 'object' }, example: { type: 'object' } },
} as const;

const metaProperties = {
  key: { type: 'string' },
  version: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  domain: { type: 'string' },
  owners: stringList,
  tags: stringList,
  stability: { type: 'string', enum: STABILITIES },
} as const;
const metaRequired = ['key', 'version', 'title', 'description', 'domain', 'owners', 'tags', 'stability'];

export const integrationModelSchema = {
  type: 'object',
  required: ['meta', 'supportedModes', 'capabilities', 'configSchema', 'secretSchema', 'healthCheck'],
  additionalProperties: false,
  properties: {
    meta: {
      type: 'object',
      required: [...metaRequired, 'category'],
      additionalProperties: false,
      properties: { ...metaProperties, category: { type: 'string', enum: INTEGRATION_CATEGORIES } },
    },
    supportedModes: { type: 'array', items: { type: 'string', enum: ['managed', 'byok'] } },
    capabilities: {
      type: 'object',
      required: ['provides'],
      additionalProperties: false,
      properties: {
        provides: { type: 'array', items: capabilityRef },
        requires: { type: 'array', items: capabilityRef },
      },
    },
    configSchema: schemaWithExample,
    secretSchema: schemaWithExample,
    healthCheck: {
      type: 'object',
      required: ['method', 'timeoutMs'],
      additionalProperties: false,
      properties: {
        method: { type: 'string', enum: ['ping', 'list', 'custom'] },
        timeoutMs: { type: 'number' },
      },
    },
    docsUrl: { type: 'string' },
    constraints: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rateLimit: {
          type: 'object',
          additionalProperties: false,
          properties: { rpm: { type: 'number' }, rph: { type: 'number' } },
        },
        quotas: { type: 'object', additionalProperties: { type: 'number' } },
      },
    },
    byokSetup: {
      type: 'object',
      required: ['setupInstructions'],
      additionalProperties: false,
      properties: {
        setupInstructions: { type: 'string' },
        requiredScopes: stringList,
        docsUrl: { type: 'string' },
      },
    },
  },
} as const;

export const capabilityModelSchema = {
  type: 'object',
  required: ['meta'],
  additionalProperties: false,
  properties: {
    meta: { type: 'object', required: metaRequired, additionalProperties: false, properties: metaProperties },
    operations: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['description', 'input', 'output', 'idempotent'],
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          input: { type: 'object' },
          output: { type: 'object' },
          idempotent: { type: 'boolean' },
        },
      },
    },
    events: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['description', 'payload'],
        additionalProperties: false,
        properties: { description: { type: 'string' }, payload: { type: 'object' } },
      },
    },
  },
} as const;
