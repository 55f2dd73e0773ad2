/**
 * The input fuzzer, in the suite: a fixed seed, a few hundred cases within about ten seconds
 * (`npm run fuzz` runs 10,000 with a fresh seed). Cases are real specs with random edits and
 * specs generated from odd values (test/fuzz/); each must end in success or located diagnostics,
 * never an exception, a hang or a write outside the output folder (test/fuzz/invariants.ts).
 * A handful also go through the real CLI.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCases, type FuzzCase } from './fuzz/arbitraries.js';
import { runCases, type Finding } from './fuzz/pool.js';
import { FuzzProject } from './fuzz/project.js';
import { loadSeeds } from './fuzz/seeds.js';
import { removeDir, runCli, scratchDir } from './support/workspace.js';

const SEED = 20_261_202;
const scratch = scratchDir('fuzz');
afterAll(() => removeDir(scratch));

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.fuzzCase.label}\n  ${f.problem}`).join('\n');

describe('the input fuzzer', () => {
  it('a few hundred cases (fixed seed, about 10 s): success or located diagnostics, no exception, hang or stray write', async () => {
    const report = await runCases(fuzzCases(loadSeeds(), SEED, 400), { threads: 2, caseTimeoutMs: 20_000, budgetMs: 10_000, projectsDir: join(scratch, 'pool') });
    console.log(`fuzz: ${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s: ${report.ok} clean, ${report.withErrors} with diagnostics, ${report.written} wrote output`);
    expect(report.findings, describeFindings(report.findings)).toEqual([]);
    // Time-bounded, but never vacuous: enough cases, and both outcomes, output written included.
    expect(report.cases).toBeGreaterThanOrEqual(100);
    expect(report.ok).toBeGreaterThan(0);
    expect(report.withErrors).toBeGreaterThan(0);
    expect(report.written).toBeGreaterThan(0);
  }, 120_000);

  it('through the real CLI: exit 0 or 1 with every error located, never an internal error', async () => {
    const cases: FuzzCase[] = [...fuzzCases(loadSeeds(), SEED + 1, 3)];
    const project = new FuzzProject(join(scratch, 'cli'));
    for (const fuzzCase of cases) {
      await project.run({ ...fuzzCase, mode: 'validate' }); // writes the case's spec file into the project
      const run = runCli(['generate', '--reporter', 'json'], project.root, {}, 60_000);
      expect(run.stderr, fuzzCase.label).not.toContain('internal error');
      expect([0, 1], `${fuzzCase.label}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { severity: string; file?: string; line?: number }[] };
      for (const d of diagnostics.filter((x) => x.severity === 'error')) expect(d.file && d.line, `${fuzzCase.label}: ${JSON.stringify(d)}`).toBeTruthy();
    }
  }, 300_000);
});
