/**
 * Clients of the HTTP-bound repo specs (specs/integrations/sms-vonage.ts, sms-plivo.ts) as a user
 * gets them: the generated `create<Name>Client` of generated/integrations/<key>/client.ts, which
 * runs the generated binding (http.ts) on the runtime's generic HTTP adapter. Requests reach the
 * local stand-ins through the client's `http.fetch` option, the one transport option.
 *
 * `smsDefinition` builds the same client by hand from the generated spec, binding and validators,
 * for the few tests that need a spec the repository does not have (a lower rate limit, a binding
 * without health).
 */
import { Ajv } from 'ajv';
import {
  createValidator,
  type ClientBase,
  type ClientDefinition,
  type ClientOptions,
  type ClientSpec,
  type CallOptions,
  type HttpBinding,
  type IntegrationSpec,
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
import { createSmsPlivoClient, type SmsPlivoAdapter } from '../../generated/integrations/sms.plivo/client.js';
import { smsPlivoHttpBinding } from '../../generated/integrations/sms.plivo/http.js';
import { smsPlivoSpec } from '../../generated/integrations/sms.plivo/spec.js';
import { createSmsVonageClient, type SmsVonageAdapter } from '../../generated/integrations/sms.vonage/client.js';
import { smsVonageHttpBinding } from '../../generated/integrations/sms.vonage/http.js';
import { smsVonageSpec } from '../../generated/integrations/sms.vonage/spec.js';

export interface SmsClient extends ClientBase {
  sendSms(input: SmsOutboundSendSmsInput, options?: CallOptions): Promise<SmsOutboundSendSmsOutput>;
  getDeliveryStatus(input: SmsOutboundGetDeliveryStatusInput, options?: CallOptions): Promise<SmsOutboundGetDeliveryStatusOutput>;
}

/** What the tests change of a generated client's options: config and secrets of any shape (validation is under test), and the kernel's knobs. */
export type SmsClientOptions = Omit<ClientOptions<Record<string, unknown>, Record<string, string>>, 'http'> & {
  readonly adapter?: SmsVonageAdapter | SmsPlivoAdapter;
};

/** The generated pieces of each HTTP-bound repo spec. */
export const GENERATED = {
  'sms.vonage': { create: createSmsVonageClient, binding: smsVonageHttpBinding, spec: smsVonageSpec },
  'sms.plivo': { create: createSmsPlivoClient, binding: smsPlivoHttpBinding, spec: smsPlivoSpec },
} as const;
export type SmsProvider = keyof typeof GENERATED;

/** The generated client of `provider`, sending to `standInUrl` in place of every https origin its binding names. */
export function createSmsClient(provider: SmsProvider, standInUrl: string, options: SmsClientOptions): Promise<SmsClient> {
  const { create, binding } = GENERATED[provider];
  const fetch = redirectFetch(Object.fromEntries(originsOf(binding).map((origin) => [origin, standInUrl])));
  // Config and secrets of the wrong shape are what some tests send on purpose: the client validates them.
  return (create as (options: unknown) => Promise<SmsClient>)({ ...options, http: { fetch } });
}

const ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true });

/** The definition a generated client module builds (spec, config and secret validators, sms.outbound validators), from the generated spec or a variant of it. */
export function smsDefinition(spec: ClientSpec & Pick<IntegrationSpec, 'configSchema' | 'secretSchema'>): ClientDefinition {
  const name = spec.meta.key.replace(/(^|\.)(\w)/g, (_, _dot: string, c: string) => c.toUpperCase());
  return {
    spec,
    config: createValidator(`${name}Config`, ajv.compile(spec.configSchema.schema) as PrecompiledValidate),
    secrets: createValidator(`${name}Secrets`, ajv.compile(spec.secretSchema.schema) as PrecompiledValidate),
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

export function originsOf(binding: HttpBinding): string[] {
  const urls = [binding.baseUrl, ...Object.values(binding.operations).map((operation) => operation.baseUrl), binding.health?.baseUrl];
  return [...new Set(urls.filter((url): url is string => url !== undefined).map((url) => new URL(url).origin))];
}
