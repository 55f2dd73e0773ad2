import { templatesBeside, type Artifact } from '../artifact.js';

/**
 * A test double per HTTP-bound integration (`test-double.ts`): the provider's wire format from its
 * binding, for users' own tests. Imported by tests only: no folder index or client imports it, so
 * production code never loads `@contractgen/runtime/testing`.
 */
export const testDouble = {
  name: 'test-double',
  describe: 'test doubles of HTTP-bound integrations (`test-double.ts`), for your own tests',
  optional: true,
  needs: ['http'],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
