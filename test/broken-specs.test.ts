/**
 * The corpus of broken spec setups under test/fixtures/broken/<case>/: each case is a folder of spec
 * files (a valid reference spec with one thing broken, plus the capability specs it needs) and an
 * `expected.json` naming the diagnostic it must produce and where.
 *
 * Every case runs in a fresh folder under test/.tmp/ whose output folder already holds a valid
 * earlier generation plus hand-placed files; a failed run must leave that folder byte-for-byte and
 * mtime-for-mtime as it was. Every case runs in-process (the programmatic `generate()` plus the CLI's
 * own reporter, human and JSON); cases marked `"cli": true` also run the real CLI as a child process
 * (`node generator/bin/contractgen.js generate ...`), in both reporters, to check exit codes end to end.
 * CONTRACTGEN_TEST_ALL_CLI=1 runs every case through the CLI (test/fixtures/broken/README.md says why a handful do by default).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/generate.js';
import { FRAME_WIDTH, noColors } from '../generator/report/format.js';
import { printed } from './support/in-process.js';

interface Expected {
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  /** Path of the file the diagnostic is in, relative to the case folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The source text that starts at line:column: proves the expected position points at the broken thing. */
  readonly at: string;
  readonly messageIncludes: string;
  readonly hintIncludes?: string;
  /** 1 unless the case has warnings only. */
  readonly exitCode?: 0 | 1;
  /** 'root': the case folder is the project root and holds `specs/`; default: the case folder is the specs folder. */
  readonly layout?: 'root';
  /** Also run through the real CLI: with `--reporter json`, or with both reporters. */
  readonly cli?: 'json' | 'both';
  /** Values that must never appear in any output. */
  readonly secretValues?: readonly string[];
  /** Codes that must not be reported (follow-on errors). */
  readonly absentCodes?: readonly string[];
  /** How many diagnostics with `code` the run reports, when that is part of the case (one problem, one diagnostic). */
  readonly count?: number;
}

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly expected: Expected;
}

interface Run {
  readonly exitCode: number | null;
  readonly json: { ok: boolean; diagnostics: { code: string; severity: string; message: string; file?: string; line?: number; column?: number; hint?: string }[] };
  /** Everything the run printed, both streams, both reporters. */
  readonly allOutput: string;
  /** The human reporter's output. */
  readonly human: string;
  readonly root: string;
  readonly before: Snapshot;
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(repo, 'test', 'fixtures', 'broken');
const tmp = join(repo, 'test', '.tmp', `broken-specs-${process.pid}`);
const baselineOut = join(tmp, '_baseline', 'out');
const cliBin = join(repo, 'generator', 'bin', 'contractgen.js');
const allCli = process.env.CONTRACTGEN_TEST_ALL_CLI === '1';
/** The CLI costs ~1 s of CPU per run (tsx, ts-morph, ajv); more parallel runs than cores only queue. */
const CLI_CONCURRENCY = 2;
/** Output files start with this mtime, so any rewrite (even of identical bytes) shows. */
const OLD_TIME = new Date('2001-02-03T04:05:06.000Z');
const HAND_PLACED = {
  'NOTES.md': 'Hand-written notes. contractgen must never touch this file.\n',
  'integrations/local-helper.ts': '// Hand-written, not generated.\nexport const localHelper = 1;\n',
};

const cases: Case[] = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({ name, dir: join(fixtures, name), expected: JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected }));
const cliCases = cases.filter((c) => allCli || c.expected.cli);

// ---------------------------------------------------------------------------------------------
// Output-folder snapshots

type Snapshot = Map<string, { kind: 'file' | 'dir'; mtimeMs: number; bytes?: Buffer }>;

function walk(dir: string, visit: (path: string, isDir: boolean) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    visit(path, entry.isDirectory());
  }
}

function snapshot(dir: string): Snapshot {
  const result: Snapshot = new Map();
  const add = (path: string, isDir: boolean) => {
    const key = relative(dir, path).split(sep).join('/') || '.';
    const stat = lstatSync(path);
    result.set(key, isDir ? { kind: 'dir', mtimeMs: stat.mtimeMs } : { kind: 'file', mtimeMs: stat.mtimeMs, bytes: readFileSync(path) });
  };
  walk(dir, add);
  add(dir, true);
  return result;
}

