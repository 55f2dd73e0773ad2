/**
 * Worker threads change where the per-spec work runs (rules, emitting), never what a run produces:
 * the same bytes, the same diagnostics, the same failures, as in one thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../bench/corpus.js';
import { projectOptions } from '../generator/config/resolve.js';
import { generate, type GenerateResult } from '../generator/index.js';
import { WorkerPool } from '../generator/parallel/pool.js';
import { workerCount } from '../generator/parallel/executor.js';
import { REPO, removeDir, runCli, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([path, file]) => [path, file.content]));
const outcome = (result: GenerateResult) => ({ ok: result.ok, diagnostics: result.diagnostics, specs: result.specs, files: result.files });

let corpus: string;
beforeAll(() => {
  corpus = scratchDir('parallel-corpus');
  scratch.push(corpus);
  buildCorpus(corpus, 24);
});

describe('a run on worker threads', () => {
  it('writes the same bytes and reports the same result as a run in one thread', async () => {
    const one = await generate({ root: corpus, out: 'out-one', workers: 0, cache: false });
    const two = await generate({ root: corpus, out: 'out-two', workers: 2, cache: false });
    expect(one.ok).toBe(true);
    expect(outcome(two)).toEqual(outcome(one));
    const [a, b] = [contents(join(corpus, 'out-one')), contents(join(corpus, 'out-two'))];
    expect(Object.keys(a).length).toBeGreaterThan(24 * 8);
    expect(b).toEqual(a);
  }, 120_000);

  it("produces this repository's generated/ exactly (check mode finds no drift)", async () => {
    const result = await generate({ ...(await projectOptions(REPO)), mode: 'check', workers: 2, cache: false });
    expect(result.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(result.ok).toBe(true);
  }, 60_000);

  it('reports broken specs exactly as one thread does (codes, positions, messages), and writes nothing', async () => {
    const root = scratchDir('parallel-broken');
    scratch.push(root);
    buildCorpus(root, 12);
    // A semantic version that is not one (a rule run on a worker) and a required config key the
    // example lacks (an ajv check of the example against its compiled schema, on a worker too).
    const first = join(root, 'specs/integrations/p0-ripple.ts');
    writeFiles(root, { 'specs/integrations/p0-ripple.ts': readFileSync(first, 'utf8').replace(/version: "(\d+\.\d+\.\d+)",\n    category/, 'version: "v$1",\n    category') });
    const second = join(root, 'specs/integrations/p1-yonder.ts');
    writeFiles(root, { 'specs/integrations/p1-yonder.ts': readFileSync(second, 'utf8').replace(/required: \[/, 'required: ["notInTheExample", ') });
    const one = await generate({ root, out: 'out-one', workers: 0, cache: false });
    const two = await generate({ root, out: 'out-two', workers: 2, cache: false });
    expect(one.ok).toBe(false);
    const codes = one.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);
    expect(codes).toContainEqual(expect.stringMatching(/^CG11\d .*p0-ripple\.ts:\d+$/));
    expect(codes).toContainEqual(expect.stringMatching(/^CG121 .*p1-yonder\.ts:\d+$/));
    expect(outcome(two)).toEqual(outcome(one));
    expect(existsSync(join(root, 'out-two'))).toBe(false);
  }, 60_000);

  it('reports a broken template override from a worker with its own file and line (CG201)', async () => {
    const root = scratchDir('parallel-template');
    scratch.push(root);
    buildCorpus(root, 4);
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
  const settings = (root: string) => ({ plan: { root, packages: [], artifacts: [], outDir: join(root, 'generated') }, specFiles: [], inputRoots: [root] });

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
  it('has its tasks retried on another worker; a file that kills a second worker is a located CG109, and the rest of the run is unaffected', async () => {
    const root = scratchDir('parallel-dies');
    scratch.push(root);
    buildCorpus(root, 8);
    const run = (env: Record<string, string>) => runCli(['generate', '--workers', '2', '--no-cache', '--reporter', 'json', '--out', 'out'], root, env);
    const killed = run({ CONTRACTGEN_TEST_WORKER_DIES_ON: 'p3-lumen.ts' });
    const report = JSON.parse(killed.stdout) as { ok: boolean; diagnostics: { code: string; file?: string; message: string }[] };
    expect(killed.code).toBe(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'CG109', file: expect.stringMatching(/p3-lumen\.ts$/), message: expect.stringMatching(/died twice/) })]);
    expect(existsSync(join(root, 'out'))).toBe(false);
    // Without the fault the same run succeeds.
    expect(run({}).code).toBe(0);
  }, 60_000);
});
