import { templatesBeside, type Artifact } from '../artifact.js';

/** Each integration's typed client and health check (`client.ts`), bound to its adapter. */
export const clients = {
  name: 'clients',
  describe: 'typed clients and health checks (`client.ts`)',
  optional: true,
  needs: ['types', 'validators', 'spec'],
  folderModule: { name: 'client', typeOnly: false, kinds: ['integration'] },
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
