/**
 * The project's plan: the files made from every spec (each capability's docs page, which lists
 * its providers; the registry; the catalog; the runtime shim), as render jobs over summaries.
 */
import type { Artifact } from '../config/artifacts.js';
import type { CapabilitySummary, IntegrationSummary, RenderJob } from './model.js';
import { RUNTIME_SHIM_PATH, runtimeShimFrom } from './spec.js';

/** The specs that passed every rule: what the project's files are made from. */
export interface CheckedProject {
  /** Sorted by key. */
  readonly capabilities: readonly CapabilitySummary[];
  /** Sorted by key. */
  readonly integrations: readonly IntegrationSummary[];
}

export interface ProjectSettings {
  readonly artifacts: ReadonlySet<Artifact>;
  readonly runtimeImport: string;
  readonly generatorVersion: string;
}

export function planProject(project: CheckedProject, settings: ProjectSettings): RenderJob[] {
  const { artifacts } = settings;
  const jobs: RenderJob[] = [{ path: RUNTIME_SHIM_PATH, template: 'runtime.ts', data: { runtimeImport: settings.runtimeImport, generatorVersion: settings.generatorVersion } }];
  const providers = (capability: CapabilitySummary) => project.integrations.filter((i) => i.provides.some((ref) => ref.key === capability.key)).map((i) => i.key);
  if (artifacts.has('docs')) {
    for (const capability of project.capabilities) {
      jobs.push({ path: `docs/capabilities/${capability.key}.md`, template: 'docs/capability.md', data: { ...capability.docs, providers: providers(capability).map((key) => ({ key })) } });
    }
    jobs.push(catalogJob(project, providers));
  }
  if (artifacts.has('registry')) jobs.push(registryJob(project));
  return jobs;
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

function registryJob(project: CheckedProject): RenderJob {
  const entry = (summary: { key: string; version: string; specConst: string }) => ({ key: summary.key, id: `${summary.key}@${summary.version}`, constName: summary.specConst });
  return {
    path: 'index.ts',
    template: 'registry/index.ts',
    data: {
      source: 'every spec',
      runtime: runtimeShimFrom('index.ts'),
      integrations: project.integrations.map(entry),
      capabilities: project.capabilities.map(entry),
    },
  };
}
