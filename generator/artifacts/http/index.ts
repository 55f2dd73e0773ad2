import { templatesBeside, type Artifact } from '../artifact.js';

/**
 * The normalized HTTP binding of each integration whose spec has an `http` section (`http.ts`),
 * which its client runs on the runtime's generic HTTP adapter. Always on: a client of such a spec
 * is bound to it. Not re-exported by the folder's index (only bound integrations have one).
 */
export const http = {
  name: 'http',
  describe: 'normalized HTTP bindings of specs with an `http` section (`http.ts`)',
  optional: false,
  needs: [],
  templates: templatesBeside(import.meta.url),
  load: () => import('./files.js'),
} as const satisfies Artifact;
