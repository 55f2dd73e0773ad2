/**
 * The TypeScript compiler API that ts-morph ships, loaded on its own. Specs are parsed with
 * `ts.createSourceFile` and read node by node: none of ts-morph's project machinery is needed,
 * and loading ts-morph would add its own 6 MB module and 5 MB of embedded lib files to every
 * thread that parses (a worker's heap is what the memory budget of a big run is made of). It is
 * loaded through a V8 code cache (code-cache.ts): compiling its 9 MB is most of its load time.
 */
import { createRequire } from 'node:module';
import type { ts as TS } from 'ts-morph';
import { requireWithCodeCache } from './code-cache.js';

// Resolved from ts-morph's own folder: @ts-morph/common is its dependency, not ours (strict
// node_modules layouts do not hoist it).
const fromTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
export const ts = requireWithCodeCache(fromTsMorph.resolve('@ts-morph/common/dist/typescript.js')) as typeof TS;
export type { TS };
