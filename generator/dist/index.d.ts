export { generate, type FileStatus, type GenerateMode, type GenerateOptions, type GenerateResult } from './generate.js';
export type { Diagnostic } from './diagnostics.js';
export { formatDiagnostic } from './report/format.js';
export { defineConfig, type ContractgenConfig, type ArtifactToggles } from './config/config.js';
//# sourceMappingURL=index.d.ts.map