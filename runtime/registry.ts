/** Lookups over a generated registry: by `key@version`, and which integrations provide a capability. */
import { versionSatisfies } from './semver.js';
import type { CapabilitySpec, IntegrationSpec } from './spec-model/model.js';

export interface Registry<I extends Record<string, IntegrationSpec>, C extends Record<string, CapabilitySpec>> {
  readonly integrations: I;
  readonly capabilities: C;
  integration(id: string): IntegrationSpec | undefined;
  capability(id: string): CapabilitySpec | undefined;
  /** Integrations providing `capabilityKey`, optionally at a version they are compatible with (same major, not older). */
  providersOf(capabilityKey: string, version?: string): IntegrationSpec[];
}

export function createRegistry<I extends Record<string, IntegrationSpec>, C extends Record<string, CapabilitySpec>>(
  integrations: I,
  capabilities: C,
): Registry<I, C> {
  const all = Object.values(integrations);
  return {
    integrations,
    capabilities,
    integration: (id) => (Object.hasOwn(integrations, id) ? integrations[id] : undefined),
    capability: (id) => (Object.hasOwn(capabilities, id) ? capabilities[id] : undefined),
    providersOf: (capabilityKey, version) =>
      all.filter((spec) =>
        spec.capabilities.provides.some((ref) => ref.key === capabilityKey && (version === undefined || versionSatisfies(ref.version, version))),
      ),
  };
}
