/**
 * The long incremental run (`npm run fuzz:incremental`, part of `npm run fuzz`): many random edit
 * sequences, each run cached and from scratch after every step (sequence.ts), shrunk to the
 * shortest sequence that still fails. `tsx test/incremental/run.ts --runs N --steps K --seed S
 * [--cli | --warm]` (--warm: as the runs of one watch process). Exit 1 on a failure, which prints its steps and the seed that replays it.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, removeDir } from '../support/workspace.js';
import { step } from './edits.js';
import { checkSequence, describeRunner } from './sequence.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    steps: { type: 'string', default: '12' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    cli: { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
  },
});
const [runs, steps, seed] = [Number(values.runs), Number(values.steps), Number(values.seed)];
const dir = join(REPO, 'test', '.tmp', `incremental-run-${process.pid}`);
const runner = values.cli ? 'cli' : values.warm ? 'warm' : 'api';

console.log(`incremental runs: ${runs} sequences of up to ${steps} steps, seed ${seed}, ${describeRunner(runner)}`);
let [sequences, totalRuns, failedRuns] = [0, 0, 0];
const start = performance.now();
try {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: steps }), async (sequence) => {
      const report = await checkSequence(dir, sequence, runner);
      sequences++;
      totalRuns += report.runs;
      failedRuns += report.failedRuns;
      if (sequences % 10 === 0) console.log(`  ${sequences} sequences, ${totalRuns} runs (${failedRuns} ended in errors), ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }),
    { seed, numRuns: runs },
  );
  console.log(`no difference: ${sequences} sequences, ${totalRuns} runs each compared with a run from scratch (${failedRuns} ended in errors)`);
} catch (error) {
  // fast-check's report (seed, path, the shrunk sequence), then what the property saw go wrong.
  console.log((error as Error).message);
  if ((error as Error).cause) console.log(((error as Error).cause as Error).message);
  process.exitCode = 1;
} finally {
  removeDir(dir);
}
