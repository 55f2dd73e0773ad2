/**
 * The write phase is one transaction. A real `generate`, killed (SIGKILL) at points spread over its
 * renames and deletions, leaves a journal; `check` then reports the killed run (CG304) and writes
 * nothing, and the next `generate` completes it, even when that one is killed too: the output (both
 * folders: out and docsOut) ends as the whole new tree, with no staged file left. Killed before its
 * journal, the run leaves the whole old tree. Two runs on one folder never interleave.
 * (Each real run costs a second or two, so the kill points after the first are mostly made by
 * recovering runs: the same steps, from the same journal.)
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../bench/corpus.js';
import { generate } from '../generator/index.js';
import { startCli, stopAllCli, waitFor } from './support/cli-process.js';
import { removeDir, runCli, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const FOLDERS = ['generated', 'docs'] as const;
type Tree = Record<string, string>;

let project: string;
let oldRoot: string;
/** The project whose specs make the new tree, the one every killed run works towards. */
let newRoot: string;
let oldTree: Tree;
let newTree: Tree;
/** Renames and deletions of the old -> new run: where a kill can land. */
let steps: number;

/** Every file of both output folders (dot-folders included, so leftovers show), by `folder/path`. */
function tree(): Tree {
  const files: Tree = {};
  for (const folder of FOLDERS) {
    if (!existsSync(join(project, folder))) continue;
    for (const [path, file] of Object.entries(snapshot(join(project, folder)))) files[`${folder}/${path}`] = file.content;
  }
  return files;
}

/** The tree without the run folders: what a reader of the output sees. */
function outputOnly(files: Tree): Tree {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !path.includes('/.contractgen-run/')));
}

