/** Lookups over a generated registry: by `key@version`, and which integrations provide a capability. */
import { versionSatisfies } from './semver.js';
export function createRegistry(integrations, capabilities) {
    const all = Object.values(integrations);
    return {
        integrations,
        capabilities,
        integration: (id) => (Object.hasOwn(integrations, id) ? integrations[id] : undefined),
        capability: (id) => (Object.hasOwn(capabilities, id) ? capabilities[id] : undefined),
        providersOf: (capabilityKey, version) => all.filter((spec) => spec.capabilities.provides.some((ref) => ref.key === capabilityKey && (version === undefined || versionSatisfies(ref.version, version)))),
    };
}
//# sourceMappingURL=registry.js.map