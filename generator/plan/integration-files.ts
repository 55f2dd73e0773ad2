/**
 * An integration's client and docs page: made where the integration is loaded, from its plan and
 * the summaries of the capabilities it provides (which every worker is given before integrations
 * are processed).
 */
import { dirname, relative, sep } from 'node:path';
import type { Artifact } from '../config/artifacts.js';
import type { AdapterBinding } from '../load/adapters.js';
import { camelCase } from './identifiers.js';
import type { CapabilitySummary, RenderJob } from './model.js';
import { runtimeShimFrom, sourceLabel, type LocalPlan, type PlanSettings } from './spec.js';

export interface FilesSettings extends PlanSettings {
  readonly artifacts: readonly Artifact[];
  /** Absolute output folder: local adapters are imported by a path relative to it. */
  readonly outDir: string;
}

type IntegrationPlan = Extract<LocalPlan, { kind: 'integration' }>;

export function planIntegrationFiles(plan: IntegrationPlan, provides: readonly CapabilitySummary[], adapter: AdapterBinding | undefined, settings: FilesSettings): RenderJob[] {
  const jobs: RenderJob[] = [];
  if (settings.artifacts.includes('clients')) jobs.push(clientJob(plan, provides, adapter, settings));
  if (settings.artifacts.includes('docs')) {
    const capabilities = provides.map((c) => ({ key: c.key, version: c.version, operations: c.operations.map((op) => op.name), events: c.events.map((ev) => ev.name) }));
    jobs.push({ path: `docs/integrations/${plan.summary.key}.md`, template: 'docs/integration.md', data: { ...plan.detail.docs, capabilities } });
  }
  return jobs;
}

function clientJob({ summary, detail }: IntegrationPlan, provides: readonly CapabilitySummary[], adapter: AdapterBinding | undefined, settings: FilesSettings): RenderJob {
  const path = `${summary.dir}/client.ts`;
  const capabilities = provides.map((capability) => {
    const operations = capability.operations;
    return {
      key: capability.key,
      /** Local name of the capability's lazily imported validators module. */
      alias: camelCase(`${capability.key}-validators`),
      interfaceName: operations.length ? capability.interfaceName : undefined,
      types: [...(operations.length ? [capability.interfaceName] : []), ...operations.flatMap((op) => [op.inputType, op.outputType]), ...(capability.events.length ? [capability.eventUnionName] : [])],
      validators: operations.map((op) => op.validator),
      operations,
      eventUnion: capability.events.length ? capability.eventUnionName : undefined,
    };
  });
  return {
    path,
    template: 'integration/client.ts',
    data: {
      source: sourceLabel(settings, summary.file),
      runtime: runtimeShimFrom(path),
      key: summary.key,
      title: summary.title,
      name: summary.name,
      specConst: summary.specConst,
      configValidator: detail.configValidator,
      secretsValidator: detail.secretsValidator,
      healthTimeoutMs: detail.healthTimeoutMs,
      capabilities,
      operations: capabilities.flatMap((c) => c.operations),
      events: capabilities.flatMap((c) => (c.eventUnion ? [c.eventUnion] : [])),
      // A package's adapter is imported by package specifier, a local one by a relative path.
      adapter: adapter && {
        exportName: adapter.exportName,
        label: adapter.specifier ?? sourceLabel(settings, adapter.file),
        importPath: adapter.specifier ?? relativeImport(settings.outDir, path, adapter.file),
      },
      adapterOperations:
        [...capabilities.flatMap((c) => (c.interfaceName ? [c.interfaceName] : [])), ...(capabilities.some((c) => c.eventUnion) ? [`WebhookReceiver<${summary.name}Event>`] : [])].join(' & ') ||
        'Record<never, never>',
    },
  };
}

/** An ESM specifier from a generated file to a source file (`.ts` imported as `.js`). */
function relativeImport(outDir: string, fromPath: string, file: string): string {
  const from = dirname(`${outDir}${sep}${fromPath.split('/').join(sep)}`);
  const path = relative(from, file).split(sep).join('/').replace(/\.(m|c)?ts$/, (ext) => ext.replace('ts', 'js'));
  return path.startsWith('.') ? path : `./${path}`;
}
