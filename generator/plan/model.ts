/**
 * The plan: plain data that decides, once, every output path, identifier, import and alias of a
 * run. Emitters only render it. A spec's plan is made where the spec is loaded (on a worker for a
 * big run) and its summary is what crosses back to the main thread and what the cache keeps; the
 * project's files (docs, registry, catalog) are planned from those summaries by the artifacts
 * (generator/artifacts/).
 */
import type { SourcePosition } from '../diagnostics/index.js';

/** A capability a spec provides or requires, and where the reference is written. */
export interface CapabilityRef {
  readonly key: string;
  readonly version: string;
}

export interface OperationPlan {
  readonly name: string;
  readonly description: string;
  readonly idempotent: boolean;
  readonly inputType: string;
  readonly outputType: string;
  /** The input validator's name in the capability's validators module. */
  readonly validator: string;
  /** The fields the output schema requires (through $ref and allOf, as the HTTP checks read it): an HTTP binding must fill each. */
  readonly outputRequired: readonly string[];
  /** The input and output JSON Schemas as the capability spec gives them (HTTP checks, test doubles, Backstage definitions). */
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly outputSchema: Readonly<Record<string, unknown>>;
}

export interface EventPlan {
  readonly name: string;
  readonly description: string;
  readonly payloadType: string;
  /** The payload's JSON Schema as the capability spec gives it. */
  readonly payloadSchema: Readonly<Record<string, unknown>>;
}

interface SummaryBase {
  /** The spec file (absolute). */
  readonly file: string;
  readonly key: string;
  readonly version: string;
  /** PascalCase of the key: the prefix of every generated identifier. */
  readonly name: string;
  /** Output folder, `integrations/<key>` or `capabilities/<key>`. */
  readonly dir: string;
  /** The exported spec constant in `<dir>/spec.ts`. */
  readonly specConst: string;
  readonly title: string;
  readonly stability: string;
  /** Where the values the project-wide rules point at were written, by path (`meta.key`, `capabilities.provides.0.key`, ...). */
  readonly positions: Readonly<Record<string, SourcePosition>>;
  /** What artifacts keep of the spec for the files made from every spec, by artifact (plain data: cached, and sent across threads). */
  readonly parts?: Readonly<Record<string, unknown>>;
}

/** What the project stage knows of a capability spec. */
export interface CapabilitySummary extends SummaryBase {
  readonly kind: 'capability';
  /** The interface adapters implement, e.g. `SmsOutboundOperations`. */
  readonly interfaceName: string;
  /** The union of its events, e.g. `MessagingInboundEvent`. */
  readonly eventUnionName: string;
  readonly operations: readonly OperationPlan[];
  readonly events: readonly EventPlan[];
}

/**
 * What the main thread keeps of an integration spec: enough for the rules across integrations
 * (one spec per key, distinct identifiers), the registry and the catalog. Its client and docs page
 * are rendered where it is loaded, with the capabilities it provides.
 */
export interface IntegrationSummary extends SummaryBase {
  readonly kind: 'integration';
  readonly category: string;
  readonly provides: readonly CapabilityRef[];
}

export type SpecSummary = CapabilitySummary | IntegrationSummary;

/** One file to render from a template: the unit of the project plan, fingerprinted for reuse. */
export interface RenderJob {
  readonly path: string;
  readonly template: string;
  readonly data: object;
}
