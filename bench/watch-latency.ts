/**
 * Watch latency (issue 17, item 4): one spec saved while `contractgen generate --watch` runs, timed
 * from the save to the run's summary line (every output, the manifest included, is on disk by then),
 * with the time the spec's docs page showed the edit as information. The baseline is the same edit
 * made by a fresh `contractgen generate` process (what the watch saves), on a copy of the corpus so
 * that the watcher does not see it, interleaved run by run with the watched edits.
 *
 *   npx tsx bench/watch-latency.ts --dir <generated corpus> --spec <file> --title <title> [--runs 3] [--json]
 *   npx tsx bench/watch-latency.ts [--n 1000] [--runs 3] [--json]   (builds corpus B under bench/.corpus/)
 *
 * The first edit after the watch starts is reported apart (`firstMs`): it is measured after the
 * watch settled (its first run done and the pipeline loaded in the background), like the others.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpusB } from './corpus-b.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'generator', 'bin', 'contractgen.js');
const SUMMARY = /contractgen generate: [^\n]*\((\d+) ms\)\n/g;
const SETTLE_MS = 1_500;

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    spec: { type: 'string' },
    title: { type: 'string' },
    key: { type: 'string' },
    n: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const log = (message: string) => process.stderr.write(`${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;

/**
 * CPU time a process has used, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms), NaN elsewhere.
 * On a machine shared with other work the wall time of a run grows with the load; its CPU time much less.
 */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The corpus to edit: given, or corpus B built and generated here. */
function corpus(): { dir: string; spec: string; title: string; key: string } {
  if (values.dir && values.spec && values.title && values.key) return { dir: values.dir, spec: values.spec, title: values.title, key: values.key };
  const dir = join(REPO, 'bench', '.corpus', `watch-b${values.n}`);
  rmSync(dir, { recursive: true, force: true });
  const info = buildCorpusB(dir, Number(values.n));
  const victim = info.integrations[info.integrations.length >> 1]!;
  generateOnce(dir);
  return { dir, spec: victim.file, title: victim.title, key: victim.key };
}

function generateOnce(dir: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, [CLI, 'generate', '--quiet'], { cwd: dir, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`contractgen generate exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return performance.now() - start;
}

/** The spec's source with its title replaced (the corpora write it in single or double quotes). */
function retitled(source: string, title: string, next: string): string {
  for (const quoted of [JSON.stringify(title), `'${title}'`]) if (source.includes(`title: ${quoted}`)) return source.replace(`title: ${quoted}`, `title: ${JSON.stringify(next)}`);
  throw new Error(`cannot find the title ${JSON.stringify(title)} in the spec`);
}

async function main() {
  const { dir, spec, title, key } = corpus();
  // The baseline edits a copy: the watcher must not see its saves.
  const copy = `${dir}-oneshot`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true, filter: (source) => !source.includes(`${join(dir, 'node_modules')}`) });
  mkdirSync(join(copy, 'node_modules'), { recursive: true });
  generateOnce(copy);
  const original = readFileSync(join(dir, spec), 'utf8');
  const docsPage = join(dir, 'generated', 'docs', 'integrations', `${key}.md`);

  const child = spawn(process.execPath, [CLI, 'generate', '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const summaries = () => [...output.matchAll(SUMMARY)];
  const until = async (what: string, done: () => boolean, timeoutMs = 120_000) => {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
      await sleep(2);
    }
  };
  const watched: { ms: number; docsMs: number; printedMs: number; cpuMs: number }[] = [];
  const oneShot: number[] = [];
  try {
    await until('the watch to start', () => output.includes('watching for changes'));
    await sleep(SETTLE_MS * 2);
    for (let run = 0; run <= runs; run++) {
      const next = `${title} (watch edit ${run + 1})`;
      const seen = summaries().length;
      const cpuBefore = cpuMsOf(child.pid!);
      const start = performance.now();
      writeFileSync(join(dir, spec), retitled(original, title, next));
      let docsMs = NaN;
      await until('the watched run', () => {
        if (Number.isNaN(docsMs) && readFileSync(docsPage, 'utf8').includes(next)) docsMs = performance.now() - start;
        return summaries().length > seen;
      });
      const ms = performance.now() - start;
      const printed = summaries()[seen]!;
      if (!/ 1 written|[1-9] written/.test(printed[0]) || !readFileSync(docsPage, 'utf8').includes(next)) throw new Error(`the watched run did not write the edit: ${printed[0]}`);
      watched.push({ ms, docsMs: Number.isNaN(docsMs) ? ms : docsMs, printedMs: Number(printed[1]), cpuMs: cpuMsOf(child.pid!) - cpuBefore });
      log(`  watch edit ${run + 1}: ${ms.toFixed(0)} ms to the summary line (docs page at ${watched.at(-1)!.docsMs.toFixed(0)} ms, run printed ${printed[1]} ms, ${watched.at(-1)!.cpuMs} ms of CPU)`);
      await sleep(SETTLE_MS);
      // The same edit by a fresh process, on the copy (after the first, warm-up, edit).
      if (run > 0) {
        writeFileSync(join(copy, spec), retitled(original, title, next));
        oneShot.push(generateOnce(copy));
        log(`  one-shot edit ${run}: ${oneShot.at(-1)!.toFixed(0)} ms`);
        await sleep(SETTLE_MS / 3);
      }
    }
  } finally {
    child.kill('SIGTERM');
    writeFileSync(join(dir, spec), original);
    rmSync(copy, { recursive: true, force: true });
  }
  const [first, ...rest] = watched;
  const result = { runs: rest.length, ms: median(rest.map((r) => r.ms)), docsMs: median(rest.map((r) => r.docsMs)), printedMs: median(rest.map((r) => r.printedMs)), cpuMs: median(rest.map((r) => r.cpuMs)), firstMs: first!.ms, oneShotMs: median(oneShot), samples: rest, oneShot, load: loadavg() };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else log(`watch: one edit reaches disk in ${result.ms.toFixed(0)} ms (median of ${result.runs}; ${result.cpuMs} ms of CPU; first edit ${result.firstMs.toFixed(0)} ms), a fresh process ${result.oneShotMs.toFixed(0)} ms: ${(result.ms / result.oneShotMs).toFixed(2)}x; load ${result.load.map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
