/**
 * Ctrl-C (SIGINT) and SIGTERM stop a run in the middle of emitting, with nothing written: the
 * signal handler gets its turn between two spec files, so the run stages nothing more once the
 * signal is in, and it exits 130 saying CG303. A program that calls `generate` and handles the
 * signal itself gets CG303 as the run's result. While a run writes, it holds its output folder:
 * another run waits for it, and past its timeout fails naming the holder (CG305).
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../bench/corpus.js';
import { generate } from '../generator/index.js';
import { run } from './support/npm-project.js';
import { startCli, stopAllCli, waitFor, type CliProcess } from './support/cli-process.js';
import { CLI, removeDir, scratchDir } from './support/workspace.js';

/** A 60-spec corpus: emitting it takes seconds, so a signal lands in the middle of it. Each test runs on a copy of its own. */
let corpus: string;
const scratch: string[] = [];

beforeAll(() => {
  corpus = scratchDir('interrupt-corpus');
  scratch.push(corpus);
  buildCorpus(corpus, 60);
});

afterAll(async () => {
  await stopAllCli();
  scratch.forEach(removeDir);
});

function project(): string {
  const root = scratchDir('interrupt');
  scratch.push(root);
  cpSync(corpus, root, { recursive: true });
  return root;
}

/** Files one spec of the corpus makes (an integration: types, validators, validate, spec, client, index, docs page). */
const FILES_PER_SPEC = 8;

const staging = (root: string) => join(root, 'generated/.contractgen-run');
/** Files staged so far (folders, the lock and the journal aside). */
function staged(root: string): number {
  try {
    return readdirSync(staging(root), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.parentPath !== staging(root)).length;
  } catch {
    return 0;
  }
}

/** Starts a cold `generate` and resolves once it is emitting: some of its files are staged. */
async function emittingRun(root: string): Promise<CliProcess> {
  const cli = startCli(['generate', '--no-cache', '--workers', '0'], root);
  await waitFor('staged files', () => staged(root) >= 3, { intervalMs: 5, describe: cli.output });
  return cli;
}

/**
 * Sends `signal` and expects the run to stop where it was: exit 130 saying CG303, no file staged
 * after the signal beyond the one spec being emitted (an uninterrupted run goes on to stage ~540),
 * and the output folder never made. No time limit but the test's: a slow machine is not a failure.
 */
async function expectStoppedBy(cli: CliProcess, root: string, signal: NodeJS.Signals): Promise<void> {
  const before = staged(root);
  let most = before;
  const watch = setInterval(() => (most = Math.max(most, staged(root))), 2);
  cli.child.kill(signal);
  const exit = await cli.exited;
  clearInterval(watch);
  expect(exit, cli.output()).toEqual({ code: 130, signal: null });
  expect(cli.output()).toContain('error CG303: interrupted: nothing was written');
  expect(most - before, `files staged after ${signal}`).toBeLessThanOrEqual(FILES_PER_SPEC);
  expect(existsSync(join(root, 'generated')), 'something was written').toBe(false);
}


describe('a run interrupted while emitting', () => {
  it('stops on SIGINT (Ctrl-C) between two spec files, having written nothing (exit 130, CG303)', async () => {
    const root = project();
    await expectStoppedBy(await emittingRun(root), root, 'SIGINT');
  }, 60_000);

  it('holds its output folder: another run waits for it, then fails naming its pid (CG305); SIGTERM stops it, having written nothing', async () => {
    const root = project();
    const cli = await emittingRun(root);
    const started = performance.now();
    // Not spawnSync: this process must see the first run's exit, if it came, while the second waits.
    const second = await run(process.execPath, [CLI, 'generate'], root, { CONTRACTGEN_LOCK_TIMEOUT_MS: '300' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(cli.alive(), 'the first run ended before the second gave up').toBe(true);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`error CG305: the output folder is locked by another contractgen run \\(pid ${cli.child.pid} on `));
    expect(second.stderr).toMatch(/hint: .*CONTRACTGEN_LOCK_TIMEOUT_MS/);
    await expectStoppedBy(cli, root, 'SIGTERM');
  }, 60_000);
});

describe('a run reporting JSON', () => {
  it('reports CG303 in its JSON document when interrupted, like any diagnostic (exit 130)', async () => {
    const root = project();
    const cli = startCli(['generate', '--no-cache', '--workers', '0', '--reporter', 'json'], root);
    await waitFor('staged files', () => staged(root) >= 3, { intervalMs: 5, describe: cli.output });
    cli.child.kill('SIGINT');
    const exit = await cli.exited;
    expect(exit, cli.output()).toEqual({ code: 130, signal: null });
    expect(JSON.parse(cli.output())).toMatchObject({ ok: false, diagnostics: [{ code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' }] });
    expect(existsSync(join(root, 'generated')), 'something was written').toBe(false);
  }, 60_000);
});

describe('a program that handles the signal itself', () => {
  it('gets CG303 as the result of the run it interrupted, and nothing is written', async () => {
    const root = project();
    const handled: string[] = [];
    const handler = (signal: NodeJS.Signals) => handled.push(signal);
    process.on('SIGINT', handler);
    // As soon as files are staged (the run yields between spec files), a SIGINT arrives.
    const signalWhenStaged = setInterval(() => {
      if (staged(root) === 0) return;
      clearInterval(signalWhenStaged);
      process.emit('SIGINT', 'SIGINT');
    }, 1);
    try {
      const result = await generate({ root, cache: false, workers: 0 });
      expect(handled).toEqual(['SIGINT']);
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG303', severity: 'error' })]);
      expect(existsSync(join(root, 'generated'))).toBe(false);
    } finally {
      clearInterval(signalWhenStaged);
      process.off('SIGINT', handler);
    }
  }, 60_000);
});
