/**
 * One spec's plan: the names and paths of its files and the summary the project stage needs of
 * it. Every generated name that more than one artifact uses is made here and nowhere else.
 */
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
import { displayPath } from '../fs/display-path.js';
import type { LoadedSpec, ValuePath } from '../load/model.js';
import { packageLabel, type SpecPackage } from '../load/packages.js';
import { pathKey } from '../load/model.js';
import { requiredFields } from '../spec-rules/schema-fields.js';
import { camelCase, pascalCase } from './identifiers.js';
import type { CapabilitySummary, EventPlan, IntegrationSummary, OperationPlan } from './model.js';

/** What naming and labelling depend on besides the spec. */
export interface PlanSettings {
  /** Project root: other files are named relative to it. */
  readonly root: string;
  /** Spec packages: their files are named by package (`@contractgen/twilio/specs/x.ts`), wherever installed. */
  readonly packages: readonly Pick<SpecPackage, 'name' | 'dir'>[];
}

/**
 * A spec's plan, where the spec was loaded: its summary (what crosses to the project stage), the
 * names its files use, and the spec itself, which each artifact (generator/artifacts/) renders its
 * files from. It stays in the thread that loaded the spec.
 */
export type SpecPlan = IntegrationPlan | CapabilityPlan;

export interface IntegrationPlan {
  readonly kind: 'integration';
  readonly summary: IntegrationSummary;
  readonly names: IntegrationNames;
  readonly base: FileBase;
  readonly spec: IntegrationSpec;
  readonly loaded: LoadedSpec;
}

export interface CapabilityPlan {
  readonly kind: 'capability';
  readonly summary: CapabilitySummary;
  readonly base: FileBase;
  readonly spec: CapabilitySpec;
  readonly loaded: LoadedSpec;
}

/** The generated names of an integration's own types and validators (the client imports them). */
export interface IntegrationNames {
  readonly configType: string;
  readonly secretsType: string;
  readonly configValidator: string;
  readonly secretsValidator: string;
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

export function planSpec(spec: LoadedSpec, settings: PlanSettings): SpecPlan {
  return spec.kind === 'integration' ? planIntegration(spec, spec.value as IntegrationSpec, settings) : planCapability(spec, spec.value as CapabilitySpec, settings);
}

function planIntegration(loaded: LoadedSpec, spec: IntegrationSpec, settings: PlanSettings): IntegrationPlan {
  const { key, version } = spec.meta;
  const name = pascalCase(key);
  const camel = camelCase(key);
  const dir = `integrations/${key}`;
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
  const names: IntegrationNames = {
    configType: `${name}Config`,
    secretsType: `${name}Secrets`,
    configValidator: `${camel}ConfigValidator`,
    secretsValidator: `${camel}SecretsValidator`,
  };
  return { kind: 'integration', summary, names, base: fileBase(settings, loaded, dir, key, version), spec, loaded };
}

function planCapability(loaded: LoadedSpec, spec: CapabilitySpec, settings: PlanSettings): CapabilityPlan {
  const { key, version } = spec.meta;
  const name = pascalCase(key);
  const dir = `capabilities/${key}`;
  const operations: OperationPlan[] = Object.entries(spec.operations ?? {}).map(([op, operation]) => ({
    name: op,
    description: operation.description,
    idempotent: operation.idempotent,
    inputType: `${name}${pascalCase(op)}Input`,
    outputType: `${name}${pascalCase(op)}Output`,
    validator: `${camelCase(`${name}${pascalCase(op)}Input`)}Validator`,
    outputRequired: requiredFields(operation.output as Readonly<Record<string, unknown>>),
    inputSchema: operation.input,
    outputSchema: operation.output,
  }));
  const events: EventPlan[] = Object.entries(spec.events ?? {}).map(([event, definition]) => ({
    name: event,
    description: definition.description,
    payloadType: `${name}${pascalCase(event)}Event`,
    payloadSchema: definition.payload,
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
    operations,
    events,
    positions: positionsOf(loaded),
  };
  return { kind: 'capability', summary, base: fileBase(settings, loaded, dir, key, version), spec, loaded };
}

function fileBase(settings: PlanSettings, loaded: LoadedSpec, dir: string, key: string, version: string): FileBase {
  return { source: sourceLabel(settings, loaded.file), runtime: runtimeShimFrom(`${dir}/index.ts`), key, version };
}
