/**
 * Backstage catalog entities (Backstage's descriptor format, `backstage.io/v1alpha1`), one file per
 * integration, made from the catalog (catalog-json/files.ts):
 * - a Resource for the provider ("the infrastructure a system needs to operate"), spec.type
 *   `external-service`;
 * - an API per capability it provides: the integration's binding of that capability, spec.type
 *   `contractgen-capability`, its definition the capability's operations and events with their
 *   JSON Schemas, and the binding and limits (JSON text).
 * Owner: the spec's first owner when it is an entity reference, else `unknown` (README); every
 * owner is kept in the `contractgen/owners` annotation. An API's lifecycle, in Backstage's
 * well-known values: `deprecated` when the integration or the capability is, `production` only when
 * both are stable, `experimental` otherwise (idea, in_creation, experimental and beta promise no
 * production use). Names follow Backstage's rule (at most 63 characters, runs of [a-zA-Z0-9]
 * joined by one of `-_.`): the integration's key for the Resource, `<integration>_<capability>` for
 * an API (keys never hold `_`, so the parts stay apart); a longer name is cut and ends with a hash of
 * the whole. Tags: the spec's tags that are Backstage tags (the catalog keeps them all).
 */
import type { CapabilitySummary, RenderJob } from '../../plan/model.js';
import type { CheckedProject, ProjectSettings } from '../../plan/project.js';
import { sha1 } from '../../values.js';
import { catalogOf, type CatalogCapability, type CatalogIntegration } from '../catalog-json/files.js';

/** The owner of an entity whose spec names none that Backstage can refer to. */
export const DEFAULT_OWNER = 'unknown';
const MAX_NAME = 63;
const ENTITY_REF = /^(?:[a-zA-Z][a-zA-Z0-9]*:)?(?:[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*\/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
const TAG = /^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/;

interface Entity {
  readonly kind: 'Resource' | 'API';
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly annotations: readonly { readonly name: string; readonly value: string }[];
  readonly links: readonly { readonly url: string; readonly title: string }[];
  readonly type: string;
  readonly lifecycle: string | null;
  readonly owner: string;
  readonly definition: string | null;
}

export function projectJobs(project: CheckedProject, settings: ProjectSettings): RenderJob[] {
  const catalog = catalogOf(project, settings);
  const capabilities = new Map(catalog.capabilities.map((c) => [c.key, c]));
  const schemas = new Map(project.capabilities.map((c: CapabilitySummary) => [c.key, c]));
  return catalog.integrations.map((integration) => ({
    path: `backstage/${integration.key}.yaml`,
    template: 'backstage/entities.yaml',
    data: {
      key: integration.key,
      entities: [resource(integration), ...integration.capabilities.map((ref) => api(integration, capabilities.get(ref.key)!, schemas.get(ref.key)!))],
    },
  }));
}

function resource(integration: CatalogIntegration): Entity {
  return {
    ...common(integration),
    kind: 'Resource',
    name: entityName(integration.key),
    title: integration.title,
    description: integration.description,
    annotations: [...annotations(integration), { name: 'contractgen/stability', value: integration.stability }],
    type: 'external-service',
    lifecycle: null,
    definition: null,
  };
}

/** An API's definition shows the capability's schemas too, from its summary. */
function api(integration: CatalogIntegration, capability: CatalogCapability, summary: CapabilitySummary): Entity {
  const operation = (name: string) => summary.operations.find((op) => op.name === name)!;
  const definition = {
    integration: `${integration.key}@${integration.version}`,
    capability: `${capability.key}@${capability.version}`,
    binding: integration.binding,
    limits: integration.limits,
    operations: Object.fromEntries(capability.operations.map((op) => [op.name, { description: op.description, idempotent: op.idempotent, input: operation(op.name).inputSchema, output: operation(op.name).outputSchema }])),
    events: Object.fromEntries(capability.events.map((ev) => [ev.name, { description: ev.description, payload: summary.events.find((event) => event.name === ev.name)!.payloadSchema }])),
  };
  return {
    ...common(integration),
    kind: 'API',
    name: entityName(`${integration.key}_${capability.key}`),
    title: `${integration.title}: ${capability.title}`,
    description: capability.description,
    annotations: [...annotations(integration), { name: 'contractgen/capability', value: definition.capability }],
    type: 'contractgen-capability',
    lifecycle: lifecycle(integration.stability, capability.stability),
    definition: JSON.stringify(definition, null, 2),
  };
}

function common(integration: CatalogIntegration): Pick<Entity, 'tags' | 'links' | 'owner'> {
  const [first] = integration.owners;
  return {
    tags: integration.tags.filter((tag) => tag.length <= MAX_NAME && TAG.test(tag)),
    links: [
      ...(integration.docs.provider !== undefined ? [{ url: integration.docs.provider, title: 'Provider documentation' }] : []),
      ...(integration.docs.setup !== undefined ? [{ url: integration.docs.setup, title: 'Setup guide' }] : []),
    ],
    owner: first !== undefined && ENTITY_REF.test(first) ? first : DEFAULT_OWNER,
  };
}

function annotations(integration: CatalogIntegration): { name: string; value: string }[] {
  return [
    { name: 'contractgen/integration', value: `${integration.key}@${integration.version}` },
    { name: 'contractgen/binding', value: integration.binding },
    ...(integration.owners.length > 0 ? [{ name: 'contractgen/owners', value: integration.owners.join(', ') }] : []),
  ];
}

function lifecycle(...stabilities: string[]): string {
  if (stabilities.includes('deprecated')) return 'deprecated';
  return stabilities.every((s) => s === 'stable') ? 'production' : 'experimental';
}

/** A Backstage entity name: as is when short enough, else cut, ending with a hash of the whole (still unique). */
export function entityName(name: string): string {
  if (name.length <= MAX_NAME) return name;
  return `${name.slice(0, MAX_NAME - 9).replace(/[-_.]+$/, '')}-${sha1(name).slice(0, 8)}`;
}
