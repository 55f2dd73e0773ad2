import { templatesBeside, type Artifact } from '../artifact.js';

/** The module every generated module imports the runtime through: it checks the runtime's version first. */
export const runtimeShim = {
  name: 'runtime',
  describe: 'the runtime shim (`runtime.ts`), through which generated code imports the runtime',
  optional: false,
  needs: [],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
