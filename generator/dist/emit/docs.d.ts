/** Markdown docs: one page per integration and per capability, and the catalog. */
import type { CapabilityModel, CheckedModel, IntegrationModel } from '../check/model.js';
import { type EmitCapability, type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
export declare function emitIntegrationDocs(integration: EmitIntegration, context: EmitContext): OutputFile;
/** `providers`: keys of the integrations that provide the capability. */
export declare function emitCapabilityDocs(capability: EmitCapability, providers: readonly string[], context: EmitContext): OutputFile;
export declare function emitCatalog(model: CheckedModel, context: EmitContext): OutputFile;
export declare function providersOf(capability: CapabilityModel, model: CheckedModel): IntegrationModel[];
//# sourceMappingURL=docs.d.ts.map