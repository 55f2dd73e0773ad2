/** What the files made from every spec (the project's files) are planned from. */
import type { CapabilitySummary, IntegrationSummary } from './model.js';

/** The specs that passed every rule: what the project's files are made from. */
export interface CheckedProject {
  /** Sorted by key. */
  readonly capabilities: readonly CapabilitySummary[];
  /** Sorted by key. */
  readonly integrations: readonly IntegrationSummary[];
  /** The keys of the integrations a hand-written adapter is bound to, sorted. */
  readonly adapters: readonly string[];
}

/** What the project's files depend on besides the specs. */
export interface ProjectSettings {
  readonly runtimeImport: string;
  readonly generatorVersion: string;
  /** Every artifact by name, and whether this run generates it (a file may link to another artifact's). */
  readonly artifacts: Readonly<Record<string, boolean>>;
}
