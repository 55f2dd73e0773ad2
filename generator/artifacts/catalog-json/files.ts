/**
 * `docs/catalog.json`: what catalog.md shows, and what a docs site or a service catalog needs
 * besides (modes, limits, links, how each integration is bound), as data. Its shape is
 * catalog.schema.json beside this file (shipped as `contractgen/catalog.schema.json`; a test
 * validates the generated catalog against it). Deterministic: integrations and capabilities by key,
 * the sets in them (capability references, providers, modes, quotas) sorted; the lists a spec
 * orders (owners, whose first is the owner; tags; operations) as the spec writes them.
 */
import type { IntegrationSpec } from '@contractgen/runtime/spec';
import type { CapabilitySummary, IntegrationSummary, RenderJob } from '../../plan/model.js';
import type { CheckedProject, ProjectSettings } from '../../plan/project.js';
import type { SpecPlan } from '../../plan/spec.js';
import { compareStrings } from '../../values.js';

/** How an integration's operations reach its provider. */
export type CatalogBinding = 'http' | 'adapter' | 'none';

export interface CatalogRef {
  readonly key: string;
  readonly version: string;
}

export interface CatalogIntegration {
  readonly key: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly stability: string;
  readonly domain: string;
  readonly owners: readonly string[];
  readonly tags: readonly string[];
  readonly modes: readonly string[];
  /** The capabilities it provides, at the version this project has. */
  readonly capabilities: readonly CatalogRef[];
  readonly requires: readonly CatalogRef[];
  /** `http`: the spec's `http` section binds it (a hand-written adapter, if any, wins operation by operation); `adapter`: a hand-written adapter only; `none`: the client needs an adapter argument. */
  readonly binding: CatalogBinding;
  /** Whether a hand-written adapter is bound to it. */
  readonly adapter: boolean;
  readonly health: { readonly method: string; readonly timeoutMs: number };
  readonly limits: { readonly rateLimit?: { readonly rpm?: number; readonly rph?: number }; readonly quotas?: Readonly<Record<string, number>> };
  readonly docs: CatalogDocs;
}

export interface CatalogCapability {
  readonly key: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly stability: string;
  readonly owners: readonly string[];
  readonly tags: readonly string[];
  readonly operations: readonly { readonly name: string; readonly description: string; readonly idempotent: boolean }[];
  readonly events: readonly { readonly name: string; readonly description: string }[];
  /** The integrations that provide it, by key. */
  readonly providers: readonly string[];
  readonly docs: Pick<CatalogDocs, 'page'>;
}

/** Links: the provider's documentation and setup guide (from the spec), and the generated page (relative to the catalog, when docs are generated). */
export interface CatalogDocs {
  readonly provider?: string;
  readonly setup?: string;
  readonly page?: string;
}

export interface Catalog {
  /** The version of this format (catalog.schema.json): a change that breaks a reader bumps it. */
  readonly catalogFormat: 1;
  readonly integrations: readonly CatalogIntegration[];
  readonly capabilities: readonly CatalogCapability[];
}

/** Where the catalog goes: beside catalog.md. */
export const CATALOG_PATH = 'docs/catalog.json';

/** What the catalog keeps of an integration spec beyond its summary. */
type IntegrationPart = Pick<CatalogIntegration, 'description' | 'domain' | 'owners' | 'tags' | 'modes' | 'requires' | 'health' | 'limits'> & {
  readonly docs: Omit<CatalogDocs, 'page'>;
  readonly http: boolean;
};
type CapabilityPart = Pick<CatalogCapability, 'description' | 'owners' | 'tags'>;

export function summarize(plan: SpecPlan): IntegrationPart | CapabilityPart {
  const { meta } = plan.spec;
  if (plan.kind === 'capability') return { description: meta.description, owners: meta.owners, tags: meta.tags };
  const { spec } = plan;
  return {
    description: meta.description,
    domain: meta.domain,
    owners: meta.owners,
    tags: meta.tags,
    modes: [...new Set(spec.supportedModes)].sort(),
    requires: byKey(spec.capabilities.requires ?? []).map(({ key, version }) => ({ key, version })),
    health: { method: spec.healthCheck.method, timeoutMs: spec.healthCheck.timeoutMs },
    limits: limitsOf(spec),
    docs: { ...(spec.docsUrl !== undefined && { provider: spec.docsUrl }), ...(spec.byokSetup?.docsUrl !== undefined && { setup: spec.byokSetup.docsUrl }) },
    http: spec.http !== undefined,
  };
}

function limitsOf(spec: IntegrationSpec): IntegrationPart['limits'] {
  const { rateLimit, quotas } = spec.constraints ?? {};
  const rate = rateLimit && { ...(rateLimit.rpm !== undefined && { rpm: rateLimit.rpm }), ...(rateLimit.rph !== undefined && { rph: rateLimit.rph }) };
  return {
    ...(rate && Object.keys(rate).length > 0 && { rateLimit: rate }),
    ...(quotas && Object.keys(quotas).length > 0 && { quotas: Object.fromEntries(Object.entries(quotas).sort(([a], [b]) => compareStrings(a, b))) }),
  };
}

export function projectJobs(project: CheckedProject, settings: ProjectSettings): RenderJob[] {
  return [{ path: CATALOG_PATH, template: 'docs/catalog.json', data: { catalog: catalogOf(project, settings) } }];
}

/** The catalog of a project's checked specs (the Backstage entities are made from it too). */
export function catalogOf(project: CheckedProject, settings: ProjectSettings): Catalog {
  const capabilityVersion = new Map(project.capabilities.map((c) => [c.key, c.version]));
  const page = (path: string) => (settings.artifacts.docs ? { page: path } : {});
  const integrations = project.integrations.map((summary): CatalogIntegration => {
    const { docs, http, ...part } = partOf<IntegrationPart>(summary);
    const adapter = project.adapters.includes(summary.key);
    return {
      key: summary.key,
      version: summary.version,
      title: summary.title,
      description: part.description,
      category: summary.category,
      stability: summary.stability,
      domain: part.domain,
      owners: part.owners,
      tags: part.tags,
      modes: part.modes,
      capabilities: byKey(summary.provides).map((ref) => ({ key: ref.key, version: capabilityVersion.get(ref.key) ?? ref.version })),
      requires: part.requires,
      binding: http ? 'http' : adapter ? 'adapter' : 'none',
      adapter,
      health: part.health,
      limits: part.limits,
      docs: { ...docs, ...page(`integrations/${summary.key}.md`) },
    };
  });
  const capabilities = project.capabilities.map((summary): CatalogCapability => {
    const part = partOf<CapabilityPart>(summary);
    return {
      key: summary.key,
      version: summary.version,
      title: summary.title,
      description: part.description,
      stability: summary.stability,
      owners: part.owners,
      tags: part.tags,
      operations: summary.operations.map(({ name, description, idempotent }) => ({ name, description, idempotent })),
      events: summary.events.map(({ name, description }) => ({ name, description })),
      providers: integrations.filter((i) => i.capabilities.some((ref) => ref.key === summary.key)).map((i) => i.key),
      docs: page(`capabilities/${summary.key}.md`),
    };
  });
  return { catalogFormat: 1, integrations, capabilities };
}

function partOf<T>(summary: IntegrationSummary | CapabilitySummary): T {
  return summary.parts!.catalogJson as T;
}

function byKey<T extends { readonly key: string }>(refs: readonly T[]): T[] {
  return [...refs].sort((a, b) => compareStrings(a.key, b.key));
}