/** How many files the runs' staging folders in `runFolder` hold (read often while a run goes on: only names, no contents). */
function stagedFiles(runFolder: string): number {
  if (!existsSync(runFolder)) return 0;
  return readdirSync(runFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .reduce((count, entry) => count + readdirSync(join(runFolder, entry.name)).length, 0);
}

function restore(files: Tree): void {
  for (const folder of FOLDERS) rmSync(join(project, folder), { recursive: true, force: true });
  writeFiles(project, files);
}

/**
 * A project in `project/<name>` with every capability of the corpus and its integrations `from` to
 * `to` (exclusive), writing to the shared `project/generated` and `project/docs`. Its spec files
 * have the same names as in the other project, so the two share the outputs of the specs they share.
 * Docs have a folder of their own: one transaction must cover both output folders. Fewer artifacts
 * keep each run short; a transaction treats every file alike.
 */
function specProject(corpus: string, name: string, from: number, to: number): string {
  const root = join(project, name);
  cpSync(join(corpus, 'specs/capabilities'), join(root, 'specs/capabilities'), { recursive: true });
  for (const file of readdirSync(join(corpus, 'specs/integrations'))) {
    const index = Number(/^p(\d+)-/.exec(file)![1]);
    if (index >= from && index < to) cpSync(join(corpus, 'specs/integrations', file), join(root, 'specs/integrations', file));
  }
  const config = { out: '../generated', docsOut: '../docs', artifacts: { types: false, validators: false, clients: false } };
  // A node_modules of its own gives the project a build cache of its own (the cache is kept per
  // output folder in the nearest node_modules): old and new runs each find theirs warm.
  writeFiles(root, { 'contractgen.config.json': JSON.stringify(config), 'node_modules/.keep': '' });
  return root;
}

const inProcess = async (root: string, mode: 'write' | 'check' = 'write') => generate({ root, mode, workers: 0 });

beforeAll(async () => {
  project = scratchDir('crash');
  const corpus = join(project, 'corpus');
  buildCorpus(corpus, 36);
  // Old and new share integrations 12-23; 0-11 go (deletions), 24-35 come (new files and folders).
  oldRoot = specProject(corpus, 'old', 0, 24);
  newRoot = specProject(corpus, 'new', 12, 36);
  expect((await inProcess(oldRoot)).ok).toBe(true);
  oldTree = tree();
  const next = await inProcess(newRoot);
  expect(next.ok).toBe(true);
  newTree = tree();
  steps = next.files.filter((f) => f.status === 'written' || f.status === 'removed').length;
  expect(next.files.filter((f) => f.status === 'removed').length).toBeGreaterThan(20);
  expect(steps).toBeGreaterThan(60);
  // From here on the build cache holds the new tree: a killed run re-emits only what differs on disk.
}, 120_000);

afterAll(async () => {
  await stopAllCli();
  removeDir(project);
});

/** Runs the real CLI's `generate` in the new project, killed by a probe after `renames` renames/deletions. */
async function killedGenerate(renames: number): Promise<void> {
  const cli = startCli(['generate'], newRoot, {}, { killAfterSteps: renames });
  const exit = await cli.exited;
  expect(exit.signal, `killed after ${renames}: ${cli.output()}`).toBe('SIGKILL');
}

/** `check` reports the killed run as CG304 (in the given words) and writes nothing. */
async function expectReported(label: string, words: RegExp): Promise<void> {
  const left = tree();
  const check = await inProcess(newRoot, 'check');
  expect(check.ok, label).toBe(false);
  expect(check.diagnostics, label).toContainEqual(expect.objectContaining({ code: 'CG304', message: expect.stringMatching(words) }));
  expect(tree(), `${label}: check wrote something`).toEqual(left);
}

/** Point k of the rename phase, for k spread evenly from the first to the last step. */
const spread = (count: number) => Array.from({ length: count }, (_, i) => 1 + Math.round((i * (steps - 2)) / (count - 1)));

describe('a generate killed during its write phase', () => {
  it('halfway through its renames: check reports it and writes nothing; the next generate (CLI) completes the new tree', async () => {
    const renames = Math.floor(steps / 2);
    const label = `killed after ${renames} of ${steps} renames/deletions`;
    restore(oldTree);
    await killedGenerate(renames);
    expect(existsSync(join(project, 'generated/.contractgen-run/journal.json')), label).toBe(true);
    const mixed = outputOnly(tree());
    expect(mixed, `${label}: nothing was renamed`).not.toEqual(oldTree);
    expect(mixed, `${label}: everything was renamed`).not.toEqual(newTree);
    await expectReported(label, /killed while it replaced files/);
    const check = runCli(['check'], newRoot);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/error CG304: a run was killed while it replaced files/);
    expect(check.stderr).toMatch(/hint: .*contractgen generate/);
    const completed = runCli(['generate'], newRoot);
    expect(completed.code, completed.stderr).toBe(0);
    expect(tree()).toEqual(newTree);
  }, 60_000);

  it('at the commit point, then again and again while recovering: each run goes on where the last stopped, the last completes the new tree', async () => {
    restore(oldTree);
    await killedGenerate(0);
    expect(outputOnly(tree()), 'killed at the commit point, before any rename').toEqual(oldTree);
    // Fixed points (a failure replays): eight spread over the renames, one just past a third, the one before the last.
    const points = [...new Set([...spread(8), Math.floor(steps / 3) + 1, steps - 2])].sort((a, b) => a - b);
    for (const renames of points) {
      // A recovering run redoes the journal from its start (a done step is a no-op), so after k steps it leaves what the killed run would have.
      await killedGenerate(renames);
      await expectReported(`recovery killed after ${renames} of ${steps} (points ${points.join(', ')})`, /killed while it replaced files/);
    }
    const recovery = await inProcess(newRoot);
    expect(recovery.ok).toBe(true);
    // Nothing was left to write: recovery completed the tree, and the cache found every output as recorded.
    expect(recovery.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(tree()).toEqual(newTree);
  }, 60_000);

  it('before its journal (while emitting): the old tree stays whole; check reports the staged files, the next generate removes them', async () => {
    restore(oldTree);
    const cli = startCli(['generate'], newRoot);
    await waitFor('a staged file', () => FOLDERS.some((folder) => stagedFiles(join(project, folder, '.contractgen-run')) > 0), { intervalMs: 5, describe: cli.output });
    cli.child.kill('SIGKILL');
    await cli.exited;
    expect(existsSync(join(project, 'generated/.contractgen-run/journal.json'))).toBe(false);
    expect(outputOnly(tree())).toEqual(oldTree);
    await expectReported('killed while emitting', /killed before it replaced any file/);
    expect((await inProcess(newRoot)).ok).toBe(true);
    expect(tree()).toEqual(newTree);
  }, 60_000);
});

describe('two runs on one output folder', () => {
  it('never interleave: the second waits for the first, and the output is the whole tree of one of them', async () => {
    restore({});
    const a = startCli(['generate'], oldRoot);
    const b = startCli(['generate'], newRoot);
    const [exitA, exitB] = await Promise.all([a.exited, b.exited]);
    expect(exitA, a.output()).toEqual({ code: 0, signal: null });
    expect(exitB, b.output()).toEqual({ code: 0, signal: null });
    expect([oldTree, newTree], 'a mix of both runs').toContainEqual(tree());
  }, 60_000);
});
