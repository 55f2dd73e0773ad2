/**
 * Runs an edit sequence on a fresh project and holds every run to a run from scratch: after each
 * edit, the run with the build cache (in the project) and a run with `--no-cache` (on a copy made
 * just before) must end alike: verdict or exit code, diagnostics as printed, file statuses, and
 * every byte of the project afterwards. Through the programmatic API, the real CLI, or as the runs
 * of one watch process (each run with what the runs before it kept in memory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { WarmState } from '../../generator/cache/index.js';
import { cachedAndFromScratch, copyProject, projectTree } from '../support/from-scratch.js';
import { removeDir, runCli } from '../support/workspace.js';
import { applyEdit, describeStep, INITIAL, type Step } from './edits.js';

/** Through the programmatic API, the real CLI, or as the runs of one watch process (warm: what each run keeps for the next). */
export type Runner = 'api' | 'cli' | 'warm';

/** How a runner's runs are made, for messages. */
export function describeRunner(runner: Runner): string {
  return runner === 'warm' ? 'as the runs of one watch process' : `through the ${runner === 'cli' ? 'real CLI' : 'programmatic API'}`;
}

/** What a sequence did: how its runs ended (for a report of what the sequences covered). */
export interface SequenceReport {
  readonly runs: number;
  readonly failedRuns: number;
}

/** Throws an Error naming the first step whose cached run differs from the run from scratch, and how. */
export async function checkSequence(dir: string, steps: readonly Step[], runner: Runner): Promise<SequenceReport> {
  const root = createProject(join(dir, 'project'));
  const copy = join(dir, 'from-scratch');
  let failedRuns = 0;
  const warm = runner === 'warm' ? new WarmState() : undefined;
  // Step 0: the first run, on the initial project (an empty cache), always through the API.
  for (let index = 0; index <= steps.length; index++) {
    const step = steps[index - 1];
    if (step) applyEdit(root, step.edit);
    const mode = step?.mode ?? 'write';
    const { cached, fromScratch } = runner === 'cli' && step ? cliRuns(root, copy, mode) : await cachedAndFromScratch(root, copy, mode, warm);
    const field = (outcome: object, name: string) => (outcome as Record<string, unknown>)[name];
    const differences = Object.keys(fromScratch).filter((name) => !isDeepStrictEqual(field(cached, name), field(fromScratch, name)));
    if (differences.length > 0) {
      const shown = differences.map((name) => `  ${name}:\n    cached:       ${JSON.stringify(field(cached, name)).slice(0, 3000)}\n    from scratch: ${JSON.stringify(field(fromScratch, name)).slice(0, 3000)}`);
      const history = steps.slice(0, index).map((s, i) => `  ${i + 1}. ${describeStep(s)}`);
      throw new Error(`step ${index} of ${steps.length} (${step ? describeStep(step) : 'the initial project'}), ${describeRunner(runner)}: the cached run ended unlike a run from scratch\n${shown.join('\n')}\nsteps:\n${history.join('\n')}`);
    }
    if (field(cached, 'ok') === false || (field(cached, 'code') ?? 0) !== 0) failedRuns++;
  }
  removeDir(copy);
  return { runs: steps.length + 1, failedRuns };
}

/** The project every sequence starts from (edits.ts INITIAL), at `root` (replacing what is there). */
export function createProject(root: string): string {
  removeDir(root);
  // A package of its own (its config is found here, not above), with its own build cache.
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "name": "incremental-project", "private": true }\n');
  for (const edit of INITIAL) applyEdit(root, edit);
  return root;
}

/** The same comparison through the real CLI: exit code, everything printed (run times aside), the project afterwards. */
function cliRuns(root: string, copy: string, mode: Step['mode']) {
  copyProject(root, copy);
  const command = mode === 'write' ? 'generate' : mode;
  const run = (cwd: string, flags: string[]) => {
    const { code, stdout, stderr } = runCli([command, ...flags], cwd);
    const printed = `${stdout}${stderr}`.replace(/\(\d+ ms\)/g, '(… ms)').split(cwd).join('<root>');
    return { code, printed, tree: projectTree(cwd) };
  };
  return { cached: run(root, []), fromScratch: run(copy, ['--no-cache']) };
}
