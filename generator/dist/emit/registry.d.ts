import type { CheckedModel } from '../check/model.js';
import { type EmitContext, type OutputFile } from './context.js';
export declare function emitRegistry(model: CheckedModel, context: EmitContext): OutputFile;
/** The module every generated module imports the runtime through: it checks the installed runtime's version first. */
export declare function emitRuntimeShim(context: EmitContext): OutputFile;
//# sourceMappingURL=registry.d.ts.map