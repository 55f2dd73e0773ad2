/**
 * `npm run bench`: the benchmarks of issues 5, 10, 11 and 17 (watch). Builds two synthetic corpora (A:
 * bench/corpus.ts at N = 100 and N = --n; B: bench/corpus-b.ts, shaped differently, at N),
 * measures contractgen against its baselines in the same run, and prints one row per bar with
 * whether it holds. Every process-level figure is a fresh child process timed from spawn to exit;
 * the figure quoted is the median of its runs (the run count is shown next to it).
 *
 *   npm run bench                      # default: N = 1000, up to 5 runs per figure, 30 s budget per series
 *   npm run bench -- --budget 0        # exactly --runs runs of everything (slow while the generator is slow)
 *   npm run bench -- --quick           # one run of everything, shorter runtime loops
 *   npm run bench -- --n 1000 --runs 5 --seed 20240611
 *   npm run bench -- --growth-n 10000  # plus one cold run of corpus A at N = 10,000 (minutes)
 *
 * A series (e.g. "no-op regeneration at N = 1000") stops repeating once it has used its time
 * budget, after at least --min-runs runs; --budget 0 turns that off. Results also go to
 * bench/.corpus/results.json (nothing under bench/.corpus is committed).
 *
 * Not part of CI: it takes minutes and its figures depend on the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, DEFAULT_SEED, type CorpusInfo } from './corpus.js';
import { buildCorpusB } from './corpus-b.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_ROOT = join(REPO, 'bench', '.corpus');
const CLI = join(REPO, 'generator', 'bin', 'contractgen.js');
const JSON2TS = join(REPO, 'node_modules', '.bin', 'json2ts');
const TIME = '/usr/bin/time';
const SMALL_N = 100;

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  n: number;
  runs: number;
  minRuns: number;
  budgetMs: number;
  quick: boolean;
  seed: number;
  /** One extra cold run of corpus A at this N for the growth row (0: none). */
  growthN: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { n: 1000, runs: 5, minRuns: 1, budgetMs: 30_000, quick: false, seed: DEFAULT_SEED, growthN: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${arg} needs a number`);
      return v;
    };
    if (arg === '--n') options.n = Math.floor(value());
    else if (arg === '--runs') options.runs = Math.max(1, Math.floor(value()));
    else if (arg === '--min-runs') options.minRuns = Math.max(1, Math.floor(value()));
    else if (arg === '--budget') options.budgetMs = value() * 1000;
    else if (arg === '--seed') options.seed = Math.floor(value());
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--growth-n') options.growthN = Math.floor(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench -- [--n 1000] [--runs 5] [--min-runs 1] [--budget 30 (s per series, 0 = off)] [--quick] [--seed N] [--growth-n 10000]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (options.quick) {
    options.runs = 1;
    options.minRuns = 1;
  }
  options.minRuns = Math.min(options.minRuns, options.runs);
  if (options.n < 1) throw new Error('--n must be at least 1');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Child processes

interface ChildResult {
  readonly ms: number;
  /** Peak resident set size of the child, in MB (from /usr/bin/time), when available. */
  readonly rssMb?: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const hasTime = existsSync(TIME);
let timeFileCounter = 0;

/** Spawns `command` (no shell), wall time from spawn to exit; peak RSS through /usr/bin/time if present. */
function runChild(command: string, args: readonly string[], cwd: string, options: { rss?: boolean } = {}): Promise<ChildResult> {
  const measureRss = options.rss !== false && hasTime;
  const timeFile = join(CORPUS_ROOT, `.time-${process.pid}-${timeFileCounter++}`);
  const [file, argv] = measureRss ? [TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let rssMb: number | undefined;
      if (measureRss) {
        try {
          // "%M" is the peak RSS in KB; on failure GNU time writes "Command exited with ..." first.
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          const kb = Number(lines[lines.length - 1]);
          if (Number.isFinite(kb)) rssMb = kb / 1024;
        } catch {
          rssMb = undefined;
        }
        rmSync(timeFile, { force: true });
      }
      resolvePromise({ ms, rssMb, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A TypeScript (or .mjs) script of bench/ run under tsx, the loader contractgen's own CLI uses. */
function runScript(script: string, args: readonly string[], cwd = REPO): Promise<ChildResult> {
  return runChild(process.execPath, ['--import', 'tsx', join(REPO, 'bench', script), ...args], cwd, { rss: false });
}

function expectOk(what: string, result: ChildResult): ChildResult {
  if (result.code !== 0) {
    throw new Error(`${what} exited with ${result.code}\n${result.stderr.slice(-4000)}${result.stdout.slice(-2000)}`);
  }
  return result;
}

function lastJsonLine<T>(what: string, text: string): T {
  const line = text.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${what} printed no JSON result:\n${text.slice(-2000)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Repetition and statistics

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Runs `once` up to --runs times; stops early once the series used its budget (after --min-runs). */
async function series<T>(label: string, options: Options, once: (run: number) => Promise<T>, describe: (result: T) => string): Promise<T[]> {
  const results: T[] = [];
  const start = performance.now();
  for (let run = 0; run < options.runs; run++) {
    const result = await once(run);
    results.push(result);
    log(`  ${label} run ${run + 1}: ${describe(result)}`);
    const spent = performance.now() - start;
    if (options.budgetMs > 0 && run + 1 >= options.minRuns && spent >= options.budgetMs && run + 1 < options.runs) {
      log(`  ${label}: budget of ${fmtS(options.budgetMs)} used after ${run + 1} run(s)`);
      break;
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// File-tree snapshots: which files did a run really write (independent of what it reports)

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path, { bigint: true });
        files.set(relative(dir, path), `${stat.ino}:${stat.mtimeNs}:${stat.size}`);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, stamp] of after) if (before.get(path) !== stamp) changed.push(path);
  for (const path of before.keys()) if (!after.has(path)) changed.push(`${path} (removed)`);
  return changed.sort();
}

// ---------------------------------------------------------------------------------------------
// contractgen runs

interface CliReport {
  readonly ok: boolean;
  readonly files: readonly { path: string; status: string }[];
  readonly diagnostics: readonly { severity: string; code: string; message: string }[];
  readonly timings?: Record<string, number>;
}

interface GenerateRun {
  readonly ms: number;
  readonly rssMb?: number;
  readonly report: CliReport;
  /** Files whose inode, mtime or size changed (or that appeared or went away) during the run. */
  readonly touched: string[];
  readonly reported: { written: number; removed: number; unchanged: number };
}

async function contractgen(corpus: CorpusInfo, command: 'generate' | 'check', extra: readonly string[] = []): Promise<GenerateRun> {
  const outDir = join(corpus.dir, 'generated');
  const before = snapshot(outDir);
  const result = await runChild(process.execPath, [CLI, command, '--specs', 'specs', '--out', 'generated', '--reporter', 'json', ...extra], corpus.dir);
  const report = (() => {
    try {
      return JSON.parse(result.stdout) as CliReport;
    } catch {
      throw new Error(`contractgen ${command} printed no JSON report (exit ${result.code}):\n${result.stderr.slice(-4000)}`);
    }
  })();
  if (result.code !== 0 || !report.ok) {
    const errors = report.diagnostics.filter((d) => d.severity === 'error').slice(0, 5);
    throw new Error(`contractgen ${command} failed (exit ${result.code}): ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}\n${result.stderr.slice(-2000)}`);
  }
  const count = (status: string) => report.files.filter((f) => f.status === status).length;
  return {
    ms: result.ms,
    rssMb: result.rssMb,
    report,
    touched: changedFiles(before, snapshot(outDir)),
    reported: { written: count('written'), removed: count('removed'), unchanged: count('unchanged') },
  };
}

async function json2ts(corpus: CorpusInfo): Promise<ChildResult & { files: number }> {
  const outDir = join(corpus.dir, 'json2ts-out');
  rmSync(outDir, { recursive: true, force: true });
  // The glob is passed as is (no shell): json2ts expands it. Default options, as users run it.
  const result = expectOk('json2ts', await runChild(JSON2TS, ['-i', join(corpus.schemasDir, '*.json'), '-o', outDir], REPO));
  const files = readdirSync(outDir).filter((f) => f.endsWith('.d.ts')).length;
  if (files !== corpus.integrations.length * 2) throw new Error(`json2ts wrote ${files} files, expected ${corpus.integrations.length * 2}`);
  return { ...result, files };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function fmtS(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}
function fmtMs(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? 'n/a' : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}
function fmtOps(ops: number | undefined): string {
  if (ops === undefined || !Number.isFinite(ops)) return 'n/a';
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)} M ops/s` : `${(ops / 1e3).toFixed(0)} k ops/s`;
}
function fmtRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '-' : `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}x`;
}
const runsNote = (count: number) => ` (n=${count})`;

