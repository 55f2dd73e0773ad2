import { templatesBeside, type Artifact } from '../artifact.js';

/**
 * Backstage catalog entities, one file per integration (`backstage/<key>.yaml`): a Resource for the
 * provider and an API for each capability it provides. Opt-in (`artifacts: { backstage: true }`);
 * made from the catalog, so it needs catalogJson.
 */
export const backstage = {
  name: 'backstage',
  describe: 'Backstage catalog entities (`backstage/<key>.yaml`)',
  optional: true,
  optIn: true,
  needs: ['catalogJson'],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
