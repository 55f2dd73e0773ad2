/**
 * One spec's plan: the names, paths and data of its own files (types, validators, spec constant,
 * index), and the summary the project stage needs of it. Every generated name of a spec is made
 * here and nowhere else.
 */
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
import { displayPath } from '../report/format.js';
import type { LoadedSpec, ValuePath } from '../load/model.js';
import { packageLabel, type SpecPackage } from '../load/packages.js';
import { pathKey } from '../load/model.js';
import { mdCodeBlockText, mdFence } from '../emit/escape.js';
import { redactSource, redactSpec } from '../emit/redact.js';
import { schemaRows } from '../emit/schema-rows.js';
import { camelCase, pascalCase } from './identifiers.js';
import type { CapabilitySummary, IntegrationSummary, OperationPlan, ValidatorPlan } from './model.js';

/** What naming and labelling depend on besides the spec. */
export interface PlanSettings {
  /** Project root: other files are named relative to it. */
  readonly root: string;
  /** Spec packages: their files are named by package (`@contractgen/twilio/specs/x.ts`), wherever installed. */
  readonly packages: readonly Pick<SpecPackage, 'name' | 'dir'>[];
}

/** The spec's own files, ready to render (schemas included: this part stays where the spec was loaded). */
export type LocalPlan =
  | {
      readonly kind: 'integration';
      readonly summary: IntegrationSummary;
      /** What its client and docs page show besides the capabilities it provides. */
      readonly detail: IntegrationDetail;
      readonly base: FileBase;
      readonly configSchema: object;
      readonly secretSchema: object;
      readonly validators: readonly ValidatorPlan[];
      /** The spec as the spec constant shows it (credential-like secret examples masked). */
      readonly literal: IntegrationSpec;
    }
  | {
      readonly kind: 'capability';
      readonly summary: CapabilitySummary;
      readonly base: FileBase;
      readonly operations: readonly (OperationPlan & { readonly input: object; readonly output: object })[];
      readonly events: readonly { readonly name: string; readonly description: string; readonly payloadType: string; readonly payload: object }[];
      readonly validators: readonly ValidatorPlan[];
      readonly literal: CapabilitySpec;
    };

export interface IntegrationDetail {
  readonly configType: string;
  readonly secretsType: string;
  readonly configValidator: string;
  readonly secretsValidator: string;
  readonly healthTimeoutMs: number;
  /** Its docs page's template data, all but the capabilities it provides. */
  readonly docs: Readonly<Record<string, unknown>>;
}

/** What every file of a spec's folder shows in its header and imports from. */
export interface FileBase {
  /** The spec file as generated headers and docs name it. */
  readonly source: string;
  /** The runtime shim, from the spec's folder. */
  readonly runtime: string;
  readonly key: string;
  readonly version: string;
}

/** The generated module every other generated module imports the runtime through (it checks the runtime's version first). */
export const RUNTIME_SHIM_PATH = 'runtime.ts';

/** The specifier of the runtime shim from the generated file at `path` (output-relative, `/`-separated). */
export function runtimeShimFrom(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? './runtime.js' : `${'../'.repeat(depth)}runtime.js`;
}

/**
 * How generated headers and docs name a source file: by package for a package's file (so the
 * bytes do not depend on where the package manager put it), else relative to the project root.
 */
export function sourceLabel(settings: PlanSettings, file: string): string {
  return packageLabel(file, settings.packages) ?? displayPath(file, settings.root);
}

/** Where the key was written: the rules across specs (duplicate keys, clashing identifiers) point there. */
function positionsOf(spec: LoadedSpec): Record<string, LoadedSpec['start']> {
  const path: ValuePath = ['meta', 'key'];
  return { [pathKey(path)]: spec.positionOf(path) };
}

export function planSpec(spec: LoadedSpec, settings: PlanSettings): LocalPlan {
  return spec.kind === 'integration' ? planIntegration(spec, spec.value as IntegrationSpec, settings) : planCapability(spec, spec.value as CapabilitySpec, settings);
}

