import { templatesBeside, type Artifact } from '../artifact.js';

/**
 * `docs/catalog.json`, beside catalog.md: every integration and capability as data, for docs
 * sites and service catalogs; its JSON Schema ships in the package (`contractgen/catalog.schema.json`).
 */
export const catalogJson = {
  name: 'catalogJson',
  describe: 'the machine-readable catalog (`docs/catalog.json`)',
  optional: true,
  needs: [],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
