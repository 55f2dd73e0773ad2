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

/*
 * The `http` section: an integration bound by spec only (HTTP-DESIGN.md section 1). This is the
 * author form; the plan normalizes it into the runtime's HttpBinding (runtime/http/binding.ts).
 * Which references, fields and statuses are allowed where is checked by rules beyond this shape.
 */
const httpReference = {
  type: 'string',
  description: "A reference: `input.a.b`, `config.x`, `secrets.x`; in responses also `body.a.0.b` (numeric segments index arrays) and `header.name`.",
} as const;

const httpConstant = {
  title: 'HttpAuthorConstant',
  description: 'A constant (null allowed).',
  type: 'object',
  required: ['value'],
  additionalProperties: false,
  properties: { value: { description: 'Any JSON value.', tsType: 'unknown' } },
} as const;

const httpTemplate = {
  title: 'HttpAuthorTemplate',
  description: "Text with `{root.path}` placeholders, e.g. `'whatsapp:{input.to}'` (not encoded; absent when a placeholder is).",
  type: 'object',
  required: ['template'],
  additionalProperties: false,
  properties: { template: { type: 'string' } },
} as const;

const httpConvert = {
  title: 'HttpAuthorConvert',
  description: 'A value read and converted: `removePrefix`, then `map` (total without `as`), then `as` for what `map` did not match.',
  type: 'object',
  required: ['from'],
  additionalProperties: false,
  properties: {
    from: httpReference,
    as: { title: 'HttpAuthorConversion', type: 'string', enum: ['string', 'integer', 'number', 'boolean', 'date-time', 'json'] },
    map: { type: 'object', additionalProperties: true, description: "Provider value (as text) -> value, e.g. `{ '0': 'queued' }`." },
    removePrefix: { type: 'string' },
  },
} as const;

// `first` holds plain values (no nested `first`): the model stays free of recursive references.
const httpFirstItem = { title: 'HttpAuthorFirstItem', anyOf: [httpReference, httpConstant, httpTemplate, httpConvert] } as const;

const httpValue = {
  title: 'HttpAuthorValue',
  description: 'One grammar for every value of a binding: a reference, `{ value }`, `{ first: [...] }` (the first present), `{ template }` or `{ from, as?, map?, removePrefix? }`.',
  anyOf: [
    httpReference,
    httpConstant,
    {
      title: 'HttpAuthorFirst',
      type: 'object',
      required: ['first'],
      additionalProperties: false,
      properties: { first: { type: 'array', items: httpFirstItem } },
    },
    httpTemplate,
    httpConvert,
  ],
} as const;

const httpValues = { type: 'object', additionalProperties: httpValue } as const;
const httpReasons = { type: 'object', additionalProperties: { type: 'string' } } as const;

const httpAuth = {
  title: 'HttpAuthorAuth',
  description: "How requests prove who sends them, from secret fields: `{ type: 'basic', username, password }`, `{ type: 'bearer', token }`, `{ type: 'header' | 'query' | 'body', fields }`, or `{ type: 'none' }`.",
  anyOf: [
    { type: 'object', required: ['type'], additionalProperties: false, properties: { type: { const: 'none' } } },
    {
      type: 'object',
      required: ['type', 'username', 'password'],
      additionalProperties: false,
      properties: { type: { const: 'basic' }, username: httpValue, password: httpValue },
    },
    { type: 'object', required: ['type', 'token'], additionalProperties: false, properties: { type: { const: 'bearer' }, token: httpValue } },
    {
      type: 'object',
      required: ['type', 'fields'],
      additionalProperties: false,
      properties: { type: { type: 'string', enum: ['header', 'query', 'body'] }, fields: httpValues },
    },
  ],
} as const;

const httpStatusMatch = { anyOf: [{ type: 'integer' }, { type: 'string', enum: ['4xx', '5xx'] }] } as const;

