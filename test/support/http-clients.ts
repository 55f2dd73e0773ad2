/**
 * Clients of the HTTP-bound fixtures (test/fixtures/http) built the way a generated client module
 * builds them: createIntegrationClient over the spec, the config and secret validators (compiled
 * here by ajv from the same schemas the generator precompiles) and the sms.outbound validators the
 * generator made, with createHttpAdapter as the default adapter. Requests reach the local
 * stand-ins through the client's `http.fetch` option, the one transport option.
 */
import { Ajv } from 'ajv';
import {
  createHttpAdapter,
  createIntegrationClient,
  createValidator,
  type AnyAdapter,
  type ClientBase,
  type ClientDefinition,
  type ClientOptions,
  type ClientSpec,
  type CallOptions,
  type HttpBinding,
  type PrecompiledValidate,
} from '@contractgen/runtime';
import { redirectFetch } from '@contractgen/runtime/testing';
import * as smsOutbound from '../../generated/capabilities/sms.outbound/validators.js';
import type {
  SmsOutboundGetDeliveryStatusInput,
  SmsOutboundGetDeliveryStatusOutput,
  SmsOutboundSendSmsInput,
  SmsOutboundSendSmsOutput,
} from '../../generated/capabilities/sms.outbound/types.js';

export interface SmsClient extends ClientBase {
  sendSms(input: SmsOutboundSendSmsInput, options?: CallOptions): Promise<SmsOutboundSendSmsOutput>;
  getDeliveryStatus(input: SmsOutboundGetDeliveryStatusInput, options?: CallOptions): Promise<SmsOutboundGetDeliveryStatusOutput>;
}

export interface HttpFixture {
  readonly spec: ClientSpec;
  readonly binding: HttpBinding;
  readonly configSchema: object;
  readonly secretSchema: object;
}

const ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true });

export function smsDefinition(fixture: HttpFixture): ClientDefinition {
  const name = fixture.spec.meta.key.replace(/(^|\.)(\w)/g, (_, _dot: string, c: string) => c.toUpperCase());
  return {
    spec: fixture.spec,
    config: createValidator(`${name}Config`, ajv.compile(fixture.configSchema) as PrecompiledValidate),
    secrets: createValidator(`${name}Secrets`, ajv.compile(fixture.secretSchema) as PrecompiledValidate),
    operations: {
      sendSms: { input: smsOutbound.smsOutboundSendSmsInputValidator, assertOutput: smsOutbound.assertSmsOutboundSendSmsOutput, idempotent: false },
      getDeliveryStatus: {
        input: smsOutbound.smsOutboundGetDeliveryStatusInputValidator,
        assertOutput: smsOutbound.assertSmsOutboundGetDeliveryStatusOutput,
        idempotent: true,
      },
    },
    webhooks: false,
  };
}

/** A client of `fixture`, sending to `standInUrl` in place of every https origin the binding names. */
export function createSmsClient(
  fixture: HttpFixture,
  standInUrl: string,
  options: Omit<ClientOptions<unknown, unknown>, 'http'> & { readonly adapter?: AnyAdapter },
): Promise<SmsClient> {
  const { adapter, ...clientOptions } = options;
  return createIntegrationClient<SmsClient>(smsDefinition(fixture), adapter ?? createHttpAdapter(fixture.spec.meta.key, fixture.binding), {
    ...clientOptions,
    http: { fetch: redirectFetch(Object.fromEntries(originsOf(fixture.binding).map((origin) => [origin, standInUrl]))) },
  });
}

export function originsOf(binding: HttpBinding): string[] {
  const urls = [binding.baseUrl, ...Object.values(binding.operations).map((operation) => operation.baseUrl), binding.health?.baseUrl];
  return [...new Set(urls.filter((url): url is string => url !== undefined).map((url) => new URL(url).origin))];
}
