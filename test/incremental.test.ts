/**
 * Incremental equals from scratch, as a property: random edit sequences on a small project (specs
 * written, emptied, broken, made non-static, renamed, deleted, turned into the other kind; the
 * module they import changed or shadowed; adapters, config and template overrides changed; output
 * edited by hand: test/incremental/edits.ts), and after every step the run with the build cache
 * ends exactly like a run with `--no-cache` on a copy of the project: verdict or exit code,
 * diagnostics as printed, file statuses, every byte of the project (test/incremental/sequence.ts).
 * A fixed seed here; `npm run fuzz:incremental` runs hundreds of sequences with a fresh one.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { step } from './incremental/edits.js';
import { checkSequence } from './incremental/sequence.js';
import { removeDir, scratchDir } from './support/workspace.js';

/**
 * A seed whose sequences were seen to catch the cache bug this test was written for (a spec
 * written into a file that held none was answered from the cache) with the fix removed: about one
 * seed in four does at this size. The long run draws a fresh seed each time.
 */
const SEED = 107;
const scratch = scratchDir('incremental');
afterAll(() => removeDir(scratch));

describe('a run with the build cache ends like a run from scratch', () => {
  it('after every step of random edit sequences (programmatic API, fixed seed)', async () => {
    let [runs, failed] = [0, 0];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 8 }), async (steps) => {
        const report = await checkSequence(scratch, steps, 'api');
        runs += report.runs;
        failed += report.failedRuns;
      }),
      // No shrinking here (each step is two runs): the failure names its steps; the long run shrinks.
      { seed: SEED, numRuns: 3, endOnFailure: true },
    );
    // Both kinds of run were compared: ones that succeed and ones that end in diagnostics.
    expect(runs).toBe(27);
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(runs);
  }, 120_000);

  it('as the runs of one watch process, each with what the runs before it kept in memory (fixed seed)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 8 }), async (steps) => {
        runs += (await checkSequence(scratch, steps, 'warm')).runs;
      }),
      { seed: SEED + 1, numRuns: 3, endOnFailure: true },
    );
    expect(runs).toBe(27);
  }, 120_000);

  it('as the runs of one watch process: an import that resolves to another file once one appears before it', async () => {
    // limits.ts moves to limits/index.ts, then a limits.ts with another value appears beside it: the
    // specs' `../shared/limits` now means limits.ts, which a watch process must resolve anew.
    const report = await checkSequence(
      scratch,
      [
        { edit: { op: 'move limits', place: 'index' }, mode: 'write' },
        { edit: { op: 'move limits', place: 'both' }, mode: 'write' },
      ],
      'warm',
    );
    expect(report).toEqual({ runs: 3, failedRuns: 0 });
  }, 120_000);

  it('through the real CLI: a spec written into an empty file, checked; then broken, validated', async () => {
    const report = await checkSequence(
      scratch,
      [
        { edit: { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'integration', key: 'sms.gamma', title: 'Gamma', provides: 'msg.send', version: '1.0.0', importsLimits: true, liveLookingSecret: false } }, mode: 'check' },
        { edit: { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'broken' } }, mode: 'validate' },
      ],
      'cli',
    );
    // The initial run succeeds; `check` finds the new spec's files missing; `validate` finds the syntax error.
    expect(report).toEqual({ runs: 3, failedRuns: 2 });
  }, 120_000);
});
