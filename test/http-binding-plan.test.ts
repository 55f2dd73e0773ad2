/**
 * The plan's normalization of a spec's `http` section (generator/plan/http-binding.ts): the repo's
 * Vonage and Plivo specs, read statically like every spec, give exactly the bindings the runtime
 * tests prove (test/fixtures/http/*.ts); keys such as `__proto__` stay keys; what the HTTP checks
 * refuse gives no binding rather than a crash.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IntegrationSpec } from '@contractgen/runtime/spec';
import { tsLiteral } from '../generator/emit/escape.js';
import { loadSpecs } from '../generator/load/load.js';
import { planHttpBinding } from '../generator/plan/http-binding.js';
import type { CapabilitySummary } from '../generator/plan/model.js';
import { planSpec } from '../generator/plan/spec.js';
import { smsPlivoHttpBinding } from './fixtures/http/sms-plivo.js';
import { smsVonageHttpBinding } from './fixtures/http/sms-vonage.js';
import { smsPlivoHttpBinding as generatedPlivo } from '../generated/integrations/sms.plivo/http.js';
import { smsVonageHttpBinding as generatedVonage } from '../generated/integrations/sms.vonage/http.js';
import { REPO, TWILIO_SPECS } from './support/workspace.js';

const settings = { root: REPO, packages: [] };
const loaded = loadSpecs([
  join(REPO, 'specs', 'integrations', 'sms-vonage.ts'),
  join(REPO, 'specs', 'integrations', 'sms-plivo.ts'),
  join(TWILIO_SPECS, 'capabilities', 'sms-outbound.ts'),
]);
const smsOutbound = planSpec(loaded.specs.find((spec) => spec.kind === 'capability')!, settings).summary as CapabilitySummary;
const integration = (key: string) => loaded.specs.find((spec) => spec.kind === 'integration' && (spec.value as IntegrationSpec).meta.key === key)!.value as IntegrationSpec;

describe('the plan normalizes a spec http section into the runtime binding', () => {
  it('loads the repo specs without a diagnostic', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it.each([
    ['sms.vonage', smsVonageHttpBinding],
    ['sms.plivo', smsPlivoHttpBinding],
  ])('%s: deep-equals the binding the runtime tests prove', (key, fixture) => {
    expect(planHttpBinding(integration(key), [smsOutbound])).toStrictEqual(fixture);
  });

  it.each([
    ['sms.vonage', generatedVonage, smsVonageHttpBinding],
    ['sms.plivo', generatedPlivo, smsPlivoHttpBinding],
  ])('generated/integrations/%s/http.ts holds exactly that binding', (_, generated, fixture) => {
    expect(generated).toStrictEqual(fixture);
  });

  it('keeps map keys such as __proto__ as own properties, in the plan and in the emitted literal', () => {
    const spec = withHttp({
      baseUrl: 'https://api.example.com',
      operations: {
        getDeliveryStatus: {
          method: 'GET',
          path: '/m/{input.id}',
          response: { output: { status: { from: 'body.state', map: JSON.parse('{"__proto__": "sent", "constructor": "queued"}') } } },
        },
      },
    });
    const binding = planHttpBinding(spec, [smsOutbound])!;
    const status = binding.operations.getDeliveryStatus!.response.output.status as { map: Record<string, unknown> };
    expect(Object.hasOwn(status.map, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(status.map)).toBe(Object.prototype);
    expect(status.map).toStrictEqual(JSON.parse('{"__proto__": "sent", "constructor": "queued"}'));
    const emitted = new Function(`return ${tsLiteral(binding)};`)() as typeof binding;
    const emittedMap = (emitted.operations.getDeliveryStatus!.response.output.status as { map: Record<string, unknown> }).map;
    expect(Object.hasOwn(emittedMap, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(emittedMap)).toBe(Object.prototype);
  });

  it.each([
    ['an unknown root', { path: '/m/{inptu.id}' }],
    ['an unbalanced placeholder', { path: '/m/{input.id' }],
    ['a stray closing brace', { path: '/m/input.id}' }],
    ['an empty reference segment', { path: '/m/{input..id}' }],
  ])('gives no binding (and no crash) for %s, which the HTTP checks refuse', (_, override) => {
    const spec = withHttp({
      baseUrl: 'https://api.example.com',
      operations: { getDeliveryStatus: { method: 'GET', ...override, response: { output: {} } } },
    });
    expect(planHttpBinding(spec, [smsOutbound])).toBeUndefined();
  });

  it('gives no binding for an operation no provided capability has', () => {
    const spec = withHttp({ baseUrl: 'https://api.example.com', operations: { sendFax: { method: 'POST', path: '/fax', response: { output: {} } } } });
    expect(planHttpBinding(spec, [smsOutbound])).toBeUndefined();
  });

  it('gives none without an http section', () => {
    expect(planHttpBinding({ ...integration('sms.plivo'), http: undefined } as unknown as IntegrationSpec, [smsOutbound])).toBeUndefined();
  });
});

function withHttp(http: unknown): IntegrationSpec {
  return { ...integration('sms.plivo'), http } as IntegrationSpec;
}
