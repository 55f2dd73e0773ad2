/**
 * One rule for what a rate limit may be: the spec rules (CG116) accept exactly the limits the
 * client accepts, and a client refuses the others with a ConfigurationError at creation (never a
 * RangeError from deep inside the limiter).
 */
import { describe, expect, it } from 'vitest';
import { smsOutboundSendSmsInputValidator } from '../../generated/capabilities/sms.outbound/validators.js';
import { smsTwilioSpec } from '../../generated/integrations/sms.twilio/spec.js';
import { smsTwilioConfigValidator, smsTwilioSecretsValidator } from '../../generated/integrations/sms.twilio/validators.js';
import { twilioSmsAdapter } from '@contractgen/twilio/sms';
import { ConfigurationError, createIntegrationClient, MemoryRateLimitStore, type ClientDefinition } from '@contractgen/runtime';
import { integrationFindings } from '../../generator/spec-rules/rules.js';
import { twilioSmsIntegrationSpec } from '../../adapters/twilio/specs/integrations/twilio-sms.js';

type Limits = { rpm?: number; rph?: number };

function definition(rateLimit: Limits): ClientDefinition {
  return {
    spec: { ...smsTwilioSpec, constraints: { rateLimit } },
    config: smsTwilioConfigValidator,
    secrets: smsTwilioSecretsValidator,
    operations: { sendSms: { input: smsOutboundSendSmsInputValidator, idempotent: false } },
    webhooks: false,
  };
}

async function clientError(rateLimit: Limits): Promise<unknown> {
  return createIntegrationClient(definition(rateLimit), twilioSmsAdapter, {
    config: {},
    secrets: { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'f00dfeedf00dfeedf00dfeedf00dfeed' },
    rateLimitStore: new MemoryRateLimitStore(),
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function ruleFindings(rateLimit: Limits) {
  const spec = { ...structuredClone(twilioSmsIntegrationSpec), constraints: { rateLimit } };
  return integrationFindings(spec).filter((f) => f.code === 'CG116');
}

describe('valid rate limits: one rule for the spec rules and the client', () => {
  it('refuses rpm 0.5 at client creation with a ConfigurationError naming the field', async () => {
    const error = await clientError({ rpm: 0.5 });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).issues).toEqual([{ path: 'constraints.rateLimit.rpm', message: 'must be a whole number of requests, at least 1' }]);
    expect((error as ConfigurationError).integration).toBe('sms.twilio');
  });

  it.each<Limits>([{ rpm: 1 }, { rpm: 200 }, { rph: 30 }, { rpm: 10, rph: 25 }, { rpm: 0.5 }, { rph: 1.5 }, { rpm: 0 }, { rpm: -5 }, { rph: 1e300 }, { rpm: Number.NaN }])(
    'the rules flag %o exactly when the client refuses it',
    async (limits) => {
      const error = await clientError(limits);
      const findings = ruleFindings(limits);
      if (error === undefined) {
        expect(findings).toEqual([]);
      } else {
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(findings.map((f) => `constraints.rateLimit.${f.path.at(-1)}: ${f.message}`)).toEqual(
          (error as ConfigurationError).issues.map((i) => `${i.path}: ${i.message}`),
        );
        expect(findings.length).toBeGreaterThan(0);
      }
    },
  );
});
