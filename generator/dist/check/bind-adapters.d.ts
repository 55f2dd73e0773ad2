import type { Diagnostic } from '../diagnostics.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { CheckedModel } from './model.js';
export declare function bindAdapters(model: CheckedModel, adapters: readonly AdapterBinding[]): {
    model: CheckedModel;
    diagnostics: Diagnostic[];
};
//# sourceMappingURL=bind-adapters.d.ts.map