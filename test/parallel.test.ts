/**
 * Worker threads change where the per-spec work runs (rules, emitting), never what a run produces:
 * the same bytes, the same diagnostics, the same failures, as in one thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus, DEFAULT_SEED, type CorpusInfo } from '../bench/corpus.js';
import { generate, type GenerateResult } from '../generator/index.js';
import { WorkerPool } from '../generator/parallel/pool.js';
import { workerCount } from '../generator/parallel/executor.js';
import { probes } from '../generator/probes.js';
import { REPO, removeDir, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([path, file]) => [path, file.content]));
const outcome = (result: GenerateResult) => ({ ok: result.ok, diagnostics: result.diagnostics, specs: result.specs, files: result.files });

/** A corpus of its own for a test: `n` integrations on 4 capabilities (small, but several specs per worker). */
function corpus(label: string, n: number): { root: string; info: CorpusInfo } {
  const root = scratchDir(label);
  scratch.push(root);
  return { root, info: buildCorpus(root, n, DEFAULT_SEED, 4) };
}

describe('a run on worker threads', () => {
  it('writes the same bytes and reports the same result as a run in one thread', async () => {
    const { root } = corpus('parallel-corpus', 16);
    const one = await generate({ root, out: 'out-one', workers: 0, cache: false });
    const two = await generate({ root, out: 'out-two', workers: 2, cache: false });
    expect(one.ok).toBe(true);
    expect(outcome(two)).toEqual(outcome(one));
    const [a, b] = [contents(join(root, 'out-one')), contents(join(root, 'out-two'))];
    expect(Object.keys(a).length).toBeGreaterThan(16 * 8);
    expect(b).toEqual(a);
  }, 120_000);

  it("produces this repository's generated/ exactly (check mode finds no drift)", async () => {
    const result = await generate({ root: REPO, mode: 'check', workers: 2, cache: false });
    expect(result.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(result.ok).toBe(true);
  }, 60_000);

  it('reports broken specs exactly as one thread does (codes, positions, messages), and writes nothing', async () => {
    const { root, info } = corpus('parallel-broken', 8);
    // A semantic version that is not one (a rule run on a worker) and a required config key the
    // example lacks (an ajv check of the example against its compiled schema, on a worker too).
    const [first, second] = info.integrations.map((i) => i.file);
    const edit = (file: string, change: (text: string) => string) => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(change(text)).not.toBe(text);
      writeFiles(root, { [file]: change(text) });
    };
    edit(first!, (text) => text.replace(/version: "(\d+\.\d+\.\d+)",\n    category/, 'version: "v$1",\n    category'));
    edit(second!, (text) => text.replace(/required: \[/, 'required: ["notInTheExample", '));
    const one = await generate({ root, out: 'out-one', workers: 0, cache: false });
    const two = await generate({ root, out: 'out-two', workers: 2, cache: false });
    expect(one.ok).toBe(false);
    expect(one.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG115', file: join(root, first!), line: expect.any(Number) }));
    expect(one.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG121', file: join(root, second!), line: expect.any(Number) }));
    expect(outcome(two)).toEqual(outcome(one));
    expect(existsSync(join(root, 'out-two'))).toBe(false);
  }, 60_000);

  it('reports a broken template override from a worker with its own file and line (CG201)', async () => {
    const { root } = corpus('parallel-template', 4);
    writeFiles(root, { 'overrides/integration/index.ts.hbs': '// {{key}}\n{{#each artifacts}}\n{{this}}\n' });
    const one = await generate({ root, out: 'out-one', templates: ['overrides'], workers: 0, cache: false });
    const two = await generate({ root, out: 'out-two', templates: ['overrides'], workers: 2, cache: false });
    const failure = one.diagnostics.find((d) => d.code === 'CG201');
    expect(failure?.file).toBe(join(root, 'overrides/integration/index.ts.hbs'));
    expect(failure?.line).toBe(2);
    expect(outcome(two)).toEqual(outcome(one));
    expect(existsSync(join(root, 'out-two'))).toBe(false);
  }, 60_000);
});

describe('workerCount', () => {
  it('uses no thread for small runs, one per core but one for big ones, and what it is told otherwise', () => {
    expect(workerCount('auto', 5)).toBe(0);
    expect(workerCount('auto', 100)).toBe(0);
    const cores = availableParallelism();
    expect(workerCount('auto', 1000)).toBe(cores > 1 ? Math.min(cores - 1, 4) : 0);
    expect(workerCount('auto', 0)).toBe(0);
    expect(workerCount(3, 1)).toBe(3);
    expect(workerCount(0, 1000)).toBe(0);
    expect(workerCount(2, 0)).toBe(0);
  });
});

describe('WorkerPool', () => {
  const settings = (root: string) => ({ plan: { root, packages: [], outDir: join(root, 'generated'), runtimeImport: '@contractgen/runtime' }, artifacts: [], specFiles: [], inputRoots: [root] });

  it('fails the tasks still pending when closed, and refuses new ones', async () => {
    const pool = new WorkerPool(1, settings(REPO));
    const pending = pool.run({ kind: 'spec', file: join(REPO, 'adapters/twilio/specs/capabilities/sms-outbound.ts'), specKind: 'capability' });
    await pool.close();
    await expect(pending).rejects.toThrow(/closed/);
    await expect(pool.run({ kind: 'adapters', files: [] })).rejects.toThrow(/closed/);
  });

  it('answers a spec task with what the same task gives in this thread', async () => {
    const file = join(REPO, 'adapters/twilio/specs/capabilities/sms-outbound.ts');
    const pool = new WorkerPool(1, settings(REPO));
    try {
      const { timings: _onWorkerTimings, ...onWorker } = await pool.run({ kind: 'spec', file, specKind: 'capability' });
      const { SpecFileProcessor } = await import('../generator/pipeline/spec-file.js');
      const { timings: _timings, ...inThread } = await new SpecFileProcessor(settings(REPO)).process(file, 'capability');
      expect(onWorker).toEqual(inThread);
      expect(onWorker.summaries.map((s) => s.key)).toEqual(['sms.outbound']);
    } finally {
      await pool.close();
    }
  });
});

describe('a worker that dies', () => {
  /** A run on two worker threads, each of which imports test/support/dying-worker.mjs with `parameters` first (a probe: generator/probes.ts). */
  async function runWithDyingWorker(root: string, out: string, parameters: Record<string, string>): Promise<GenerateResult> {
    probes.workerModule = `${pathToFileURL(join(REPO, 'test/support/dying-worker.mjs')).href}?${new URLSearchParams(parameters)}`;
    try {
      return await generate({ root, out, workers: 2, cache: false });
    } finally {
      delete probes.workerModule;
    }
  }

  it('has its tasks retried on another worker: a file that killed one worker once is processed, and the output is the same', async () => {
    const { root, info } = corpus('parallel-dies-once', 6);
    const victim = basename(info.integrations[3]!.file);
    const marker = join(root, 'died');
    // The run without the fault in one thread: any number of workers gives the same (tested above).
    const normal = await generate({ root, out: 'out-normal', workers: 0, cache: false });
    const retried = await runWithDyingWorker(root, 'out-retried', { dieOn: victim, once: marker });
    expect(readFileSync(marker, 'utf8'), 'no worker died').toContain(victim);
    expect(normal.ok).toBe(true);
    expect(outcome(retried)).toEqual(outcome(normal));
    expect(contents(join(root, 'out-retried'))).toEqual(contents(join(root, 'out-normal')));
  }, 60_000);

  it('a file that kills a second worker is a located CG109, not a crashed run, and nothing is written', async () => {
    const { root, info } = corpus('parallel-dies', 6);
    const victim = info.integrations[3]!.file;
    const killed = await runWithDyingWorker(root, 'out', { dieOn: basename(victim) });
    expect(killed.ok).toBe(false);
    expect(killed.diagnostics).toEqual([expect.objectContaining({ code: 'CG109', file: join(root, victim), message: expect.stringMatching(/died twice/) })]);
    expect(existsSync(join(root, 'out'))).toBe(false);
  }, 60_000);
});
