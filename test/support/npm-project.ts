/**
 * Driving a temporary npm project as its developer would: install, run its tools (`contractgen`,
 * `tsc`) from its own node_modules, run its code with plain node. Everything is async so that
 * independent projects can build at the same time.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A scratch folder under the system temp folder, outside the repository: nothing in it can
 * resolve a package through the repository's node_modules.
 */
export function tempProjectDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `contractgen-e2e-${label}-`));
}

export function removeProjectDir(dir: string | undefined): void {
  if (dir && !process.env['KEEP_E2E_DIRS']) rmSync(dir, { recursive: true, force: true });
}

/** Runs a command to its end; never rejects (the caller checks `code`). */
export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command and rejects with its output unless it exits 0. */
export async function runOk(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` in ${cwd} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** `npm install` with the warm cache `npm ci` left behind (the registry is still reachable). */
export function npmInstall(dir: string, ...flags: string[]): Promise<RunResult> {
  return runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...flags], dir);
}

/** The file of a package's `bin` entry, resolved from `project` the way Node resolves it. */
export function binOf(project: string, packageName: string, bin: string = packageName): string {
  const manifestPath = createRequire(join(project, 'package.json')).resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  if (!entry) throw new Error(`${packageName} has no bin ${bin}`);
  return join(dirname(manifestPath), entry);
}

/** `contractgen <args>` as installed in the project. */
export function contractgen(project: string, ...args: string[]): Promise<RunResult> {
  return runOk(process.execPath, [binOf(project, 'contractgen'), ...args], project);
}

/** `tsc -p <tsconfig>` as installed in the project. */
export function tsc(project: string, tsconfig = 'tsconfig.json'): Promise<RunResult> {
  return runOk(process.execPath, [binOf(project, 'typescript', 'tsc'), '-p', tsconfig], project);
}

/** The one line of JSON a program printed on stdout. */
export function jsonLine<T>(result: RunResult): T {
  const lines = result.stdout.split('\n').filter((line) => line.startsWith('{'));
  if (lines.length !== 1) throw new Error(`expected one JSON line, got ${lines.length}\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(lines[0]!) as T;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every package on disk below `project`/node_modules, nested copies included (`@scope/name`). */
export function installedPackageNames(project: string): Set<string> {
  const names = new Set<string>();
  const walk = (nodeModules: string) => {
    for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const folders = entry.name.startsWith('@') ? readdirSync(join(nodeModules, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name];
      for (const name of folders) {
        names.add(name);
        const nested = join(nodeModules, name, 'node_modules');
        if (existsSync(nested)) walk(nested);
      }
    }
  };
  walk(join(project, 'node_modules'));
  return names;
}

/** Bytes on disk below `dir`, as `du -sb` counts them. */
export async function diskBytes(dir: string): Promise<number> {
  const { stdout } = await runOk('du', ['-sb', dir], dir);
  return Number(stdout.split('\t')[0]);
}
