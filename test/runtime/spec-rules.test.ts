/**
 * The single-spec rules (generator/spec-rules/rules.ts), as the generator's `check` and the runtime's
 * `defineIntegration`/`defineCapability` both run them: each rule code with its exact path and
 * message. Every message must read naturally after its path (`healthCheck.timeoutMs must be a
 * positive number`), since that is how both report it.
 */
import { describe, expect, it } from 'vitest';
import { formatPath, type SpecFinding } from '../../generator/spec-rules/findings.js';
import type { ErrorCode } from '../../generator/diagnostics/index.js';
import { defineCapability, defineIntegration, SpecValidationError } from 'contractgen/spec';
import { capabilityFindings, integrationFindings } from '../../generator/spec-rules/rules.js';
import { STABILITIES } from '@contractgen/runtime';
import { messagingInboundCapability } from '../../adapters/twilio/specs/capabilities/messaging-inbound.js';
import { messagingOutboundCapability } from '../../adapters/twilio/specs/capabilities/messaging-outbound.js';
import { smsOutboundCapability } from '../../adapters/twilio/specs/capabilities/sms-outbound.js';
import { messagingWhatsappTwilioIntegrationSpec } from '../../adapters/twilio/specs/integrations/messaging-whatsapp-twilio.js';
import { twilioSmsIntegrationSpec } from '../../adapters/twilio/specs/integrations/twilio-sms.js';

// Specs are deeply readonly literals; a test edits a copy as plain JSON.
type Editable = Record<string, any>;

/** The reference Twilio SMS spec with one thing changed. */
function integration(change: (spec: Editable) => void): Editable {
  const spec = structuredClone(twilioSmsIntegrationSpec) as Editable;
  change(spec);
  return spec;
}

