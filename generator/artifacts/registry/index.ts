import { templatesBeside, type Artifact } from '../artifact.js';

/** The root `index.ts`: every spec constant keyed `key@version`, with lookups by capability. */
export const registry = {
  name: 'registry',
  describe: 'the root registry (`index.ts`)',
  optional: true,
  needs: ['spec'],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
