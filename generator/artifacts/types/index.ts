import { templatesBeside, type Artifact } from '../artifact.js';

/** TypeScript types from a spec's schemas (json-schema-to-typescript): config and secrets, operation inputs and outputs, event payloads. */
export const types = {
  name: 'types',
  describe: 'config/secret types and capability operation types (`types.ts`)',
  optional: true,
  needs: [],
  folderModule: { name: 'types', typeOnly: true, kinds: ['integration', 'capability'] },
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
