/**
 * The input fuzzer, in the suite: a fixed seed and a fixed number of cases (`npm run fuzz` runs
 * 10,000 with a fresh seed). Cases are real specs with random edits, specs generated from odd
 * values, specs with catastrophic patterns, and real specs written over an output folder tampered
 * with (test/fuzz/kinds.ts); each runs on the same fresh project state and must end in success or
 * located diagnostics, never an exception, a hang, or a change in the project's parent folder
 * outside the output folder and build cache (test/fuzz/invariants.ts), and show what its kind
 * requires (a tampered output folder: CG307 where the writer's path rule refuses it). A handful also
 * go through the real CLI.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseKind } from './fuzz/case.js';
import { CASE_KINDS, fuzzCases } from './fuzz/kinds.js';
import { locatedByPathAlone, watchedTree } from './fuzz/invariants.js';
import { tamperingKind } from './fuzz/output-tampering.js';
import { runCases, type Finding } from './fuzz/pool.js';
import { FuzzProject } from './fuzz/project.js';
import { removeDir, runCli, scratchDir } from './support/workspace.js';

const SEED = 20_261_202;
const CASES = 100;
const scratch = scratchDir('fuzz');
afterAll(() => removeDir(scratch));

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.fuzzCase.label}\n  ${f.problem}`).join('\n');

describe('the input fuzzer', () => {
  it(`${CASES} cases (fixed seed): success or located diagnostics, no exception, hang or stray write, whatever ran before`, async () => {
    const cases = [...fuzzCases(SEED, CASES)];
    // A fifth of them again at the end, in reverse order: a case ends the same whatever ran before
    // it on its thread, so the counts of a seed are the same from run to run.
    const again = cases.filter((_, index) => index % 5 === 0).map((c) => ({ ...c, label: `${c.label} [again]` })).reverse();
    const report = await runCases([...cases, ...again], { threads: 2, caseTimeoutMs: 30_000, projectsDir: join(scratch, 'pool') });
    console.log(`fuzz: ${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s: ${report.ok} clean, ${report.withErrors} with diagnostics, ${report.written} wrote output`);
    expect(report.findings, describeFindings(report.findings)).toEqual([]);
    expect(report.cases).toBe(CASES + again.length);
    const differing = again.filter((c) => !isDeepStrictEqual(report.outcomes.get(c.label), report.outcomes.get(c.label.replace(/ \[again\]$/, ''))));
    expect(differing.map((c) => `${c.label}: ${report.outcomes.get(c.label)} vs ${report.outcomes.get(c.label.replace(/ \[again\]$/, ''))}`)).toEqual([]);
    // Never vacuous: both outcomes, output written included; every kind, and tampered output folders both refused and written.
    expect(report.ok).toBeGreaterThan(0);
    expect(report.withErrors).toBeGreaterThan(0);
    expect(report.written).toBeGreaterThan(0);
    const outcomesOf = (kind: CaseKind) => cases.filter((c) => c.kind === kind.name).map((c) => report.outcomes.get(c.label)!);
    expect(CASE_KINDS.filter((kind) => outcomesOf(kind).length === 0).map((kind) => kind.name)).toEqual([]);
    expect(outcomesOf(tamperingKind).filter((outcome) => outcome.includes('error CG307')).length).toBeGreaterThan(0);
    expect(outcomesOf(tamperingKind).filter((outcome) => outcome.startsWith('ok')).length).toBeGreaterThan(0);
  }, 240_000);

  it('through the real CLI: exit 0 or 1 with every error located, never an internal error, nothing changed beside the project', async () => {
    const project = new FuzzProject(join(scratch, 'cli'));
    await project.warmUp();
    for (const fuzzCase of fuzzCases(SEED + 1, 3)) {
      project.prepare(fuzzCase);
      const before = watchedTree(project.watched, project.root);
      const run = runCli(['generate', '--reporter', 'json'], project.root, {}, 60_000);
      expect(run.stderr, fuzzCase.label).not.toContain('internal error');
      expect([0, 1], `${fuzzCase.label}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string; file?: string; line?: number }[] };
      const unlocated = diagnostics.filter((d) => d.severity === 'error' && !(d.file && d.line) && !locatedByPathAlone(d));
      expect(unlocated, fuzzCase.label).toEqual([]);
      expect(watchedTree(project.watched, project.root), fuzzCase.label).toEqual(before);
    }
  }, 300_000);
});
