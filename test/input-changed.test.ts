/**
 * A spec edited while a run works on it: the run had parsed the old bytes, so what it would write
 * is already stale. It fails (CG306) and writes nothing, caches nothing as fresh, and `check`
 * afterwards does not call the old output up to date. The edit lands at the last moment: the run
 * pauses (CONTRACTGEN_TEST_PAUSE_FILE) once it has read and processed every input, the test
 * edits, and the run goes on to check its inputs and write.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startCli, stopAllCli, waitFor } from './support/cli-process.js';
import { copyInto, removeDir, runCli, scratchDir, snapshot, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterEach(stopAllCli);
afterAll(() => scratch.forEach(removeDir));

const SPEC = join('specs', 'integrations', 'twilio-sms.ts');

function project(): string {
  const root = scratchDir('input-changed');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'contractgen.config.json': JSON.stringify({ adapters: 'none' }) });
  return root;
}

/** Runs `args`, edits the spec while the run is paused before its last step, and lets it finish. */
async function runWithEditDuringRun(root: string, args: readonly string[]) {
  const pause = join(root, 'paused');
  const run = startCli(args, root, { CONTRACTGEN_TEST_PAUSE_FILE: pause });
  await waitFor('the run to pause', () => existsSync(pause), { timeoutMs: 30_000, describe: run.output });
  appendFileSync(join(root, SPEC), '\n// edited while contractgen ran\n');
  rmSync(pause);
  const exit = await run.exited;
  return { ...exit, output: run.output() };
}

describe('an input that changes during a run', () => {
  it('fails the run (CG306) naming the spec, writes nothing, and is not cached as fresh', async () => {
    const root = project();
    expect(runCli(['generate'], root).code).toBe(0);
    const before = snapshot(join(root, 'generated'));
    // A change that makes different output, so a stale tree would be caught by `check`.
    const source = readFileSync(join(root, SPEC), 'utf8');
    writeFiles(root, { [SPEC]: source.replace(/title: '([^']*)'/, "title: '$1 (renamed)'") });

    const run = await runWithEditDuringRun(root, ['generate']);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/twilio-sms\.ts.*error CG306: changed while contractgen was reading it: nothing was written/s);
    expect(snapshot(join(root, 'generated'))).toEqual(before);

    // The old tree is not what the specs make now, with the cache or without it.
    for (const args of [['check'], ['check', '--no-cache']]) expect(runCli(args, root).code, args.join(' ')).toBe(1);
    // The next run writes the new output, and then all agree.
    expect(runCli(['generate'], root).code).toBe(0);
    expect(runCli(['check'], root).code).toBe(0);
    expect(runCli(['check', '--no-cache'], root).code).toBe(0);
  });

  it('fails `check` too (CG306): its verdict was about bytes that are gone', async () => {
    const root = project();
    expect(runCli(['generate'], root).code).toBe(0);
    const run = await runWithEditDuringRun(root, ['check', '--no-cache']);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/error CG306/);
  });
});
