/**
 * The project's plan: the files made from more than one spec (each integration's client and docs
 * page, which show the capabilities it provides; each capability's docs page, which lists its
 * providers; the registry, the catalog and the runtime shim), as render jobs over spec summaries.
 */
import { dirname, relative, sep } from 'node:path';
import type { Artifact } from '../config/config.js';
import type { AdapterBinding } from '../load/adapters.js';
import { camelCase } from './identifiers.js';
import type { CapabilitySummary, IntegrationSummary, RenderJob } from './model.js';
import { RUNTIME_SHIM_PATH, runtimeShimFrom, sourceLabel, type PlanSettings } from './spec.js';

/** The specs that passed every rule, joined: what the project's files are made from. */
export interface CheckedProject {
  /** Sorted by key. */
  readonly capabilities: readonly CapabilitySummary[];
  /** Sorted by key, each with the capabilities it provides and the adapter bound to it. */
  readonly integrations: readonly BoundIntegration[];
}

export interface BoundIntegration {
  readonly summary: IntegrationSummary;
  readonly provides: readonly CapabilitySummary[];
  readonly adapter?: AdapterBinding;
}

export interface ProjectSettings extends PlanSettings {
  readonly artifacts: ReadonlySet<Artifact>;
  /** Absolute output folder: local adapters are imported by a path relative to it. */
  readonly outDir: string;
  readonly runtimeImport: string;
  readonly generatorVersion: string;
}

export function planProject(project: CheckedProject, settings: ProjectSettings): RenderJob[] {
  const { artifacts } = settings;
  const jobs: RenderJob[] = [{ path: RUNTIME_SHIM_PATH, template: 'runtime.ts', data: { runtimeImport: settings.runtimeImport, generatorVersion: settings.generatorVersion } }];
  const providers = (capability: CapabilitySummary) => project.integrations.filter((i) => i.provides.includes(capability)).map((i) => i.summary.key);
  if (artifacts.has('clients')) jobs.push(...project.integrations.map((integration) => clientJob(integration, settings)));
  if (artifacts.has('docs')) {
    for (const { summary, provides } of project.integrations) {
      const capabilities = provides.map((c) => ({ key: c.key, version: c.version, operations: c.operations.map((op) => op.name), events: c.events.map((ev) => ev.name) }));
      jobs.push({ path: `docs/integrations/${summary.key}.md`, template: 'docs/integration.md', data: { ...summary.docs, capabilities } });
    }
    for (const capability of project.capabilities) {
      jobs.push({ path: `docs/capabilities/${capability.key}.md`, template: 'docs/capability.md', data: { ...capability.docs, providers: providers(capability).map((key) => ({ key })) } });
    }
    jobs.push(catalogJob(project, providers));
  }
  if (artifacts.has('registry')) jobs.push(registryJob(project));
  return jobs;
}

function clientJob({ summary, provides, adapter }: BoundIntegration, settings: ProjectSettings): RenderJob {
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
      configValidator: summary.configValidator,
      secretsValidator: summary.secretsValidator,
      healthTimeoutMs: summary.healthTimeoutMs,
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

function catalogJob(project: CheckedProject, providers: (capability: CapabilitySummary) => string[]): RenderJob {
  const integrations = project.integrations.map(({ summary }) => summary);
  const categories = [...new Set(integrations.map((i) => i.category))].sort().map((name) => ({
    name,
    integrations: project.integrations
      .filter((i) => i.summary.category === name)
      .map(({ summary, provides }) => ({
        key: summary.key,
        title: summary.title,
        version: summary.version,
        stability: summary.stability,
        capabilities: provides.map((c) => `${c.key}@${c.version}`),
      })),
  }));
  const capabilities = project.capabilities.map((c) => ({ key: c.key, version: c.version, stability: c.stability, providers: providers(c) }));
  return { path: 'docs/catalog.md', template: 'docs/catalog.md', data: { categories, capabilities, integrations: integrations.map((i) => ({ key: i.key })) } };
}

function registryJob(project: CheckedProject): RenderJob {
  const entry = (summary: { key: string; version: string; specConst: string }) => ({ key: summary.key, id: `${summary.key}@${summary.version}`, constName: summary.specConst });
  return {
    path: 'index.ts',
    template: 'registry/index.ts',
    data: {
      source: 'every spec',
      runtime: runtimeShimFrom('index.ts'),
      integrations: project.integrations.map(({ summary }) => entry(summary)),
      capabilities: project.capabilities.map(entry),
    },
  };
}