/** A small valid capability with one operation, with one thing changed. */
function capability(change: (spec: Editable) => void): Editable {
  const spec: Editable = {
    meta: {
      key: 'sms.outbound',
      version: '1.0.0',
      title: 'Outbound SMS',
      description: 'Send SMS messages to phone numbers.',
      domain: 'communications',
      owners: ['platform.messaging'],
      tags: ['sms'],
      stability: 'stable',
    },
    operations: {
      sendSms: {
        description: 'Send one SMS.',
        idempotent: false,
        input: { type: 'object', required: ['to'], properties: { to: { type: 'string' }, body: { type: 'string', minLength: 1 } } },
        output: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  };
  change(spec);
  return spec;
}

/** What the generator prints (`check.ts`) for a finding: its path, then its message. */
function asReported(finding: SpecFinding): string {
  return finding.path.length ? `${formatPath(finding.path)} ${finding.message}` : finding.message;
}

describe('the reference specs', () => {
  it.each([
    ['sms.twilio', twilioSmsIntegrationSpec],
    ['messaging.whatsapp.twilio', messagingWhatsappTwilioIntegrationSpec],
  ] as const)('integration %s has no findings', (_key, spec) => {
    expect(integrationFindings(spec)).toEqual([]);
  });

  it.each([
    ['sms.outbound', smsOutboundCapability],
    ['messaging.outbound', messagingOutboundCapability],
    ['messaging.inbound', messagingInboundCapability],
  ] as const)('capability %s has no findings', (_key, spec) => {
    expect(capabilityFindings(spec)).toEqual([]);
  });

  it('the small test capability is valid too', () => {
    expect(capabilityFindings(capability(() => {}))).toEqual([]);
  });
});

describe('integrationFindings: one finding per problem, at its exact path', () => {
  interface Case {
    readonly name: string;
    readonly spec: unknown;
    readonly finding: SpecFinding;
  }
  const error = (code: ErrorCode, path: SpecFinding['path'], message: string, hint?: string): SpecFinding => ({
    code,
    severity: 'error',
    path,
    message,
    ...(hint ? { hint } : {}),
  });
  const cases: Case[] = [
    // CG110-CG113: structure (the model's JSON Schema)
    { name: 'CG110 missing block', spec: integration((s) => delete s.healthCheck), finding: error('CG110', ['healthCheck'], 'is required') },
    { name: 'CG110 missing meta field', spec: integration((s) => delete s.meta.title), finding: error('CG110', ['meta', 'title'], 'is required') },
    { name: 'CG111 wrong type (array)', spec: integration((s) => (s.meta.owners = 'platform.messaging')), finding: error('CG111', ['meta', 'owners'], 'must be an array') },
    { name: 'CG111 wrong type (number)', spec: integration((s) => (s.healthCheck.timeoutMs = '3000')), finding: error('CG111', ['healthCheck', 'timeoutMs'], 'must be a number') },
    { name: 'CG111 not an object at all', spec: 'sms.twilio', finding: error('CG111', [], 'the spec must be an object') },
    {
      name: 'CG112 unknown field',
      spec: integration((s) => {
        s.docUrl = s.docsUrl;
        delete s.docsUrl;
      }),
      finding: error('CG112', ['docUrl'], 'is not a known field', 'did you mean "docsUrl"?'),
    },
    {
      // A part the model uses at two places (configSchema and secretSchema), compiled once as a shared definition.
      name: 'CG112 unknown field in a shared part of the model',
      spec: integration((s) => (s.secretSchema.exampel = s.secretSchema.example)),
      finding: error('CG112', ['secretSchema', 'exampel'], 'is not a known field', 'did you mean "example"?'),
    },
    {
      name: 'CG113 value not allowed',
      spec: integration((s) => (s.healthCheck.method = 'pong')),
      finding: error('CG113', ['healthCheck', 'method'], 'must be one of "ping", "list", "custom"', 'did you mean "ping"?'),
    },
    {
      name: 'CG113 unknown mode',
      spec: integration((s) => (s.supportedModes = ['managed', 'byo'])),
      finding: error('CG113', ['supportedModes', 1], 'must be one of "managed", "byok"', 'did you mean "byok"?'),
    },
    // CG114-CG118: the rules beyond structure
    {
      name: 'CG114 key',
      spec: integration((s) => (s.meta.key = '../../etc')),
      finding: error(
        'CG114',
        ['meta', 'key'],
        'must be lower-case words joined by "." or "-" (at most 80 characters), e.g. "sms.twilio"',
        'keys become folder and identifier names, so they may not contain "/", "\\", ".." or spaces',
      ),
    },
    { name: 'CG115 meta version', spec: integration((s) => (s.meta.version = '1.0')), finding: error('CG115', ['meta', 'version'], 'must be a semantic version such as "1.0.0"') },
    {
      name: 'CG115 capability reference version',
      spec: integration((s) => (s.capabilities.provides[0].version = 'v1')),
      finding: error('CG115', ['capabilities', 'provides', 0, 'version'], 'must be a semantic version such as "1.0.0"'),
    },
    { name: 'CG116 timeout', spec: integration((s) => (s.healthCheck.timeoutMs = 0)), finding: error('CG116', ['healthCheck', 'timeoutMs'], 'must be a positive number') },
    { name: 'CG116 rate limit', spec: integration((s) => (s.constraints.rateLimit.rpm = -5)), finding: error('CG116', ['constraints', 'rateLimit', 'rpm'], 'must be a whole number of requests, at least 1') },
    { name: 'CG116 fractional rpm', spec: integration((s) => (s.constraints.rateLimit.rpm = 0.5)), finding: error('CG116', ['constraints', 'rateLimit', 'rpm'], 'must be a whole number of requests, at least 1') },
    { name: 'CG116 fractional rph', spec: integration((s) => (s.constraints.rateLimit = { rph: 1.5 })), finding: error('CG116', ['constraints', 'rateLimit', 'rph'], 'must be a whole number of requests, at least 1') },
    { name: 'CG116 quota', spec: integration((s) => (s.constraints.quotas = { daily: 0 })), finding: error('CG116', ['constraints', 'quotas', 'daily'], 'must be a positive number') },
    { name: 'CG117 http docs URL', spec: integration((s) => (s.docsUrl = 'http://www.twilio.com/docs')), finding: error('CG117', ['docsUrl'], 'must be an absolute https:// URL') },
    { name: 'CG117 relative byok docs URL', spec: integration((s) => (s.byokSetup.docsUrl = '/docs/keys')), finding: error('CG117', ['byokSetup', 'docsUrl'], 'must be an absolute https:// URL') },
    {
      name: 'CG118 byok without byokSetup: at the "byok" element',
      spec: integration((s) => delete s.byokSetup),
      finding: error(
        'CG118',
        ['supportedModes', 1],
        'is "byok", which needs a byokSetup block telling users how to bring their own key',
        'add byokSetup: { setupInstructions: \'...\' }, or drop "byok" from supportedModes',
      ),
    },
    { name: 'CG118 no mode', spec: integration((s) => (s.supportedModes = [])), finding: error('CG118', ['supportedModes'], 'must list at least one mode ("managed" or "byok")') },
    {
      name: 'CG118 a mode twice: at the repeat',
      spec: integration((s) => (s.supportedModes = ['managed', 'byok', 'managed'])),
      finding: error('CG118', ['supportedModes', 2], 'repeats "managed", already listed at supportedModes[0]', 'list each mode once'),
    },
    // CG120-CG124: the spec's own JSON Schemas and examples
    {
      name: 'CG120 a misspelt type: one finding that lists the type names',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber.type = 'strng')),
      finding: error(
        'CG120',
        ['configSchema', 'schema', 'properties', 'fromNumber', 'type'],
        'is not a JSON Schema type; use one of "array", "boolean", "integer", "null", "number", "object", "string" (or a list of them)',
        'did you mean "string"?',
      ),
    },
    {
      name: 'CG120 a misspelt type in a list: at the element',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber.type = ['string', 'nul'])),
      finding: error(
        'CG120',
        ['configSchema', 'schema', 'properties', 'fromNumber', 'type', 1],
        'is not a JSON Schema type; use one of "array", "boolean", "integer", "null", "number", "object", "string"',
        'did you mean "null"?',
      ),
    },
    {
      name: 'CG120 an empty type list',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber.type = [])),
      finding: error('CG120', ['configSchema', 'schema', 'properties', 'fromNumber', 'type'], 'is not valid JSON Schema: must have at least 1 item'),
    },
    {
      name: 'CG120 alternatives merged into one message',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber.items = 3)),
      finding: error('CG120', ['configSchema', 'schema', 'properties', 'fromNumber', 'items'], 'is not valid JSON Schema: must be an object, a boolean or an array'),
    },
    {
      name: 'CG120 a local $ref to nothing: at the $ref',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber = { $ref: '#/definitions/phone' })),
      finding: error(
        'CG120',
        ['configSchema', 'schema', 'properties', 'fromNumber', '$ref'],
        'points at a definition this schema does not have',
        'a local $ref names a path inside the same schema, e.g. "#/definitions/phone"',
      ),
    },
    {
      name: 'CG120 a pattern that is not a regular expression: at the pattern',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber.pattern = '^(\\+1')),
      finding: error(
        'CG120',
        ['configSchema', 'schema', 'properties', 'fromNumber', 'pattern'],
        'is not a valid regular expression (Unterminated group)',
        'JSON Schema patterns are ECMAScript regular expressions, checked with the "u" (unicode) flag',
      ),
    },
    {
      name: 'CG121 example does not match',
      spec: integration((s) => {
        s.configSchema.schema.properties.fromNumber.pattern = '^\\+[1-9]\\d{1,14}$';
        s.configSchema.example.fromNumber = '555-1234';
      }),
      finding: error('CG121', ['configSchema', 'example', 'fromNumber'], 'must match pattern "^\\+[1-9]\\d{1,14}$"'),
    },
    {
      name: 'CG121 example misses a required property',
      spec: integration((s) => delete s.secretSchema.example.authToken),
      finding: error('CG121', ['secretSchema', 'example', 'authToken'], 'is required'),
    },
    {
      name: 'CG121 example has a property the schema forbids',
      spec: integration((s) => {
        s.configSchema.schema.additionalProperties = false;
        s.configSchema.example.region = 'us1';
      }),
      finding: error('CG121', ['configSchema', 'example', 'region'], 'is not allowed here'),
    },
    {
      name: 'CG121 anyOf: one finding naming the alternatives',
      spec: integration((s) => {
        s.configSchema.schema.properties.fromNumber = { anyOf: [{ type: 'string', pattern: '^\\+' }, { type: 'integer' }] };
        s.configSchema.example.fromNumber = '555';
      }),
      finding: error('CG121', ['configSchema', 'example', 'fromNumber'], 'must match pattern "^\\+" or be an integer'),
    },
    {
      name: 'CG122 secret not a string',
      spec: integration((s) => {
        s.secretSchema.schema.properties.authToken.type = 'number';
        s.secretSchema.example.authToken = 1;
      }),
      finding: {
        ...error('CG122', ['secretSchema', 'schema', 'properties', 'authToken', 'type'], 'must be "string": every secret value is a string'),
        hint: 'secrets are read from environment variables and secret stores, which hold strings',
      },
    },
    {
      name: 'CG123 (warning) secret example looks like a credential',
      spec: integration((s) => (s.secretSchema.example.accountSid = `AC${'0123456789abcdef'.repeat(2)}`)),
      finding: {
        code: 'CG123',
        severity: 'warning',
        path: ['secretSchema', 'example', 'accountSid'],
        message: 'looks like a Twilio Account SID; examples end up in docs, so use a placeholder',
        hint: 'for example "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" or "***"',
      },
    },
    {
      name: 'CG124 external $ref',
      spec: integration((s) => (s.configSchema.schema.properties.fromNumber = { $ref: 'https://example.com/phone.json' })),
      finding: error(
        'CG124',
        ['configSchema', 'schema', 'properties', 'fromNumber', '$ref'],
        'must be a local reference such as "#/definitions/phone"',
        'the generator never reads other files or URLs a schema points at; copy the definition into this schema',
      ),
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { spec, finding }) => {
    expect(integrationFindings(spec)).toEqual([finding]);
  });

  it('reads as "<path> <message>" where the generator prints it', () => {
    const reported = (change: (s: Editable) => void) => integrationFindings(integration(change)).map(asReported);
    expect(reported((s) => (s.healthCheck.timeoutMs = 0))).toEqual(['healthCheck.timeoutMs must be a positive number']);
    expect(reported((s) => delete s.byokSetup)).toEqual(['supportedModes[1] is "byok", which needs a byokSetup block telling users how to bring their own key']);
    expect(reported((s) => (s.secretSchema.example.authToken = 'q7Rk2VbX9mPz4LwT8nYc3HdJ6fGs1aQe'))).toEqual([
      'secretSchema.example.authToken looks like a random token; examples end up in docs, so use a placeholder',
    ]);
  });

  it('reports several independent problems, each once', () => {
    const spec = integration((s) => {
      s.healthCheck.timeoutMs = -1;
      s.docsUrl = 'http://x';
      s.supportedModes = ['byok', 'byok'];
      delete s.byokSetup;
    });
    expect(integrationFindings(spec).map((f) => [f.code, formatPath(f.path)])).toEqual([
      ['CG116', 'healthCheck.timeoutMs'],
      ['CG117', 'docsUrl'],
      ['CG118', 'supportedModes[1]'],
      ['CG118', 'supportedModes[0]'],
    ]);
  });

  it('does not run the schema rules on a block of the wrong type (the structural finding says it)', () => {
    expect(integrationFindings(integration((s) => (s.configSchema.schema = null)))).toEqual([
      error('CG111', ['configSchema', 'schema'], 'must be an object'),
    ]);
  });

  it('never quotes a secret example value in a message', () => {
    const secret = 'q7Rk2VbX9mPz4LwT8nYc3HdJ6fGs1aQe';
    const spec = integration((s) => {
      s.secretSchema.schema.properties.authToken.pattern = '^[a-z-]+$';
      s.secretSchema.schema.properties.authToken.maxLength = 10;
      s.secretSchema.example.authToken = secret;
    });
    const findings = integrationFindings(spec);
    expect(findings.map((f) => [f.code, formatPath(f.path)])).toEqual([
      ['CG121', 'secretSchema.example.authToken'],
      ['CG123', 'secretSchema.example.authToken'],
    ]);
    expect(findings[0]!.message).toBe('must have at most 10 characters and match pattern "^[a-z-]+$"');
    expect(JSON.stringify(findings)).not.toContain(secret.slice(4, 20));
  });
});

