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
import { workerCount } from '../generator/parallel/workers.js';
import { REPO, removeDir, scratchDir, snapshot, writeFiles } from './support/workspace.js';

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
  it('uses no thread for small runs, one per core for big ones, and what it is told otherwise', () => {
    expect(workerCount('auto', 5)).toBe(0);
    expect(workerCount('auto', 100)).toBe(0);
    const cores = availableParallelism();
    expect(workerCount('auto', 1000)).toBe(cores > 1 ? Math.min(cores, 4) : 0);
    expect(workerCount('auto', 0)).toBe(0);
    expect(workerCount(3, 1)).toBe(3);
    expect(workerCount(0, 1000)).toBe(0);
    expect(workerCount(2, 0)).toBe(0);
  });
});

describe('WorkerPool', () => {
  it('fails the tasks still pending when closed, and refuses new ones', async () => {
    const pool = new WorkerPool(1);
    const pending = pool.run({ type: 'rules', kind: 'capability', value: {} });
    await pool.close();
    await expect(pending).rejects.toThrow(/closed/);
    await expect(pool.run({ type: 'rules', kind: 'capability', value: {} })).rejects.toThrow(/closed/);
  });

  it('answers a rules task with the findings the rules give in this thread', async () => {
    const pool = new WorkerPool(1);
    try {
      const { findings } = await pool.run({ type: 'rules', kind: 'capability', value: { meta: { key: 'x' } } });
      const { capabilityFindings } = await import('../generator/spec/rules.js');
      expect(findings).toEqual(capabilityFindings({ meta: { key: 'x' } }));
      expect(findings.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});