function planIntegration(loaded: LoadedSpec, spec: IntegrationSpec, settings: PlanSettings): LocalPlan {
  const { key, version } = spec.meta;
  const name = pascalCase(key);
  const camel = camelCase(key);
  const dir = `integrations/${key}`;
  const file = sourceLabel(settings, loaded.file);
  const rateLimit = spec.constraints?.rateLimit ?? {};
  const summary: IntegrationSummary = {
    kind: 'integration',
    file: loaded.file,
    key,
    version,
    name,
    dir,
    specConst: `${camel}Spec`,
    title: spec.meta.title,
    stability: spec.meta.stability,
    category: spec.meta.category,
    provides: (spec.capabilities.provides ?? []).map(({ key, version }) => ({ key, version })),
    positions: positionsOf(loaded),
  };
  const detail: IntegrationDetail = {
    configType: `${name}Config`,
    secretsType: `${name}Secrets`,
    configValidator: `${camel}ConfigValidator`,
    secretsValidator: `${camel}SecretsValidator`,
    healthTimeoutMs: spec.healthCheck.timeoutMs,
    docs: {
      key,
      title: spec.meta.title,
      description: spec.meta.description,
      version,
      owners: spec.meta.owners,
      tags: spec.meta.tags,
      category: spec.meta.category,
      stability: spec.meta.stability,
      domain: spec.meta.domain,
      modes: spec.supportedModes,
      docsUrl: spec.docsUrl,
      file,
      source: mdCodeBlockText(redactSource(loaded.source, spec, loaded.secretSpellings)),
      fence: mdFence(loaded.source),
      requires: spec.capabilities.requires ?? [],
      configType: `${name}Config`,
      secretsType: `${name}Secrets`,
      configRows: schemaRows(spec.configSchema.schema, spec.configSchema.example),
      secretRows: schemaRows(spec.secretSchema.schema, spec.secretSchema.example, { redact: true }),
      healthMethod: spec.healthCheck.method,
      healthTimeoutMs: spec.healthCheck.timeoutMs,
      limits: [
        ...(rateLimit.rpm !== undefined ? [{ name: 'Requests per minute', value: String(rateLimit.rpm) }] : []),
        ...(rateLimit.rph !== undefined ? [{ name: 'Requests per hour', value: String(rateLimit.rph) }] : []),
        ...Object.entries(spec.constraints?.quotas ?? {}).map(([quota, value]) => ({ name: `Quota: ${quota}`, value: String(value) })),
      ],
      byok:
        spec.supportedModes.includes('byok') && spec.byokSetup
          ? { setupInstructions: spec.byokSetup.setupInstructions, requiredScopes: spec.byokSetup.requiredScopes ?? [], docsUrl: spec.byokSetup.docsUrl }
          : undefined,
    },
  };
  const withDescription = (schema: object, fallback: string) => ({ description: fallback, ...schema });
  return {
    kind: 'integration',
    summary,
    detail,
    base: { source: file, runtime: runtimeShimFrom(`${dir}/index.ts`), key, version },
    configSchema: withDescription(spec.configSchema.schema, `Configuration of ${key} (configSchema).`),
    secretSchema: withDescription(spec.secretSchema.schema, `Secrets of ${key} (secretSchema).`),
    validators: [
      { name: detail.configValidator, type: detail.configType, fn: 'validateConfig', schema: spec.configSchema.schema },
      { name: detail.secretsValidator, type: detail.secretsType, fn: 'validateSecrets', schema: spec.secretSchema.schema, secret: true },
    ],
    literal: redactSpec(spec),
  };
}

function planCapability(loaded: LoadedSpec, spec: CapabilitySpec, settings: PlanSettings): LocalPlan {
  const { key, version } = spec.meta;
  const name = pascalCase(key);
  const dir = `capabilities/${key}`;
  const file = sourceLabel(settings, loaded.file);
  const operations = Object.entries(spec.operations ?? {}).map(([op, operation]) => ({
    name: op,
    description: operation.description,
    idempotent: operation.idempotent,
    inputType: `${name}${pascalCase(op)}Input`,
    outputType: `${name}${pascalCase(op)}Output`,
    validator: `${camelCase(`${name}${pascalCase(op)}Input`)}Validator`,
    input: operation.input,
    output: operation.output,
  }));
  const events = Object.entries(spec.events ?? {}).map(([event, definition]) => ({
    name: event,
    description: definition.description,
    payloadType: `${name}${pascalCase(event)}Event`,
    payload: definition.payload,
  }));
  const summary: CapabilitySummary = {
    kind: 'capability',
    file: loaded.file,
    key,
    version,
    name,
    dir,
    specConst: `${camelCase(key)}Capability`,
    title: spec.meta.title,
    stability: spec.meta.stability,
    interfaceName: `${name}Operations`,
    eventUnionName: `${name}Event`,
    operations: operations.map(({ input: _input, output: _output, ...op }) => op),
    events: events.map(({ payload: _payload, ...event }) => event),
    positions: positionsOf(loaded),
    docs: {
      key,
      description: spec.meta.description,
      version,
      stability: spec.meta.stability,
      owners: spec.meta.owners,
      tags: spec.meta.tags,
      file,
      operations: operations.map(({ input, output, ...op }) => ({ ...op, inputRows: schemaRows(input, undefined), outputRows: schemaRows(output, undefined) })),
      events: events.map((ev) => ({ name: ev.name, description: ev.description, payloadType: ev.payloadType, payloadRows: schemaRows(ev.payload, undefined) })),
    },
  };
  return {
    kind: 'capability',
    summary,
    base: { source: file, runtime: runtimeShimFrom(`${dir}/index.ts`), key, version },
    operations,
    events,
    validators: [
      ...operations.flatMap((op) => [
        { name: op.validator, type: op.inputType, fn: `validate${pascalCase(op.name)}Input`, schema: op.input },
        { name: `${camelCase(op.outputType)}Validator`, type: op.outputType, fn: `validate${pascalCase(op.name)}Output`, schema: op.output },
      ]),
      ...events.map((ev) => ({ name: `${camelCase(ev.payloadType)}Validator`, type: ev.payloadType, fn: `validate${pascalCase(ev.name)}Event`, schema: ev.payload })),
    ],
    literal: spec,
  };
}