describe('capabilityFindings', () => {
  const hint = 'add operations: { name: { description, input, output, idempotent } } or events: { name: { description, payload } }';

  it('CG119 no operation or event: at the empty operations object', () => {
    expect(capabilityFindings(capability((s) => (s.operations = {})))).toEqual([
      { code: 'CG119', severity: 'error', path: ['operations'], message: 'is empty; a capability must declare at least one operation or event', hint },
    ]);
  });

  it('CG119: at the empty events object when there is no operations object', () => {
    expect(
      capabilityFindings(
        capability((s) => {
          delete s.operations;
          s.events = {};
        }),
      ),
    ).toEqual([{ code: 'CG119', severity: 'error', path: ['events'], message: 'is empty; a capability must declare at least one operation or event', hint }]);
  });

  it('CG119: both empty', () => {
    expect(
      capabilityFindings(
        capability((s) => {
          s.operations = {};
          s.events = {};
        }),
      ),
    ).toEqual([
      { code: 'CG119', severity: 'error', path: ['operations'], message: 'is empty, and so is events; a capability must declare at least one operation or event', hint },
    ]);
  });

  it('CG119: at the spec when it has neither block', () => {
    expect(capabilityFindings(capability((s) => delete s.operations))).toEqual([
      { code: 'CG119', severity: 'error', path: [], message: 'a capability must declare at least one operation or event; this one has neither operations nor events', hint },
    ]);
  });

  it('CG119 is not added when operations has the wrong type (CG111 says so)', () => {
    expect(capabilityFindings(capability((s) => (s.operations = [])))).toEqual([
      { code: 'CG111', severity: 'error', path: ['operations'], message: 'must be an object' },
    ]);
  });

  it('CG114 a member name that is not camelCase', () => {
    const spec = capability((s) => {
      s.operations.Send_sms = s.operations.sendSms;
      delete s.operations.sendSms;
    });
    expect(capabilityFindings(spec)).toEqual([
      {
        code: 'CG114',
        severity: 'error',
        path: ['operations', 'Send_sms'],
        message: 'must be a camelCase name such as "sendSms"',
        hint: 'operation names become identifiers in the generated client',
      },
    ]);
  });

  it('CG110 a required member field, CG112 an unknown one', () => {
    const spec = capability((s) => {
      delete s.operations.sendSms.idempotent;
      s.operations.sendSms.descripton = 'x';
    });
    expect(capabilityFindings(spec)).toEqual([
      { code: 'CG110', severity: 'error', path: ['operations', 'sendSms', 'idempotent'], message: 'is required' },
      { code: 'CG112', severity: 'error', path: ['operations', 'sendSms', 'descripton'], message: 'is not a known field', hint: 'did you mean "description"?' },
    ]);
  });

  it('CG113 an unknown stability', () => {
    expect(capabilityFindings(capability((s) => (s.meta.stability = 'stabel')))).toEqual([
      {
        code: 'CG113',
        severity: 'error',
        path: ['meta', 'stability'],
        message: `must be one of ${STABILITIES.map((v) => JSON.stringify(v)).join(', ')}`,
        hint: 'did you mean "stable"?',
      },
    ]);
  });

  it('CG120 invalid JSON Schema in an operation input: one finding at the keyword', () => {
    expect(capabilityFindings(capability((s) => (s.operations.sendSms.input.properties.body.minLength = -1)))).toEqual([
      { code: 'CG120', severity: 'error', path: ['operations', 'sendSms', 'input', 'properties', 'body', 'minLength'], message: 'is not valid JSON Schema: must be >= 0' },
    ]);
  });

  it('CG120 a misspelt type in an event payload', () => {
    const spec = capability((s) => {
      s.events = { messageReceived: { description: 'An inbound message.', payload: { type: 'objct' } } };
    });
    expect(capabilityFindings(spec)).toEqual([
      {
        code: 'CG120',
        severity: 'error',
        path: ['events', 'messageReceived', 'payload', 'type'],
        message: 'is not a JSON Schema type; use one of "array", "boolean", "integer", "null", "number", "object", "string" (or a list of them)',
        hint: 'did you mean "object"?',
      },
    ]);
  });

  it('CG124 an external $ref in an operation output', () => {
    expect(capabilityFindings(capability((s) => (s.operations.sendSms.output = { $ref: './message.json' })))).toEqual([
      expect.objectContaining({ code: 'CG124', path: ['operations', 'sendSms', 'output', '$ref'], message: 'must be a local reference such as "#/definitions/phone"' }),
    ]);
  });
});

