import { type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
export declare function emitIntegration(integration: EmitIntegration, context: EmitContext): Promise<OutputFile[]>;
export interface ValidatorEntry {
    readonly name: string;
    readonly type: string;
    readonly fn: string;
    readonly schema: object;
    readonly secret?: boolean;
}
/** validate.ts (ajv's standalone code) and the typed wrappers: shared by integrations and capabilities. */
export declare function validatorFiles(dir: string, validators: readonly ValidatorEntry[], base: {
    source: string;
    runtime: string;
}, context: EmitContext): OutputFile[];
//# sourceMappingURL=integration.d.ts.map