/** What the files made from every spec (the project's files) are planned from. */
import type { CapabilitySummary, IntegrationSummary } from './model.js';

/** The specs that passed every rule: what the project's files are made from. */
export interface CheckedProject {
  /** Sorted by key. */
  readonly capabilities: readonly CapabilitySummary[];
  /** Sorted by key. */
  readonly integrations: readonly IntegrationSummary[];
}

/** What the project's files depend on besides the specs. */
export interface ProjectSettings {
  readonly runtimeImport: string;
  readonly generatorVersion: string;
}
