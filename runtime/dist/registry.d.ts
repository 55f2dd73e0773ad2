import type { CapabilitySpec, IntegrationSpec } from './spec/model.js';
export interface Registry<I extends Record<string, IntegrationSpec>, C extends Record<string, CapabilitySpec>> {
    readonly integrations: I;
    readonly capabilities: C;
    integration(id: string): IntegrationSpec | undefined;
    capability(id: string): CapabilitySpec | undefined;
    /** Integrations providing `capabilityKey`, optionally at a version they are compatible with (same major, not older). */
    providersOf(capabilityKey: string, version?: string): IntegrationSpec[];
}
export declare function createRegistry<I extends Record<string, IntegrationSpec>, C extends Record<string, CapabilitySpec>>(integrations: I, capabilities: C): Registry<I, C>;
//# sourceMappingURL=registry.d.ts.map