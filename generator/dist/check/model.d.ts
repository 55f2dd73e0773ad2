import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
import type { AdapterBinding } from '../load/adapters.js';
import type { LoadedSpec } from '../load/model.js';
/** A capability spec that passed every check, with the names generated code uses for it. */
export interface CapabilityModel {
    readonly spec: CapabilitySpec;
    readonly loaded: LoadedSpec;
    /** PascalCase of the key: `sms.outbound` -> `SmsOutbound`. */
    readonly name: string;
}
/** An integration spec that passed every check, joined to the capabilities it provides. */
export interface IntegrationModel {
    readonly spec: IntegrationSpec;
    readonly loaded: LoadedSpec;
    readonly name: string;
    readonly provides: readonly CapabilityModel[];
    /** The hand-written adapter bound to this integration, if one declares it. */
    readonly adapter?: AdapterBinding;
}
/** What emitters receive: only checked specs, sorted by key, so output never depends on file order. */
export interface CheckedModel {
    readonly integrations: readonly IntegrationModel[];
    readonly capabilities: readonly CapabilityModel[];
}
//# sourceMappingURL=model.d.ts.map