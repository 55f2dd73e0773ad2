import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { type ModuleGraph } from './modules.js';
export interface AdapterBinding {
    readonly integration: string;
    /** The adapter's source file; for a package's adapter, the package.json that declares it. */
    readonly file: string;
    readonly exportName: string;
    readonly position: SourcePosition;
    /** Set for a package's adapter: the module specifier generated code imports it from (`@contractgen/twilio/sms`). */
    readonly specifier?: string;
}
export declare function findAdapters(files: readonly string[], graph: ModuleGraph): {
    adapters: AdapterBinding[];
    diagnostics: Diagnostic[];
};
//# sourceMappingURL=adapters.d.ts.map