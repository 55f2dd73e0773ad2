/**
 * Every kind of fuzz case, and the seeded stream of cases the suite and `npm run fuzz` draw from.
 * A new kind is a file exporting a CaseKind (case.ts), listed here.
 */
import fc from 'fast-check';
import { generatedSpecKind, mutationKind } from './arbitraries.js';
import type { CaseKind, FuzzCase } from './case.js';
import type { CaseRun } from './invariants.js';
import { tamperingKind } from './output-tampering.js';
import { regexKind } from './regex-cases.js';

export const CASE_KINDS: readonly CaseKind[] = [mutationKind, generatedSpecKind, regexKind, tamperingKind];

/** `count` cases made from `seed`, each labelled with its index and the seed; every fourth one writes output (when it gets that far), and every one of a kind that always writes. */
export function* fuzzCases(seed: number, count: number, kinds: readonly CaseKind[] = CASE_KINDS): Generator<FuzzCase> {
  const arbitrary = fc.oneof(...kinds.map((kind) => ({ arbitrary: kind.arbitrary.map((made) => ({ ...made, kind })), weight: kind.weight })));
  const CHUNK = 100;
  for (let start = 0; start < count; start += CHUNK) {
    // Chunks keep memory flat on long runs; each has a seed derived from the run's, so runs replay.
    const batch = fc.sample(arbitrary, { seed: seed + start, numRuns: Math.min(CHUNK, count - start) });
    for (const [i, { kind, label, files }] of batch.entries()) {
      const index = start + i;
      yield { label: `#${index} (seed ${seed}) ${label}`, kind: kind.name, files, mode: kind.alwaysWrites || index % 4 === 3 ? 'write' : 'validate' };
    }
  }
}

/** What the case's kind requires of its run beyond the invariants of every case (the kind's `check`): the problems found. */
export function kindViolations(run: CaseRun): string[] {
  const kind = CASE_KINDS.find((k) => k.name === run.fuzzCase.kind);
  if (!kind) return [`the case names no kind of kinds.ts ("${run.fuzzCase.kind}"): what it must show is unknown`];
  return kind.check?.(run) ?? [];
}
