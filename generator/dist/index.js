// Programmatic API: `import { generate } from 'contractgen'`.
export { generate } from './generate.js';
export { formatDiagnostic } from './report/format.js';
export { defineConfig } from './config/config.js';
//# sourceMappingURL=index.js.map