/** Every path whose existence, kind, bytes or mtime differs. */
function differences(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (!a || !b) changed.push(`${key}: ${a ? 'removed' : 'added'}`);
    else if (a.kind !== b.kind) changed.push(`${key}: ${a.kind} -> ${b.kind}`);
    else if (a.mtimeMs !== b.mtimeMs) changed.push(`${key}: mtime changed`);
    else if (a.bytes && b.bytes && !a.bytes.equals(b.bytes)) changed.push(`${key}: bytes changed`);
  }
  return changed.sort();
}

/** A fresh project root for one run of one case: its specs, and an output folder from an earlier valid run. */
function prepare(testCase: Case, variant: string): { root: string; specs: string; out: string; before: Snapshot } {
  const root = join(tmp, testCase.name, variant);
  rmSync(root, { recursive: true, force: true });
  const notExpected = (source: string) => !source.endsWith(`${sep}expected.json`);
  if (testCase.expected.layout === 'root') cpSync(testCase.dir, root, { recursive: true, filter: notExpected });
  else cpSync(testCase.dir, join(root, 'specs'), { recursive: true, filter: notExpected });
  // A project of its own (the CLI's project is the nearest folder with a config or package.json).
  writeFileSync(join(root, 'package.json'), '{ "name": "broken-spec-case", "private": true }\n');
  const out = join(root, 'out');
  cpSync(baselineOut, out, { recursive: true });
  for (const [path, content] of Object.entries(HAND_PLACED)) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  walk(out, (path) => utimesSync(path, OLD_TIME, OLD_TIME));
  utimesSync(out, OLD_TIME, OLD_TIME);
  return { root, specs: 'specs', out, before: snapshot(out) };
}

// ---------------------------------------------------------------------------------------------
// Running a case

async function runCaseInProcess(testCase: Case): Promise<Run> {
  const { root, specs, before } = prepare(testCase, 'in-process');
  const result = await generate({ root, specs, out: 'out' });
  const render = (reporter: 'human' | 'json') => {
    const { stdout, stderr } = printed(result, root, reporter);
    return stdout + stderr;
  };
  const jsonText = render('json');
  const human = render('human');
  return { exitCode: result.ok ? 0 : 1, json: JSON.parse(jsonText) as Run['json'], allOutput: jsonText + human, human, root, before };
}

