/**
 * Ctrl-C (SIGINT) and SIGTERM stop a run within a second, with nothing written, even in the middle
 * of emitting (which must give the signal handler its turn). While a run writes, it holds its output
 * folder: another run waits for it, and past its timeout fails naming the holder (CG305).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../bench/corpus.js';
import { startCli, stopAllCli, waitFor, type CliProcess } from './support/cli-process.js';
import { removeDir, runCli, scratchDir } from './support/workspace.js';

let project: string;
const staging = () => join(project, 'generated/.contractgen-run');

beforeAll(() => {
  project = scratchDir('interrupt');
  // Enough specs that emitting them takes well over 1.5 s: a signal lands in the middle of it.
  buildCorpus(project, 60);
});

afterAll(async () => {
  await stopAllCli();
  removeDir(project);
});

/** Starts a cold `generate` and resolves once it is emitting: its first changed file is staged. */
async function emittingRun(): Promise<CliProcess> {
  const cli = startCli(['generate', '--no-cache', '--workers', '0'], project);
  await waitFor('a staged file', () => existsSync(staging()) && readdirSync(staging()).some((name) => name !== 'lock.json' && readdirSync(join(staging(), name)).length > 0), { intervalMs: 5, describe: cli.output });
  return cli;
}

/** Sends `signal`, and expects the run gone within a second with exit code 130 and the output folder never made. */
async function expectStoppedBy(cli: CliProcess, signal: NodeJS.Signals): Promise<void> {
  const sent = performance.now();
  cli.child.kill(signal);
  const exit = await cli.exited;
  const elapsed = performance.now() - sent;
  expect(exit, cli.output()).toEqual({ code: 130, signal: null });
  expect(elapsed, `exited ${Math.round(elapsed)} ms after ${signal}`).toBeLessThan(1_000);
  expect(existsSync(join(project, 'generated')), 'something was written').toBe(false);
}

describe('a run interrupted while emitting', () => {
  it('stops within 1 s of SIGINT (Ctrl-C), having written nothing', async () => {
    await expectStoppedBy(await emittingRun(), 'SIGINT');
  }, 60_000);

  it('holds its output folder: another run waits for it, then fails naming its pid (CG305); SIGTERM stops it within 1 s, having written nothing', async () => {
    const cli = await emittingRun();
    const started = performance.now();
    const second = runCli(['generate'], project, { CONTRACTGEN_LOCK_TIMEOUT_MS: '300' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(cli.alive(), 'the first run ended before the second gave up').toBe(true);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`error CG305: the output folder is locked by another contractgen run \\(pid ${cli.child.pid} on `));
    expect(second.stderr).toMatch(/hint: .*CONTRACTGEN_LOCK_TIMEOUT_MS/);
    await expectStoppedBy(cli, 'SIGTERM');
  }, 60_000);
});