const httpErrorRule = {
  title: 'HttpAuthorErrorRule',
  description: "A rule mapping a provider's error answer (also one carried in a 2xx body) to a runtime error.",
  type: 'object',
  required: ['name', 'when', 'error', 'summary'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'Unique in the binding: docs list rules by name, the test double scripts them by name.' },
    when: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: { anyOf: [httpStatusMatch, { type: 'array', items: httpStatusMatch }], tsType: "number | '4xx' | '5xx' | readonly (number | '4xx' | '5xx')[]" },
        body: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: { path: httpReference, in: { type: 'array' }, notIn: { type: 'array' } },
        },
      },
    },
    error: { title: 'HttpAuthorErrorKind', type: 'string', enum: ['authentication', 'rateLimited', 'invalidInput', 'templateRequired', 'provider'] },
    input: { type: 'string', description: 'invalidInput: the operation input field the provider blamed.' },
    retryable: { type: 'boolean', description: 'The provider certainly did not act, and a later try may succeed.' },
    code: httpValue,
    message: httpValue,
    docsUrl: httpValue,
    summary: { type: 'string', description: 'Secret-free text used when `message` is absent.' },
  },
} as const;

const httpRequestProperties = {
  method: { title: 'HttpAuthorMethod', type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
  path: { type: 'string', description: 'Appended to the base URL; each `{input.x}` / `{config.x}` / `{secrets.x}` placeholder is one percent-encoded segment.' },
  baseUrl: { type: 'string', description: "Overrides the binding's baseUrl (https)." },
  auth: httpAuth,
  query: httpValues,
  headers: httpValues,
  body: {
    type: 'object',
    required: ['encoding', 'fields'],
    additionalProperties: false,
    properties: { encoding: { type: 'string', enum: ['form', 'json'] }, fields: httpValues },
  },
  errors: { type: 'array', items: httpErrorRule, description: "Tried before the binding's shared rules." },
} as const;

const httpSection = {
  title: 'HttpSpec',
  description: 'Binds the operations of the provided capabilities (and the health probe) to HTTP requests: a provider by spec only, executed by the runtime\'s generic HTTP adapter.',
  type: 'object',
  required: ['baseUrl', 'operations'],
  additionalProperties: false,
  properties: {
    baseUrl: { type: 'string', description: 'https only; no placeholders.' },
    auth: httpAuth,
    requestId: { ...httpReference, description: "Where the provider puts its request id (`header.*` or `body.*`); quoted in error messages." },
    retryAfter: {
      type: 'object',
      required: ['header'],
      additionalProperties: false,
      properties: { header: { type: 'string' } },
      description: 'Read on rateLimited errors: seconds or an HTTP date.',
    },
    secretsInUrl: { ...httpReasons, description: 'Secret field -> why the provider needs it in a URL (path or query): the only secrets allowed there.' },
    errors: { type: 'array', items: httpErrorRule, description: 'Shared by every operation and the health probe, tried after their own rules.' },
    operations: {
      type: 'object',
      additionalProperties: {
        title: 'HttpAuthorOperation',
        type: 'object',
        required: ['method', 'path', 'response'],
        additionalProperties: false,
        properties: {
          ...httpRequestProperties,
          response: {
            type: 'object',
            required: ['output'],
            additionalProperties: false,
            properties: { output: { ...httpValues, description: 'Output field -> where its value comes from.' } },
          },
          unsupported: { ...httpReasons, description: 'Input field -> why the provider cannot honour it: a call that gives it is an InvalidInputError, before anything is sent.' },
          local: { ...httpReasons, description: 'Input field -> why it is never sent (e.g. metadata kept for logs): no error.' },
        },
      },
    },
    health: {
      title: 'HttpAuthorHealth',
      description: "The health probe's request. Without `status`, any answer no error rule matches is `ok`.",
      type: 'object',
      required: ['method', 'path'],
      additionalProperties: false,
      properties: { ...httpRequestProperties, status: httpValue, detail: httpValue },
    },
  },
} as const;

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
    http: httpSection,
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
