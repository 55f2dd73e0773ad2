/**
 * The long fuzz run: `npm run fuzz` (10,000 cases), or `tsx test/fuzz/run.ts --cases N --seed S
 * --threads T`. Prints progress and a summary (the same counts for the same seed and case count);
 * the first case of each kind of finding is saved under test/.tmp/fuzz-findings/ as JSON, which
 * `test/fuzz/replay.ts` runs again (its label says how to make it again: seed and index). Exit 1
 * on any finding.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from '../support/workspace.js';
import { fuzzCases } from './kinds.js';
import { runCases } from './pool.js';
import { saveCase } from './saved-case.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    threads: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    timeout: { type: 'string', default: '30000' },
  },
});
const [cases, seed, threads, timeout] = [Number(values.cases), Number(values.seed), Number(values.threads), Number(values.timeout)];
const scratch = join(REPO, 'test', '.tmp', `fuzz-run-${process.pid}`);
const findingsDir = join(REPO, 'test', '.tmp', 'fuzz-findings');

console.log(`fuzzing: ${cases} cases, seed ${seed}, ${threads} threads, ${timeout} ms per case`);
let done = 0;
/** Per kind: cases that ran to an outcome, and those that ended cleanly. */
const kinds = new Map<string, { cases: number; ok: number }>();
const report = await runCases(fuzzCases(seed, cases), {
  threads,
  caseTimeoutMs: timeout,
  projectsDir: scratch,
  onOutcome: (fuzzCase, outcome) => {
    const kind = kinds.get(fuzzCase.kind) ?? { cases: 0, ok: 0 };
    kinds.set(fuzzCase.kind, { cases: kind.cases + 1, ok: kind.ok + (outcome.ok ? 1 : 0) });
    if (++done % 1000 === 0) console.log(`  ${done} cases`);
  },
});
rmSync(scratch, { recursive: true, force: true });

console.log(`${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s (${(report.ms / report.cases).toFixed(1)} ms per case on ${threads} threads): ${report.ok} generated or validated cleanly, ${report.withErrors} ended in located diagnostics, ${report.written} wrote output`);
console.log(`by kind: ${[...kinds].map(([name, kind]) => `${name} ${kind.cases} (${kind.ok} clean)`).join(', ')}`);
if (report.findings.length === 0) {
  console.log('no findings');
  process.exit(0);
}
mkdirSync(findingsDir, { recursive: true });
const byProblem = new Map<string, typeof report.findings>();
for (const finding of report.findings) {
  const kind = finding.problem.replace(/"[^"]*"/g, '"…"').slice(0, 160);
  byProblem.set(kind, [...(byProblem.get(kind) ?? []), finding]);
}
for (const [kind, findings] of byProblem) {
  const first = findings[0]!;
  const file = join(findingsDir, `${first.fuzzCase.label.match(/^#(\d+)/)?.[1] ?? 'case'}-${seed}.json`);
  writeFileSync(file, saveCase(first.fuzzCase));
  console.log(`FINDING (${findings.length}x): ${kind}\n  first: ${first.fuzzCase.label}\n  ${first.problem.slice(0, 1500)}\n  saved: ${file}`);
}
process.exit(1);
