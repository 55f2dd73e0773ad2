import { templatesBeside, type Artifact } from '../artifact.js';

/** Each spec folder's `index.ts`: re-exports the modules the other artifacts put in the folder. */
export const folderIndex = {
  name: 'index',
  describe: "each spec folder's `index.ts`",
  optional: false,
  needs: [],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
