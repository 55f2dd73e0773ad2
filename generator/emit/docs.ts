/** Markdown docs: one page per integration and per capability, and the catalog. */
import type { CapabilityModel, CheckedModel, IntegrationModel } from '../check/model.js';
import { capabilityNames } from './capability.js';
import { render, sourceLabel, type EmitCapability, type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
import { mdCodeBlockText, mdFence } from './escape.js';
import { redactSource } from './redact.js';
import { schemaRows } from './schema-rows.js';

export function emitIntegrationDocs(integration: EmitIntegration, context: EmitContext): OutputFile {
  const { spec, name, loaded } = integration;
  const rateLimit = spec.constraints?.rateLimit ?? {};
  const limits = [
    ...(rateLimit.rpm !== undefined ? [{ name: 'Requests per minute', value: String(rateLimit.rpm) }] : []),
    ...(rateLimit.rph !== undefined ? [{ name: 'Requests per hour', value: String(rateLimit.rph) }] : []),
    ...Object.entries(spec.constraints?.quotas ?? {}).map(([quota, value]) => ({ name: `Quota: ${quota}`, value: String(value) })),
  ];
  const data = {
    key: spec.meta.key,
    title: spec.meta.title,
    description: spec.meta.description,
    version: spec.meta.version,
    owners: spec.meta.owners,
    tags: spec.meta.tags,
    category: spec.meta.category,
    stability: spec.meta.stability,
    domain: spec.meta.domain,
    modes: spec.supportedModes,
    docsUrl: spec.docsUrl,
    file: sourceLabel(context, loaded.file),
    source: mdCodeBlockText(redactSource(loaded.source, spec)),
    fence: mdFence(loaded.source),
    capabilities: integration.provides.map((capability) => ({
      key: capability.spec.meta.key,
      version: capability.spec.meta.version,
      operations: Object.keys(capability.spec.operations ?? {}),
      events: Object.keys(capability.spec.events ?? {}),
    })),
    requires: spec.capabilities.requires ?? [],
    configType: `${name}Config`,
    secretsType: `${name}Secrets`,
    configRows: schemaRows(spec.configSchema.schema, spec.configSchema.example),
    secretRows: schemaRows(spec.secretSchema.schema, spec.secretSchema.example, { redact: true }),
    healthMethod: spec.healthCheck.method,
    healthTimeoutMs: spec.healthCheck.timeoutMs,
    limits,
    byok: spec.supportedModes.includes('byok') && spec.byokSetup
      ? { setupInstructions: spec.byokSetup.setupInstructions, requiredScopes: spec.byokSetup.requiredScopes ?? [], docsUrl: spec.byokSetup.docsUrl }
      : undefined,
  };
  return { path: `docs/integrations/${spec.meta.key}.md`, content: render(context, 'docs/integration.md', data) };
}

/** `providers`: keys of the integrations that provide the capability. */
export function emitCapabilityDocs(capability: EmitCapability, providers: readonly string[], context: EmitContext): OutputFile {
  const { spec } = capability;
  const names = capabilityNames(capability);
  const data = {
    key: spec.meta.key,
    description: spec.meta.description,
    version: spec.meta.version,
    stability: spec.meta.stability,
    owners: spec.meta.owners,
    tags: spec.meta.tags,
    file: sourceLabel(context, capability.loaded.file),
    providers: providers.map((key) => ({ key })),
    operations: names.operations.map((op) => ({
      ...op,
      inputRows: schemaRows(op.operation.input, undefined),
      outputRows: schemaRows(op.operation.output, undefined),
    })),
    events: names.events.map((ev) => ({ name: ev.name, description: ev.event.description, payloadType: ev.payloadType, payloadRows: schemaRows(ev.event.payload, undefined) })),
  };
  return { path: `docs/capabilities/${spec.meta.key}.md`, content: render(context, 'docs/capability.md', data) };
}

export function emitCatalog(model: CheckedModel, context: EmitContext): OutputFile {
  const categories = [...new Set(model.integrations.map((i) => i.spec.meta.category))].sort().map((name) => ({
    name,
    integrations: model.integrations
      .filter((i) => i.spec.meta.category === name)
      .map((i) => ({
        key: i.spec.meta.key,
        title: i.spec.meta.title,
        version: i.spec.meta.version,
        stability: i.spec.meta.stability,
        capabilities: i.provides.map((c) => `${c.spec.meta.key}@${c.spec.meta.version}`),
      })),
  }));
  const capabilities = model.capabilities.map((c) => ({
    key: c.spec.meta.key,
    version: c.spec.meta.version,
    stability: c.spec.meta.stability,
    providers: providersOf(c, model).map((i) => i.spec.meta.key),
  }));
  return { path: 'docs/catalog.md', content: render(context, 'docs/catalog.md', { categories, capabilities, integrations: model.integrations }) };
}

export function providersOf(capability: CapabilityModel, model: CheckedModel): IntegrationModel[] {
  return model.integrations.filter((i) => i.provides.includes(capability));
}
