import { templatesBeside, type Artifact } from '../artifact.js';

/** The spec as a typed constant (`spec.ts`), so code that runs never imports spec sources. */
export const specConstant = {
  name: 'spec',
  describe: 'spec constants (`spec.ts`)',
  optional: true,
  needs: [],
  folderModule: { name: 'spec', typeOnly: false, kinds: ['integration', 'capability'] },
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
