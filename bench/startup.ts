/**
 * CLI start-up: `contractgen check` on this repository's specs with nothing to do, against
 * `node -e 0`, run alternately as fresh processes (so both see the same machine load) after one
 * warm-up run each. Prints the medians and their ratio (the bar: <= 3x).
 *
 *   npx tsx bench/startup.ts [--runs 21] [--json]   (--json: one JSON line, for bench/run.ts)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'generator', 'bin', 'contractgen.js');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 21;

function timed(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const node: number[] = [];
const check: number[] = [];
timed(['-e', '0']);
timed([CLI, 'check']);
for (let i = 0; i < runs; i++) {
  node.push(timed(['-e', '0']));
  check.push(timed([CLI, 'check']));
}
const ratio = median(check) / median(node);
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ checkMs: median(check), nodeMs: median(node), runs })}\n`);
else {
  process.stdout.write(
    `| CLI start-up: \`contractgen check\`, nothing to do (${runs} runs each, alternating) | ${median(check).toFixed(0)} ms | \`node -e 0\` ${median(node).toFixed(0)} ms | ${ratio.toFixed(2)}x | <= 3x | ${ratio <= 3 ? 'yes' : 'no'} |\n`,
  );
}
