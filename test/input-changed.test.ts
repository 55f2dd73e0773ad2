/**
 * A spec edited while a run works on it: the run had parsed the old bytes, so what it would write
 * is already stale. It fails (CG306) and writes nothing, caches nothing as fresh, and `check`
 * afterwards does not call the old output up to date. The edit lands at the last moment: the run
 * pauses (a probe: test/support/probed-cli.mjs) once it has read and processed every input, the test
 * edits, and the run goes on to check its inputs and write.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generate, type GenerateMode } from '../generator/index.js';
import { startCli, stopAllCli, waitFor } from './support/cli-process.js';
import { copyInto, removeDir, scratchDir, snapshot, TWILIO_SPECS, writeFiles } from './support/workspace.js';

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

/** A run in this process (the same build cache as the CLI's), with or without the cache: did it succeed? */
const runs = async (root: string, mode: GenerateMode, cache = true) => (await generate({ root, adapters: 'none', mode, cache })).ok;

/** Runs `args` through the real CLI, changes an input (`edit`) while the run is paused before its last step, and lets it finish. */
async function runWithEditDuringRun(root: string, args: readonly string[], edit = () => appendFileSync(join(root, SPEC), '\n// edited while contractgen ran\n')) {
  const pause = join(root, 'paused');
  const run = startCli(args, root, {}, { pauseFile: pause });
  await waitFor('the run to pause', () => existsSync(pause), { timeoutMs: 30_000, describe: run.output });
  edit();
  rmSync(pause);
  const exit = await run.exited;
  return { ...exit, output: run.output() };
}

describe('an input that changes during a run', () => {
  it('fails the run (CG306) naming the spec, writes nothing, and is not cached as fresh', async () => {
    const root = project();
    expect(await runs(root, 'write')).toBe(true);
    const before = snapshot(join(root, 'generated'));
    // A change that makes different output, so a stale tree would be caught by `check`.
    const source = readFileSync(join(root, SPEC), 'utf8');
    writeFiles(root, { [SPEC]: source.replace(/title: '([^']*)'/, "title: '$1 (renamed)'") });

    const run = await runWithEditDuringRun(root, ['generate']);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/twilio-sms\.ts.*error CG306: changed while contractgen was reading it: nothing was written/s);
    expect(snapshot(join(root, 'generated'))).toEqual(before);

    // The old tree is not what the specs make now, with the cache or without it.
    expect(await runs(root, 'check')).toBe(false);
    expect(await runs(root, 'check', false)).toBe(false);
    // The next run writes the new output, and then all agree.
    expect(await runs(root, 'write')).toBe(true);
    expect(await runs(root, 'check')).toBe(true);
    expect(await runs(root, 'check', false)).toBe(true);
  });

  it('a file with no spec in it that gets one during the run fails the run too (CG306), and the next run sees the spec', async () => {
    const root = project();
    writeFiles(root, { 'specs/integrations/later.ts': '' });
    expect(await runs(root, 'write')).toBe(true);
    const acme = readFileSync(join(root, SPEC), 'utf8').replace("key: 'sms.twilio'", "key: 'sms.acme'").replace('twilioSmsIntegrationSpec', 'acmeSpec');
    // From scratch: nothing changed yet, so with the cache (the same as this process's) the run would answer at once.
    const run = await runWithEditDuringRun(root, ['generate', '--no-cache'], () => writeFiles(root, { 'specs/integrations/later.ts': acme }));
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/later\.ts - error CG306: changed while contractgen was reading it/);
    expect(await runs(root, 'check')).toBe(false);
    expect(await runs(root, 'write')).toBe(true);
    expect(existsSync(join(root, 'generated/integrations/sms.acme/client.ts'))).toBe(true);
  });

  it('fails `check` too (CG306): its verdict was about bytes that are gone', async () => {
    const root = project();
    expect(await runs(root, 'write')).toBe(true);
    const run = await runWithEditDuringRun(root, ['check', '--no-cache']);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/error CG306/);
  });
});