interface Bar {
  readonly bar: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio?: number;
  readonly limit: string;
  /** null: informational or not measurable in this run. */
  readonly pass: boolean | null;
  readonly note?: string;
}

function table(rows: readonly Bar[]): string {
  const header = ['Bar', 'Measured', 'Baseline', 'Ratio', 'Limit', 'Result'];
  const cells = rows.map((r) => [r.bar, r.measured, r.baseline, fmtRatio(r.ratio), r.limit, r.pass === null ? (r.note ? 'n/a' : 'info') : r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Series on one corpus

/** Builds a corpus under bench/.corpus/<name>, without the output of earlier runs. */
function prepare(name: string, build: (dir: string) => CorpusInfo): CorpusInfo {
  const t = performance.now();
  const dir = join(CORPUS_ROOT, name);
  for (const sub of ['generated', 'json2ts-out', 'io-floor-out']) rmSync(join(dir, sub), { recursive: true, force: true });
  const corpus = build(dir);
  log(`corpus ${name}: ${corpus.integrations.length} integrations + ${corpus.capabilities.length} capabilities in ${relative(REPO, dir)} (${fmtS(performance.now() - t)})`);
  return corpus;
}

interface ColdPair {
  readonly b: ChildResult;
  readonly c: GenerateRun;
}

/** json2ts then a cold contractgen run, alternately, so machine noise hits both alike. */
function coldSeries(label: string, corpus: CorpusInfo, options: Options): Promise<ColdPair[]> {
  return series(
    `${label} json2ts + contractgen cold`,
    options,
    async () => {
      const b = await json2ts(corpus);
      rmSync(join(corpus.dir, 'generated'), { recursive: true, force: true });
      // Cold means cold: no build cache from an earlier run either (it would skip load and check).
      const c = await contractgen(corpus, 'generate', ['--timings', '--no-cache']);
      if (c.reported.written === 0) throw new Error('cold generation wrote no file');
      return { b, c };
    },
    ({ b, c }) => `json2ts ${fmtS(b.ms)}${b.rssMb ? ` ${b.rssMb.toFixed(0)} MB` : ''}, contractgen ${fmtS(c.ms)}${c.rssMb ? ` ${c.rssMb.toFixed(0)} MB` : ''}, ${c.reported.written} files`,
  );
}

/** One cold run of corpus A at --growth-n (N = 10,000 takes minutes: run once, for the table). */
async function growthRun(options: Options): Promise<GenerateRun> {
  const corpus = prepare(`n${options.growthN}`, (dir) => buildCorpus(dir, options.growthN, options.seed));
  const run = await contractgen(corpus, 'generate', ['--no-cache']);
  log(`  A n=${options.growthN} cold: ${fmtS(run.ms)}${run.rssMb ? `, ${run.rssMb.toFixed(0)} MB` : ''}, ${run.reported.written} files`);
  rmSync(corpus.dir, { recursive: true, force: true });
  return run;
}

/** A spec's source with its title replaced, whichever quotes the corpus writes it in. */
function retitled(source: string, title: string, next: string): string {
  for (const quoted of [JSON.stringify(title), `'${title}'`]) {
    if (source.includes(`title: ${quoted}`)) return source.replace(`title: ${quoted}`, `title: ${JSON.stringify(next)}`);
  }
  throw new Error(`cannot find the title ${JSON.stringify(title)} in the spec`);
}

interface Incremental {
  readonly noop: GenerateRun[];
  readonly checks: GenerateRun[];
  readonly oneChange: (GenerateRun & { unexpected: string[]; own: number })[];
  readonly victim: string;
}

/** No-op regeneration, check on an up-to-date tree, and one spec changed (its title), on a generated corpus. */
async function incrementalSeries(name: string, corpus: CorpusInfo, options: Options): Promise<Incremental> {
  const noop = await series(`${name} no-op regeneration`, options, () => contractgen(corpus, 'generate'), (r) => `${fmtS(r.ms)}, reported ${r.reported.written} written / ${r.reported.removed} removed, ${r.touched.length} files touched on disk`);
  const checks = await series(`${name} check`, options, () => contractgen(corpus, 'check'), (r) => `${fmtS(r.ms)}, ${r.touched.length} files touched`);
  const victim = corpus.integrations[Math.floor(corpus.integrations.length / 2)]!;
  const victimFile = join(corpus.dir, victim.file);
  const original = readFileSync(victimFile, 'utf8');
  const ownFile = (path: string) => path.startsWith(`integrations/${victim.key}/`) || path === `docs/integrations/${victim.key}.md`;
  const sharedFiles = new Set(['index.ts', 'docs/catalog.md', 'docs/catalog.json', '.contractgen-manifest.json']);
  try {
    const oneChange = await series(
      `${name} one spec changed (${victim.key})`,
      options,
      async (run) => {
        // A new title each run, so every run is a real one-spec change from the previous state.
        writeFileSync(victimFile, retitled(original, victim.title, `${victim.title} (edit ${run + 1})`));
        const result = await contractgen(corpus, 'generate');
        const touched = result.touched.filter((p) => !p.endsWith('(removed)'));
        return { ...result, own: touched.filter(ownFile).length, unexpected: result.touched.filter((p) => !ownFile(p) && !sharedFiles.has(p)) };
      },
      (r) => `${fmtS(r.ms)}, ${r.touched.length} files touched (${r.own} of ${victim.key}, ${r.touched.length - r.own - r.unexpected.length} registry/catalog/manifest, ${r.unexpected.length} other)`,
    );
    return { noop, checks, oneChange, victim: victim.key };
  } finally {
    writeFileSync(victimFile, original);
  }
}

const coldFigures = ({ b, c }: ColdPair) => ({ json2tsMs: b.ms, json2tsRssMb: b.rssMb, ms: c.ms, rssMb: c.rssMb, written: c.reported.written, timings: c.report.timings });
const incrementalFigures = ({ noop, checks, oneChange, victim }: Incremental) => ({
  noop: noop.map((r) => ({ ms: r.ms, reported: r.reported, touched: r.touched.length })),
  check: checks.map((r) => ({ ms: r.ms, touched: r.touched.length })),
  oneChange: { spec: victim, runs: oneChange.map((r) => ({ ms: r.ms, reported: r.reported, touched: r.touched, unexpected: r.unexpected })) },
});

function coldBars(name: string, n: number, pairs: readonly ColdPair[]): Bar[] {
  const coldMs = median(pairs.map((p) => p.c.ms));
  const json2tsMs = median(pairs.map((p) => p.b.ms));
  const rss = pairs.map((p) => p.c.rssMb).filter((v): v is number => v !== undefined);
  const json2tsRss = Math.max(0, ...pairs.map((p) => p.b.rssMb ?? 0));
  const peak = rss.length ? Math.max(...rss) : undefined;
  return [
    { bar: `Cold generation, ${name} N=${n}`, measured: fmtS(coldMs) + runsNote(pairs.length), baseline: `json2ts ${fmtS(json2tsMs)}`, ratio: coldMs / json2tsMs, limit: '<= 1.0x', pass: coldMs <= json2tsMs },
    {
      bar: `Peak RSS, cold ${name} N=${n}`,
      measured: peak === undefined ? 'n/a' : `${peak.toFixed(0)} MB (max of ${rss.length})`,
      baseline: json2tsRss ? `json2ts ${json2tsRss.toFixed(0)} MB` : '-',
      limit: '<= 250 MB',
      pass: peak === undefined ? null : peak <= 250,
      note: peak === undefined ? `${TIME} missing` : undefined,
    },
  ];
}

function incrementalBars(name: string, n: number, coldMs: number, { noop, checks, oneChange }: Incremental): Bar[] {
  const noopMs = median(noop.map((r) => r.ms));
  const noopTouched = Math.max(...noop.map((r) => r.touched.length + r.reported.written + r.reported.removed));
  const oneMs = median(oneChange.map((r) => r.ms));
  const unexpected = oneChange.reduce((sum, r) => sum + r.unexpected.length, 0);
  const ownWritten = Math.min(...oneChange.map((r) => r.own));
  const checkMs = median(checks.map((r) => r.ms));
  const checkTouched = Math.max(...checks.map((r) => r.touched.length));
  return [
    { bar: `No-op regeneration, ${name}`, measured: `${fmtS(noopMs)}${runsNote(noop.length)}, ${noopTouched} written`, baseline: `cold ${fmtS(coldMs)}`, ratio: noopMs / coldMs, limit: '<= 0.10x, 0 files', pass: noopMs / coldMs <= 0.1 && noopTouched === 0 },
    {
      bar: `One spec changed of ${n}, ${name}`,
      measured: `${fmtS(oneMs)}${runsNote(oneChange.length)}, ${oneChange[0]!.touched.length} written${unexpected ? `, ${unexpected} unexpected` : ''}`,
      baseline: `cold ${fmtS(coldMs)}`,
      ratio: oneMs / coldMs,
      limit: '<= 0.15x, its files + registry/catalog',
      pass: oneMs / coldMs <= 0.15 && unexpected === 0 && ownWritten > 0,
    },
    { bar: `check, up-to-date tree, ${name}`, measured: `${fmtS(checkMs)}${runsNote(checks.length)}, ${checkTouched} touched`, baseline: `cold ${fmtS(coldMs)}`, ratio: checkMs / coldMs, limit: '<= 0.10x', pass: checkMs / coldMs <= 0.1 && checkTouched === 0 },
  ];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  mkdirSync(CORPUS_ROOT, { recursive: true });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
  log(`contractgen bench: N=${options.n}, up to ${options.runs} run(s) per figure, budget ${options.budgetMs ? fmtS(options.budgetMs) : 'off'} per series`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, node ${machine.node}, load ${machine.loadAverage.join(' ')}`);
  if (!hasTime) log(`note: ${TIME} not found: peak memory is not measured (install GNU time: apt-get install time)`);

  // Corpora: A (bench/corpus.ts) at N = 100 and N, B (bench/corpus-b.ts, shaped differently) at N
  const sizes = [...new Set([SMALL_N, options.n])].sort((a, b) => a - b);
  const corpora = new Map<number, CorpusInfo>();
  for (const n of sizes) corpora.set(n, prepare(`n${n}`, (dir) => buildCorpus(dir, n, options.seed)));
  const corpusB = prepare(`b${options.n}`, (dir) => buildCorpusB(dir, options.n));
  const big = corpora.get(options.n)!;

  // Cold generation vs json2ts, interleaved so machine noise hits both alike ------------------
  const cold = new Map<number, ColdPair[]>();
  for (const n of sizes) cold.set(n, await coldSeries(`A n=${n}`, corpora.get(n)!, options));
  const coldB = await coldSeries(`B n=${options.n}`, corpusB, options);
  const coldBig = cold.get(options.n)!.map((p) => p.c);
  const coldMs = median(coldBig.map((r) => r.ms));
  const stageNames = [...new Set(coldBig.flatMap((r) => Object.keys(r.report.timings ?? {})))];
  const stages = Object.fromEntries(stageNames.map((s) => [s, median(coldBig.map((r) => r.report.timings?.[s] ?? 0))]));

  // Growth: one cold run at --growth-n (default off; the table's N = 10,000 row is one such run)
  const growthBig = options.growthN > 0 ? await growthRun(options) : undefined;

  // I/O floor: read the specs, write contractgen's bytes into an empty folder ----------------
  const floorRuns = await series(
    `A n=${options.n} I/O floor`,
    options,
    async () => {
      const target = join(big.dir, 'io-floor-out');
      rmSync(target, { recursive: true, force: true });
      const result = expectOk('io-floor', await runScript('io-floor.ts', [big.specsDir, join(big.dir, 'generated'), target]));
      const info = lastJsonLine<{ preloadMs: number; readMs: number; writeMs: number; files: number; bytes: number }>('io-floor', result.stdout);
      // The preload (reading the reference bytes) is harness setup, not part of the floor.
      return { ms: result.ms - info.preloadMs, ...info };
    },
    (r) => `${fmtS(r.ms)} (read ${fmtMs(r.readMs)}, write ${fmtMs(r.writeMs)}, ${r.files} files, ${(r.bytes / 2 ** 20).toFixed(1)} MB)`,
  );
  rmSync(join(big.dir, 'io-floor-out'), { recursive: true, force: true });
  const floorMs = median(floorRuns.map((r) => r.ms));

  // Incremental runs on both corpora ------------------------------------------------------------
  const incrementalA = await incrementalSeries('A', big, options);
  const incrementalB = await incrementalSeries('B', corpusB, options);

  // Watch: one spec saved while `generate --watch` runs, corpus B (bench/watch-latency.ts) -------
  const watchVictim = corpusB.integrations[Math.floor(corpusB.integrations.length / 2)]!;
  const watchLatency = lastJsonLine<{ ms: number; docsMs: number; firstMs: number; oneShotMs: number; runs: number; load: number[] }>(
    'watch-latency',
    expectOk(
      'watch latency bench',
      await runScript('watch-latency.ts', ['--dir', corpusB.dir, '--spec', watchVictim.file, '--title', watchVictim.title, '--key', watchVictim.key, '--runs', String(Math.max(options.runs, 3)), '--json']),
    ).stdout,
  );
  log(`  watch: a save reaches disk in ${fmtS(watchLatency.ms)} (median of ${watchLatency.runs}; first save ${fmtS(watchLatency.firstMs)}), a fresh process ${fmtS(watchLatency.oneShotMs)}`);

  // Runtime: import cost ----------------------------------------------------------------------
  const clientModule = 'generated/integrations/sms.twilio/client.ts';
  const importRuns = options.quick ? 3 : Math.max(options.runs, 7);
  const imports: Record<'client' | 'twilio', number[]> = { client: [], twilio: [] };
  const importOnce = async (which: 'client' | 'twilio') => {
    const result = expectOk(`import ${which}`, await runScript('import-cost.mjs', [which === 'client' ? clientModule : 'twilio']));
    return lastJsonLine<{ ms: number }>('import-cost', result.stdout).ms;
  };
  // Warm-up (OS file cache, tsx's transform cache), then alternate the two.
  await importOnce('client');
  await importOnce('twilio');
  for (let i = 0; i < importRuns; i++) {
    for (const which of i % 2 ? (['twilio', 'client'] as const) : (['client', 'twilio'] as const)) imports[which].push(await importOnce(which));
  }
  const clientImportMs = median(imports.client);
  const twilioImportMs = median(imports.twilio);
  log(`  import: generated client ${fmtMs(clientImportMs)}, twilio ${fmtMs(twilioImportMs)} (n=${importRuns} each)`);

  // Runtime: a send through client + adapter vs the SDK directly ------------------------------
  const sendArgs = options.quick ? ['--sends', '100', '--warmup', '20'] : ['--sends', '300', '--warmup', '50'];
  const send = lastJsonLine<{ available: boolean; reason?: string; generatedMeanMs?: number; directMeanMs: number; sends: number }>(
    'send',
    expectOk('send bench', await runScript('send.ts', sendArgs)).stdout,
  );
  log(`  send: generated ${fmtMs(send.generatedMeanMs)}, direct ${fmtMs(send.directMeanMs)} per send (${send.sends} sends each)${send.available ? '' : ` - generated path not available: ${send.reason}`}`);

  // Runtime: a send on the Redis store, and with tracing on (issue 19) ------------------------
  const fleet = lastJsonLine<{ sends: number; memoryMs: number; redisMs: number; tracingOnMs: number }>(
    'fleet-overhead',
    expectOk('fleet overhead bench', await runScript('fleet-overhead.ts', sendArgs)).stdout,
  );
  log(`  send: in-memory store ${fmtMs(fleet.memoryMs)}, Redis store ${fmtMs(fleet.redisMs)}, tracing on ${fmtMs(fleet.tracingOnMs)} per send (${fleet.sends} sends each)`);

  // Runtime: generated validator vs ajv -------------------------------------------------------
  const validatorArgs = options.quick ? ['--rounds', '5', '--ms', '100'] : ['--rounds', '11', '--ms', '200'];
  type ValidatorResult = { generatedIs: number; generatedValidate: number; ajv: number; ajvSame: number; validator: string; schemaBytes: number };
  const twilioValidator = lastJsonLine<ValidatorResult>('validator', expectOk('validator bench', await runScript('validator.ts', validatorArgs)).stdout);
  // A rich schema too: the largest config schema of the small corpus (nested objects, $ref, patterns, formats).
  const small = corpora.get(SMALL_N)!;
  const richKey = readdirSync(small.schemasDir)
    .filter((f) => f.endsWith('.config.json'))
    .map((f) => ({ key: f.slice(0, -'.config.json'.length), size: statSync(join(small.schemasDir, f)).size }))
    .sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1))[0]!.key;
  const richSpec = small.integrations.find((i) => i.key === richKey)!;
  // Rebuilding the corpora above left n=100's generated output from its cold runs in place.
  const richValidator = lastJsonLine<ValidatorResult>(
    'validator',
    expectOk(
      'validator bench (rich)',
      await runScript('validator.ts', [...validatorArgs, '--spec', join(small.dir, richSpec.file), '--validators', join(small.dir, 'generated', 'integrations', richKey, 'validators.ts')]),
    ).stdout,
  );
  log(`  validator ${twilioValidator.validator}: is ${fmtOps(twilioValidator.generatedIs)}, validate ${fmtOps(twilioValidator.generatedValidate)}, ajv ${fmtOps(twilioValidator.ajv)}, ajv same options ${fmtOps(twilioValidator.ajvSame)}`);
  log(`  validator ${richValidator.validator}: is ${fmtOps(richValidator.generatedIs)}, validate ${fmtOps(richValidator.generatedValidate)}, ajv ${fmtOps(richValidator.ajv)}, ajv same options ${fmtOps(richValidator.ajvSame)}`);

  // Bars --------------------------------------------------------------------------------------
  const N = options.n;
  const bars: Bar[] = [];
  for (const [name, pairs, incremental] of [
    ['A', cold.get(N)!, incrementalA],
    ['B', coldB, incrementalB],
  ] as const) {
    const corpusColdMs = median(pairs.map((p) => p.c.ms));
    bars.push(...coldBars(name, N, pairs), ...incrementalBars(name, N, corpusColdMs, incremental));
  }
  bars.push({
    bar: `Watch: one spec saved, B N=${N}`,
    measured: `${fmtS(watchLatency.ms)}${runsNote(watchLatency.runs)}, first save ${fmtS(watchLatency.firstMs)}`,
    baseline: `fresh process ${fmtS(watchLatency.oneShotMs)}`,
    ratio: watchLatency.ms / watchLatency.oneShotMs,
    limit: '<= 0.3 s',
    pass: watchLatency.ms <= 300,
  });
  bars.push({ bar: `I/O floor, A N=${N}`, measured: fmtS(coldMs), baseline: `floor ${fmtS(floorMs)}${runsNote(floorRuns.length)}`, ratio: coldMs / floorMs, limit: '(info)', pass: null });
  let growth: number | undefined;
  if (N !== SMALL_N) {
    const coldSmall = median(cold.get(SMALL_N)!.map((p) => p.c.ms));
    growth = coldMs / coldSmall / (N / SMALL_N);
    bars.push({ bar: `Growth, A N=${SMALL_N} -> ${N}`, measured: `${fmtS(coldSmall)} -> ${fmtS(coldMs)}`, baseline: `linear (x${N / SMALL_N})`, ratio: growth, limit: '<= 1.0 (linear)', pass: growth <= 1.0 });
    if (growthBig) {
      const ratio = growthBig.ms / coldSmall / (options.growthN / SMALL_N);
      bars.push({
        bar: `Growth, A N=${SMALL_N} -> ${options.growthN}`,
        measured: `${fmtS(coldSmall)} -> ${fmtS(growthBig.ms)}, ${growthBig.rssMb?.toFixed(0) ?? 'n/a'} MB`,
        baseline: `linear (x${options.growthN / SMALL_N})`,
        ratio,
        limit: '<= 1.0 (linear)',
        pass: ratio <= 1.0,
      });
    }
  }
  const startup = lastJsonLine<{ checkMs: number; nodeMs: number; runs: number }>('startup', expectOk('startup bench', await runScript('startup.ts', ['--runs', options.quick ? '5' : '21', '--json'])).stdout);
  bars.push({
    bar: 'CLI start-up (check, nothing to do)',
    measured: `${fmtMs(startup.checkMs)}${runsNote(startup.runs)}`,
    baseline: `node -e 0 ${fmtMs(startup.nodeMs)}`,
    ratio: startup.checkMs / startup.nodeMs,
    limit: '<= 3x',
    pass: startup.checkMs / startup.nodeMs <= 3,
  });
  const importRatio = clientImportMs / twilioImportMs;
  bars.push({ bar: 'Import generated client', measured: `${fmtMs(clientImportMs)}${runsNote(importRuns)}`, baseline: `twilio ${fmtMs(twilioImportMs)}`, ratio: importRatio, limit: '<= 0.25x', pass: importRatio <= 0.25 });
  const sendRatio = send.generatedMeanMs === undefined ? undefined : send.generatedMeanMs / send.directMeanMs;
  bars.push({
    bar: 'Send: client + adapter',
    measured: send.available ? `${fmtMs(send.generatedMeanMs)}/send (n=${send.sends})` : 'not available',
    baseline: `twilio SDK ${fmtMs(send.directMeanMs)}/send`,
    ratio: sendRatio,
    limit: '<= 1.05x',
    pass: sendRatio === undefined ? null : sendRatio <= 1.05,
    note: send.available ? undefined : send.reason,
  });
  // A Redis round trip on loopback is a tenth of a loopback send; tracing should cost less.
  const redisRatio = fleet.redisMs / fleet.memoryMs;
  bars.push({ bar: 'Send on the Redis rate-limit store', measured: `${fmtMs(fleet.redisMs)}/send (n=${fleet.sends})`, baseline: `in-memory store ${fmtMs(fleet.memoryMs)}/send`, ratio: redisRatio, limit: '<= 1.25x', pass: redisRatio <= 1.25 });
  const tracingRatio = fleet.tracingOnMs / fleet.memoryMs;
  bars.push({ bar: 'Send with tracing on (SDK, in-memory exporter)', measured: `${fmtMs(fleet.tracingOnMs)}/send (n=${fleet.sends})`, baseline: `tracing off ${fmtMs(fleet.memoryMs)}/send`, ratio: tracingRatio, limit: '<= 1.10x', pass: tracingRatio <= 1.1 });
  for (const [label, v] of [
    ['sms.twilio config', twilioValidator],
    [`${richKey} config`, richValidator],
  ] as const) {
    // Like for like: ajv with the generated validators' options. Within 3% is run-to-run noise here.
    bars.push({ bar: `Validator is(), ${label}`, measured: fmtOps(v.generatedIs), baseline: `ajv, same options ${fmtOps(v.ajvSame)}`, ratio: v.generatedIs / v.ajvSame, limit: '>= 0.97x', pass: v.generatedIs >= 0.97 * v.ajvSame });
    bars.push({ bar: `Validator validate(), ${label}`, measured: fmtOps(v.generatedValidate), baseline: `ajv, same options ${fmtOps(v.ajvSame)}`, ratio: v.generatedValidate / v.ajvSame, limit: '>= 0.97x', pass: v.generatedValidate >= 0.97 * v.ajvSame });
    bars.push({ bar: `Validator is() vs ajv defaults, ${label}`, measured: fmtOps(v.generatedIs), baseline: `ajv defaults ${fmtOps(v.ajv)}`, ratio: v.generatedIs / v.ajv, limit: '(info)', pass: null });
  }

  // Report --------------------------------------------------------------------------------------
  const totalMs = performance.now() - started;
  const out: string[] = [];
  out.push('', `contractgen benchmark - N=${N}, ${machine.cpu} (${machine.cores} cores), node ${machine.node}; medians, n = runs`, '');
  out.push(table(bars), '');
  out.push(`contractgen cold stages at N=${N} (median of ${coldBig.length}, from --timings):`);
  const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
  for (const [stage, ms] of Object.entries(stages).sort((a, b) => b[1] - a[1])) out.push(`  ${stage.padEnd(10)} ${fmtS(ms).padStart(9)}  ${((ms / stageTotal) * 100).toFixed(0).padStart(3)}%`);
  out.push(`  (process total ${fmtS(coldMs)}; the rest is process start-up, module loading and reporting)`);
  for (const { victim, oneChange } of [incrementalA, incrementalB]) {
    const unexpected = [...new Set(oneChange.flatMap((r) => r.unexpected))];
    if (unexpected.length) out.push('', `one-change run wrote files outside ${victim}'s own and the registry/catalog/manifest: ${unexpected.slice(0, 8).join(', ')}${unexpected.length > 8 ? ', ...' : ''}`);
  }
  if (!send.available) out.push('', `send bar not measured: ${send.reason}`);
  const failed = bars.filter((b) => b.pass === false).length;
  out.push('', `${bars.filter((b) => b.pass === true).length} bars hold, ${failed} fail. Bench took ${fmtS(totalMs)}. Results: ${relative(REPO, join(CORPUS_ROOT, 'results.json'))}`);
  process.stdout.write(out.join('\n') + '\n');

  const results = {
    date: new Date().toISOString(),
    machine,
    options: { ...options, budgetS: options.budgetMs / 1000 },
    corpus: { A: Object.fromEntries(sizes.map((n) => [n, relative(REPO, corpora.get(n)!.dir)])), B: relative(REPO, corpusB.dir) },
    bars: bars.map((b) => ({ ...b, ratio: b.ratio })),
    figures: {
      cold: { A: Object.fromEntries(sizes.map((n) => [n, cold.get(n)!.map(coldFigures)])), B: { [options.n]: coldB.map(coldFigures) } },
      coldStagesMs: stages,
      growth: growthBig ? { n: options.growthN, ms: growthBig.ms, rssMb: growthBig.rssMb } : undefined,
      ioFloor: floorRuns,
      incremental: { A: incrementalFigures(incrementalA), B: incrementalFigures(incrementalB) },
      watch: watchLatency,
      startup,
      importMs: imports,
      send,
      fleetOverhead: fleet,
      validator: { [twilioValidator.validator]: twilioValidator, [richValidator.validator]: richValidator },
    },
    totalMs,
  };
  writeFileSync(join(CORPUS_ROOT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
