import { templatesBeside, type Artifact } from '../artifact.js';

/** Markdown docs: a page per integration and per capability, and the catalog of them all. */
export const docs = {
  name: 'docs',
  describe: 'Markdown docs and the catalog',
  optional: true,
  needs: [],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
