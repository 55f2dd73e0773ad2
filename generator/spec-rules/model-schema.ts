/**
 * The spec model: what a `defineIntegration` / `defineCapability` call may contain, written once,
 * as JSON Schema. Two things come from it:
 *
 *   - the structural half of spec checking (required fields, types, unknown fields, allowed
 *     values), here and in `defineIntegration`/`defineCapability` at run time (rules.ts adds the
 *     rules that need more than structure);
 *   - the TypeScript types spec files are checked against and generated spec constants satisfy,
 *     `runtime/spec-model/model.ts`, generated from this file by `npm run spec-model`
 *     (scripts/spec-model-types.ts, json-schema-to-typescript; test/spec-model.test.ts fails when it
 *     is not what this file gives).
 *
 * So a new field (the `http` section, say) is one entry below, with its description; then
 * `npm run spec-model`. A `title` names the TypeScript type of a part; `description` becomes its doc
 * comment; `tsType` is the TypeScript type where JSON Schema cannot say it (the stability accepts
 * StabilityEnum members as well as their string values).
 */
import { STABILITIES } from '@contractgen/runtime/spec';

export const INTEGRATION_CATEGORIES = [
  'sms', 'messaging', 'email', 'voice', 'push', 'payments', 'storage', 'analytics',
  'auth', 'ai', 'crm', 'calendar', 'search', 'observability', 'other',
] as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;

const jsonSchema = {
  title: 'JsonSchema',
  description: 'A JSON Schema document (draft-07 subset that json-schema-to-typescript and ajv both understand).',
  type: 'object',
  additionalProperties: true,
} as const;

const capabilityRef = {
  title: 'CapabilityRef',
  type: 'object',
  required: ['key', 'version'],
  additionalProperties: false,
  properties: { key: { type: 'string' }, version: { type: 'string' } },
} as const;

const schemaWithExample = {
  title: 'SchemaWithExample',
  type: 'object',
  required: ['schema', 'example'],
  additionalProperties: false,
  properties: { schema: jsonSchema, example: { type: 'object', additionalProperties: true } },
} as const;

const metaProperties = {
  key: { type: 'string', description: 'Dotted lower-case key, e.g. `sms.twilio`; also the output folder name.' },
  version: { type: 'string', description: 'Semantic version, e.g. `1.0.0`.' },
  title: { type: 'string' },
  description: { type: 'string' },
  domain: { type: 'string' },
  owners: stringList,
  tags: stringList,
  stability: { type: 'string', enum: STABILITIES, tsType: 'StabilityEnum | Stability' },
} as const;
const metaRequired = ['key', 'version', 'title', 'description', 'domain', 'owners', 'tags', 'stability'];

export const integrationModelSchema = {
  title: 'IntegrationSpec',
  type: 'object',
  required: ['meta', 'supportedModes', 'capabilities', 'configSchema', 'secretSchema', 'healthCheck'],
  additionalProperties: false,
  properties: {
    meta: {
      title: 'IntegrationMeta',
      type: 'object',
      required: [...metaRequired, 'category'],
      additionalProperties: false,
      properties: { ...metaProperties, category: { title: 'IntegrationCategory', type: 'string', enum: INTEGRATION_CATEGORIES } },
    },
    supportedModes: { type: 'array', items: { title: 'IntegrationMode', type: 'string', enum: ['managed', 'byok'] } },
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
        method: { title: 'HealthCheckMethod', type: 'string', enum: ['ping', 'list', 'custom'] },
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
  title: 'CapabilitySpec',
  type: 'object',
  required: ['meta'],
  additionalProperties: false,
  properties: {
    meta: { title: 'SpecMeta', type: 'object', required: metaRequired, additionalProperties: false, properties: metaProperties },
    operations: {
      type: 'object',
      additionalProperties: {
        title: 'OperationSpec',
        description: 'One request/response operation of a capability: a method on every client that provides it.',
        type: 'object',
        required: ['description', 'input', 'output', 'idempotent'],
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          input: jsonSchema,
          output: jsonSchema,
          idempotent: {
            type: 'boolean',
            description: 'Whether repeating the call after an ambiguous failure is harmless. Sends are not: the runtime never re-sends them after the request may have reached the provider.',
          },
        },
      },
    },
    events: {
      type: 'object',
      additionalProperties: {
        title: 'EventSpec',
        description: 'One event a capability delivers to the application (for example from a webhook).',
        type: 'object',
        required: ['description', 'payload'],
        additionalProperties: false,
        properties: { description: { type: 'string' }, payload: jsonSchema },
      },
    },
  },
} as const;