describe('defineIntegration / defineCapability at runtime', () => {
  it('returns a valid spec unchanged', () => {
    const spec = integration(() => {});
    expect(defineIntegration(spec as typeof twilioSmsIntegrationSpec)).toBe(spec);
  });

  it('throws SpecValidationError listing every error as "path: message (code) - hint"', () => {
    const spec = integration((s) => {
      s.healthCheck.timeoutMs = 0;
      delete s.byokSetup;
    });
    let thrown: unknown;
    try {
      defineIntegration(spec as typeof twilioSmsIntegrationSpec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecValidationError);
    const error = thrown as SpecValidationError;
    expect(error.name).toBe('SpecValidationError');
    expect(error.specKey).toBe('sms.twilio');
    expect(error.findings.map((f) => f.code)).toEqual(['CG116', 'CG118']);
    expect(error.message).toBe(
      'invalid spec sms.twilio:\n' +
        '  healthCheck.timeoutMs: must be a positive number (CG116)\n' +
        '  supportedModes[1]: is "byok", which needs a byokSetup block telling users how to bring their own key (CG118)' +
        ' - add byokSetup: { setupInstructions: \'...\' }, or drop "byok" from supportedModes',
    );
  });

  it('does not throw for warnings only', () => {
    const spec = integration((s) => (s.secretSchema.example.authToken = 'q7Rk2VbX9mPz4LwT8nYc3HdJ6fGs1aQe'));
    expect(integrationFindings(spec).map((f) => f.severity)).toEqual(['warning']);
    expect(defineIntegration(spec as typeof twilioSmsIntegrationSpec)).toBe(spec);
  });

  it('names a spec without a usable key "(unnamed spec)"', () => {
    const spec = capability((s) => {
      delete s.meta.key;
      s.operations = {};
    });
    expect(() => defineCapability(spec as typeof smsOutboundCapability)).toThrowError(
      expect.objectContaining({ name: 'SpecValidationError', specKey: '(unnamed spec)' }),
    );
  });

  it('defineCapability throws for a capability with no operation or event', () => {
    expect(() => defineCapability(capability((s) => (s.operations = {})) as typeof smsOutboundCapability)).toThrowError(
      'invalid spec sms.outbound:\n  operations: is empty; a capability must declare at least one operation or event (CG119)',
    );
  });
});

describe('importing a broken spec module directly throws SpecValidationError', () => {
  // The broken-spec corpus: spec files that import `contractgen/spec` like any user's spec.
  const modules: Record<string, () => Promise<Record<string, unknown>>> = {
    'non-positive-timeout': () => import('../fixtures/broken/non-positive-timeout/integration.js'),
    'byok-without-setup': () => import('../fixtures/broken/byok-without-setup/integration.js'),
    'invalid-json-schema': () => import('../fixtures/broken/invalid-json-schema/integration.js'),
    'capability-without-operations': () => import('../fixtures/broken/capability-without-operations/capability.js'),
    'imported-value-breaks-rule': () => import('../fixtures/broken/imported-value-breaks-rule/integration.js'),
    'credential-example-warning': () => import('../fixtures/broken/credential-example-warning/integration.js'),
  };

  it.each([
    ['non-positive-timeout', 'sms.twilio', 'healthCheck.timeoutMs: must be a positive number (CG116)'],
    ['byok-without-setup', 'sms.twilio', 'supportedModes[1]: is "byok", which needs a byokSetup block'],
    ['invalid-json-schema', 'sms.twilio', 'configSchema.schema.properties.fromNumber.type: is not a JSON Schema type; use one of "array"'],
    ['capability-without-operations', 'sms.outbound', 'operations: is empty; a capability must declare at least one operation or event (CG119)'],
    ['imported-value-breaks-rule', 'sms.twilio', 'healthCheck.timeoutMs: must be a positive number (CG116)'],
  ])('%s', async (name, key, line) => {
    const error: unknown = await modules[name]!().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).specKey).toBe(key);
    expect((error as SpecValidationError).findings).toHaveLength(1);
    expect((error as SpecValidationError).message).toContain(`\n  ${line}`);
  });

  it('a module whose spec has warnings only imports fine', async () => {
    const module = await modules['credential-example-warning']!();
    expect(Object.values(module).map((spec) => (spec as { meta: { key: string } }).meta.key)).toEqual(['sms.twilio']);
  });
});
