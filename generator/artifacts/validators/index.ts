import { templatesBeside, type Artifact } from '../artifact.js';

/** Precompiled validators for a spec's schemas: ajv's standalone code (`validate.ts`) and typed wrappers (`validators.ts`). */
export const validators = {
  name: 'validators',
  describe: 'precompiled validators (`validators.ts`, `validate.ts`)',
  optional: true,
  needs: ['types'],
  folderModule: { name: 'validators', typeOnly: false, kinds: ['integration', 'capability'] },
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