function spawnCli(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [cliBin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface CliRun extends Run {
  /** The run with the human reporter, on its own fresh root, when the case asks for both reporters. */
  readonly humanRun?: { exitCode: number | null; stdout: string; output: string; root: string; before: Snapshot };
}

/** `--reporter json` on a fresh root; for `cli: 'both'` also the human reporter on another fresh root. */
async function runCli(testCase: Case): Promise<CliRun> {
  const jsonRun = prepare(testCase, 'cli-json');
  const args = ['generate', '--specs', jsonRun.specs, '--out', 'out'];
  const json = await spawnCli([...args, '--reporter', 'json'], jsonRun.root);
  let humanRun: CliRun['humanRun'];
  if (allCli || testCase.expected.cli === 'both') {
    const { root, before } = prepare(testCase, 'cli-human');
    const human = await spawnCli(args, root);
    humanRun = { exitCode: human.code, stdout: human.stdout, output: human.stdout + human.stderr, root, before };
  }
  let parsed: Run['json'];
  try {
    parsed = JSON.parse(json.stdout) as Run['json'];
  } catch {
    throw new Error(`${testCase.name}: --reporter json did not print JSON (exit ${json.code}):\n${json.stdout}\n${json.stderr}`);
  }
  return { exitCode: json.code, json: parsed, allOutput: json.stdout + json.stderr + (humanRun?.output ?? ''), human: humanRun?.output ?? '', root: jsonRun.root, before: jsonRun.before, humanRun };
}

async function pool<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Assertions

/** The diagnostic's file as reporters show it: relative to the project root, `/`-separated. */
function displayFile(testCase: Case): string {
  return testCase.expected.layout === 'root' ? testCase.expected.file : `specs/${testCase.expected.file}`;
}

function fixtureText(testCase: Case): string {
  return readFileSync(join(testCase.dir, ...testCase.expected.file.split('/')), 'utf8');
}

function mask(text: string, secrets: readonly string[] = []): string {
  return secrets.reduce((t, secret) => t.split(secret).join('*'.repeat(secret.length)), text);
}

function expectDiagnostic(testCase: Case, run: Pick<Run, 'exitCode' | 'json'>): void {
  const { expected } = testCase;
  const exitCode = expected.exitCode ?? 1;
  expect(run.exitCode, JSON.stringify(run.json.diagnostics, null, 2)).toBe(exitCode);
  expect(run.json.ok).toBe(exitCode === 0);
  expect(run.json.diagnostics).toContainEqual(
    expect.objectContaining({
      code: expected.code,
      severity: expected.severity ?? 'error',
      file: displayFile(testCase),
      line: expected.line,
      column: expected.column,
      message: expect.stringContaining(expected.messageIncludes),
      ...(expected.hintIncludes ? { hint: expect.stringContaining(expected.hintIncludes) } : {}),
    }),
  );
  const errors = run.json.diagnostics.filter((d) => d.severity === 'error');
  if (exitCode === 1) expect(errors.length).toBeGreaterThan(0);
  else expect(errors).toEqual([]);
  for (const code of expected.absentCodes ?? []) expect(run.json.diagnostics.map((d) => d.code)).not.toContain(code);
  if (expected.count !== undefined) {
    const same = run.json.diagnostics.filter((d) => d.code === expected.code);
    expect(same.length, JSON.stringify(same, null, 2)).toBe(expected.count);
  }
}

/** `file:line:col - error CGxxx: message`, then a code frame whose caret sits under the column, then the hint. */
function expectHumanReport(testCase: Case, human: string): void {
  const { expected } = testCase;
  const lines = human.split('\n');
  const headerStart = `${displayFile(testCase)}:${expected.line}:${expected.column} - ${expected.severity ?? 'error'} ${expected.code}: `;
  const header = lines.findIndex((l) => l.startsWith(headerStart) && l.includes(expected.messageIncludes));
  expect(header, `no line starting "${headerStart}" in:\n${human}`).toBeGreaterThanOrEqual(0);
  const sourceLine = mask(fixtureText(testCase).split(/\r?\n/)[expected.line - 1]!, expected.secretValues).replace(/\t/g, '  ');
  // The frame: up to one line of context above, the offending line, the caret line.
  const frame = lines.slice(header + 1, header + 6);
  expect(frame[0]).toBe('');
  const at = frame.findIndex((l) => new RegExp(`^ *${expected.line} \\| `).test(l));
  expect(at, `no code frame line for line ${expected.line} in:\n${frame.join('\n')}`).toBeGreaterThan(0);
  const pipe = frame[at]!.indexOf('|');
  // A long line shows a window of FRAME_WIDTH characters around the column, `…` where it is cut.
  const from = Math.max(0, expected.column - 1 - FRAME_WIDTH / 2);
  const cut = from > 0 ? 1 : 0;
  expect(frame[at]!.slice(pipe + 2)).toBe(`${cut ? '…' : ''}${sourceLine.slice(from, from + FRAME_WIDTH)}${sourceLine.length > from + FRAME_WIDTH ? '…' : ''}`);
  const caret = frame[at + 1]!;
  expect(caret.slice(0, pipe + 1).trim()).toBe('|');
  expect(caret.indexOf('^')).toBe(pipe + 2 + cut + expected.column - 1 - from);
  if (expected.hintIncludes) {
    const hint = lines.slice(header + 1).find((l) => l.startsWith('  hint: '));
    expect(hint).toContain(expected.hintIncludes);
  }
  const summary = lines.find((l) => l.startsWith('contractgen generate: '));
  expect(summary).toBeDefined();
  if ((expected.exitCode ?? 1) === 1) expect(summary).toMatch(/\d+ errors?/);
}

function expectOutputAsBefore(testCase: Case, root: string, before: Snapshot): void {
  const after = snapshot(join(root, 'out'));
  if ((testCase.expected.exitCode ?? 1) === 1) {
    // A failed run writes nothing: no file, no temp file, no rename, no touched mtime. The one
    // exception is the output folder's own mtime: a run's lock and staging folder
    // (.contractgen-run/) live in it while the run works, and are gone again.
    expect(differences(before, after).filter((change) => change !== '.: mtime changed')).toEqual([]);
    expect(existsSync(join(root, 'out', '.contractgen-run'))).toBe(false);
  } else {
    // A successful run generated, but never touched the hand-placed files.
    for (const path of Object.keys(HAND_PLACED)) expect(after.get(path)).toEqual(before.get(path));
    expect([...after.keys()].some((path) => path.startsWith('integrations/sms.twilio/'))).toBe(true);
  }
}

function expectNoSecrets(testCase: Case, output: string): void {
  for (const secret of testCase.expected.secretValues ?? []) {
    expect(output.includes(secret), `secret example value printed:\n${output}`).toBe(false);
    // Not even a recognisable piece of it.
    expect(output.includes(secret.slice(4, 20))).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // The "earlier run" every case starts from: a real generation from the reference specs (with a
  // root of its own, so the repo's adapters, which other work changes, play no part).
  const baseline = await generate({ root: join(tmp, '_baseline'), specs: join(repo, 'adapters', 'twilio', 'specs'), out: baselineOut });
  expect(baseline.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(existsSync(join(baselineOut, 'integrations'))).toBe(true);
}, 60_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the broken-spec corpus', () => {
  it('has at least 30 cases, each a folder with spec files and a complete expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const { name, dir, expected } of cases) {
      expect(expected.code, name).toMatch(/^CG\d{3}$/);
      expect(Number.isInteger(expected.line) && Number.isInteger(expected.column), name).toBe(true);
      expect(typeof expected.messageIncludes, name).toBe('string');
      const specsDir = expected.layout === 'root' ? join(dir, 'specs') : dir;
      expect(readdirSync(specsDir).some((f) => f.endsWith('.ts')), name).toBe(true);
    }
    expect(cases.filter((c) => (c.expected.exitCode ?? 1) === 1).length).toBeGreaterThanOrEqual(30);
    expect(cliCases.filter((c) => (c.expected.exitCode ?? 1) === 1).length).toBeGreaterThanOrEqual(5);
    expect(cliCases.filter((c) => (c.expected.exitCode ?? 1) === 0).length).toBeGreaterThanOrEqual(1);
    expect(cliCases.some((c) => c.expected.cli === 'both' && c.expected.secretValues?.length)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: the expected position points at the broken source', (_name, testCase) => {
    const { line, column, at } = testCase.expected;
    const text = fixtureText(testCase).split('\n');
    const offset = text.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
    expect(text[line - 1]!.length).toBeGreaterThanOrEqual(column - 1);
    expect(text.join('\n').slice(offset, offset + at.length)).toBe(at);
  });
});

describe('each case, in process (generate() and the CLI reporters)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const run = await runCaseInProcess(testCase);
    expectDiagnostic(testCase, run);
    expectHumanReport(testCase, run.human);
    expectOutputAsBefore(testCase, run.root, run.before);
    expectNoSecrets(testCase, run.allOutput);
  });
});

describe('cases through the real CLI (child processes)', () => {
  const results = new Map<string, CliRun>();
  beforeAll(async () => {
    const runs = await pool(cliCases, CLI_CONCURRENCY, runCli);
    cliCases.forEach((c, i) => results.set(c.name, runs[i]!));
  }, Math.max(120_000, cliCases.length * 12_000));

  it.each(cliCases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const run = results.get(testCase.name)!;
    expectDiagnostic(testCase, run);
    expectOutputAsBefore(testCase, run.root, run.before);
    if (run.humanRun) {
      expect(run.humanRun.exitCode).toBe(run.exitCode);
      // Human diagnostics go to stderr; stdout stays empty for `generate`.
      expect(run.humanRun.stdout).toBe('');
      expectHumanReport(testCase, run.human);
      expectOutputAsBefore(testCase, run.humanRun.root, run.humanRun.before);
    }
    expectNoSecrets(testCase, run.allOutput);
  });
});
