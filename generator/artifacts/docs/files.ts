/**
 * The docs: a page per integration (made where it is loaded, once the capabilities it provides
 * are known), a page per capability (which lists its providers, so made from every spec) and the
 * catalog of them all.
 */
import type { IntegrationSpec } from '@contractgen/runtime/spec';
import { mdCodeBlockText, mdFence } from '../../emit/escape.js';
import type { CapabilitySummary, RenderJob } from '../../plan/model.js';
import type { CheckedProject } from '../../plan/project.js';
import { redactSource } from '../../plan/redact.js';
import type { CapabilityPlan, IntegrationPlan, SpecPlan } from '../../plan/spec.js';
import { planHttpBinding } from '../../plan/http-binding.js';
import type { IntegrationFilesContext } from '../artifact.js';
import { httpSection } from './http-section.js';
import { schemaRows } from './schema-rows.js';

/** A capability's page, all but its providers (known once every spec is): it travels in the capability's summary. */
export function summarize(plan: SpecPlan): unknown {
  return plan.kind === 'capability' ? capabilityPage(plan) : undefined;
}

export function integrationJobs(plan: IntegrationPlan, { provides }: IntegrationFilesContext): RenderJob[] {
  const capabilities = provides.map((c) => ({ key: c.key, version: c.version, operations: c.operations.map((op) => op.name), events: c.events.map((ev) => ev.name) }));
  const binding = planHttpBinding(plan.spec, provides);
  return [{ path: `docs/integrations/${plan.summary.key}.md`, template: 'docs/integration.md', data: { ...integrationPage(plan), capabilities, http: binding && httpSection(plan.spec, binding) } }];
}

export function projectJobs(project: CheckedProject): RenderJob[] {
  const providers = (capability: CapabilitySummary) => project.integrations.filter((i) => i.provides.some((ref) => ref.key === capability.key)).map((i) => i.key);
  return [
    ...project.capabilities.map((capability) => ({
      path: `docs/capabilities/${capability.key}.md`,
      template: 'docs/capability.md',
      data: { ...(capability.parts?.docs as object), providers: providers(capability).map((key) => ({ key })) },
    })),
    catalogJob(project, providers),
  ];
}

function integrationPage({ spec, loaded, base, names }: IntegrationPlan): Record<string, unknown> {
  const { key, version } = spec.meta;
  const rateLimit = spec.constraints?.rateLimit ?? {};
  return {
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
    file: base.source,
    source: mdCodeBlockText(redactSource(loaded.source, spec, loaded.secretSpellings)),
    fence: mdFence(loaded.source),
    requires: spec.capabilities.requires ?? [],
    configType: names.configType,
    secretsType: names.secretsType,
    configRows: schemaRows(spec.configSchema.schema, spec.configSchema.example),
    secretRows: schemaRows(spec.secretSchema.schema, spec.secretSchema.example, { redact: true }),
    healthMethod: spec.healthCheck.method,
    healthTimeoutMs: spec.healthCheck.timeoutMs,
    limits: [
      ...(rateLimit.rpm !== undefined ? [{ name: 'Requests per minute', value: String(rateLimit.rpm) }] : []),
      ...(rateLimit.rph !== undefined ? [{ name: 'Requests per hour', value: String(rateLimit.rph) }] : []),
      ...Object.entries(spec.constraints?.quotas ?? {}).map(([quota, value]) => ({ name: `Quota: ${quota}`, value: String(value) })),
    ],
    byok: byokSection(spec),
  };
}

function byokSection(spec: IntegrationSpec) {
  if (!spec.supportedModes.includes('byok') || !spec.byokSetup) return undefined;
  return { setupInstructions: spec.byokSetup.setupInstructions, requiredScopes: spec.byokSetup.requiredScopes ?? [], docsUrl: spec.byokSetup.docsUrl };
}

function capabilityPage({ spec, summary, base }: CapabilityPlan): Record<string, unknown> {
  return {
    key: summary.key,
    description: spec.meta.description,
    version: summary.version,
    stability: spec.meta.stability,
    owners: spec.meta.owners,
    tags: spec.meta.tags,
    file: base.source,
    operations: summary.operations.map((op) => {
      const { input, output } = spec.operations![op.name]!;
      return { ...op, inputRows: schemaRows(input, undefined), outputRows: schemaRows(output, undefined) };
    }),
    events: summary.events.map((ev) => ({ name: ev.name, description: ev.description, payloadType: ev.payloadType, payloadRows: schemaRows(spec.events![ev.name]!.payload, undefined) })),
  };
}

function catalogJob(project: CheckedProject, providers: (capability: CapabilitySummary) => string[]): RenderJob {
  const capabilityVersion = new Map(project.capabilities.map((c) => [c.key, c.version]));
  const categories = [...new Set(project.integrations.map((i) => i.category))].sort().map((name) => ({
    name,
    integrations: project.integrations
      .filter((i) => i.category === name)
      .map((i) => ({
        key: i.key,
        title: i.title,
        version: i.version,
        stability: i.stability,
        capabilities: i.provides.map((ref) => `${ref.key}@${capabilityVersion.get(ref.key) ?? ref.version}`),
      })),
  }));
  const capabilities = project.capabilities.map((c) => ({ key: c.key, version: c.version, stability: c.stability, providers: providers(c) }));
  return { path: 'docs/catalog.md', template: 'docs/catalog.md', data: { categories, capabilities, integrations: project.integrations.map((i) => ({ key: i.key })) } };
}
