import { type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
export declare function emitClient(integration: EmitIntegration, context: EmitContext): OutputFile;
//# sourceMappingURL=client.d.ts.map