// Programmatic API: `import { generate } from 'contractgen'`.
export { generate, type FileStatus, type GenerateMode, type GenerateOptions, type GenerateResult } from './generate.js';
export type { Diagnostic } from './diagnostics/index.js';
export { formatDiagnostic } from './report/format.js';
export { defineConfig, type ContractgenConfig } from './config/options.js';
export type { ArtifactToggles } from './artifacts/index.js';
