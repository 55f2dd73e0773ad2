/**
 * Every kind of fuzz case, and the seeded stream of cases the suite and `npm run fuzz` draw from.
 * A new kind is a file exporting a CaseKind (case.ts), listed here.
 */
import fc from 'fast-check';
import { generatedSpecKind, mutationKind } from './arbitraries.js';
import type { CaseKind, FuzzCase } from './case.js';

export const CASE_KINDS: readonly CaseKind[] = [mutationKind, generatedSpecKind];

/** `count` cases made from `seed`, each labelled with its index and the seed; every fourth one writes output (when it gets that far). */
export function* fuzzCases(seed: number, count: number, kinds: readonly CaseKind[] = CASE_KINDS): Generator<FuzzCase> {
  const arbitrary = fc.oneof(...kinds.map((kind) => ({ arbitrary: kind.arbitrary, weight: kind.weight })));
  const CHUNK = 100;
  for (let start = 0; start < count; start += CHUNK) {
    // Chunks keep memory flat on long runs; each has a seed derived from the run's, so runs replay.
    const batch = fc.sample(arbitrary, { seed: seed + start, numRuns: Math.min(CHUNK, count - start) });
    for (const [i, made] of batch.entries()) {
      const index = start + i;
      yield { ...made, label: `#${index} (seed ${seed}) ${made.label}`, mode: index % 4 === 3 ? 'write' : 'validate' };
    }
  }
}
