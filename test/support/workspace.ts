/**
 * Scratch projects for tests, inside the repository (test/.tmp, git-ignored) so that generated
 * code resolves `@contractgen/runtime` through the workspace's node_modules, as it does for users.
 */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { BUILT_IN_TEMPLATE_DIRS } from '../../generator/artifacts/index.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The specs this repository ships: the Twilio package's integration and capability specs. */
export const TWILIO_SPECS = join(REPO, 'adapters', 'twilio', 'specs');
/** The `contractgen` command as installed: the compiled CLI (`npm test` builds it first). */
export const CLI = join(REPO, 'generator', 'bin', 'contractgen.js');

/** The file of a built-in template, by its file name below a templates folder (`docs/catalog.md.hbs`): in the artifact folder that has it. */
export function builtInTemplate(name: string): string {
  const found = BUILT_IN_TEMPLATE_DIRS.map((dir) => join(dir, name)).find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
  if (!found) throw new Error(`no built-in template ${name}`);
  return found;
}
const TMP = join(REPO, 'test', '.tmp');

export function scratchDir(label: string): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, `${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function copyInto(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/** Every file below `dir` with its bytes and mtime, keyed by `/`-separated relative path; a symlink as where it points (never followed). */
export function snapshot(dir: string): Record<string, { content: string; mtimeMs: number }> {
  const result: Record<string, { content: string; mtimeMs: number }> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const key = relative(dir, full).split(sep).join('/');
      if (entry.isSymbolicLink()) result[key] = { content: `symlink -> ${readlinkSync(full)}`, mtimeMs: lstatSync(full).mtimeMs };
      else if (entry.isDirectory()) walk(full);
      else result[key] = { content: readFileSync(full, 'utf8'), mtimeMs: statSync(full).mtimeMs };
    }
  };
  walk(dir);
  return result;
}

/** Runs the real CLI, as a user would (`contractgen ...`), in `cwd`; killed after `timeoutMs` (then `code` is null). */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}, timeoutMs?: number) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(timeoutMs !== undefined && { timeout: timeoutMs, killSignal: 'SIGKILL' as const }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The flags generated code must compile under, beyond the repository's own (tsconfig.base.json):
 * a user's project may set any of them (README, "Use it in your project").
 */
export const CONSUMER_FLAGS = { strict: true, noUnusedLocals: true, noUnusedParameters: true } as const;

/** Runs the real TypeScript compiler (`tsc --noEmit` with CONSUMER_FLAGS) over the given files with the runtime. */
export function typecheck(files: readonly string[]): { ok: boolean; output: string } {
  return typecheckEach({ files: { folder: dirname(files[0] ?? REPO), files } }).files!;
}

/**
 * One run of the real TypeScript compiler over several sets of files (and what they import, the
 * runtime and adapters' sources included, nothing else of the repository: test/typecheck.test.ts
 * checks the repository under its own flags), and each set's own verdict:
 * an error counts for the set whose folder holds the file it is in (the innermost such folder), and
 * an error anywhere else (the runtime, a shared file) for every set. One compiler start instead of
 * one per set: each start costs seconds of CPU.
 */
export function typecheckEach<K extends string>(
  sets: Readonly<Record<K, { readonly folder: string; readonly files: readonly string[] }>>,
  /** CONSUMER_FLAGS for generated code; code that pulls in the generator's sources (a config file) is held to `strict` only. */
  flags: Readonly<Record<string, boolean>> = CONSUMER_FLAGS,
): Record<K, { ok: boolean; output: string }> {
  const dir = scratchDir('tsc');
  const names = Object.keys(sets) as K[];
  const config = {
    extends: join(REPO, 'tsconfig.json'),
    compilerOptions: { noEmit: true, pretty: false, ...flags },
    files: names.flatMap((name) => sets[name].files.map((f) => resolve(f))),
    // Not the repository's `include`, which `extends` would otherwise bring along.
    include: [],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  const result = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: REPO, encoding: 'utf8' });
  removeDir(dir);
  const output = `${result.stdout}${result.stderr}`;
  // Each error starts a line with its file (relative to the working directory); lines after it belong to it.
  const errors = output.split(/\n(?=\S[^\n]*\(\d+,\d+\): error TS)/).filter((text) => text.trim() !== '');
  const owner = (error: string): K[] => {
    const file = resolve(REPO, /^(.*?)\(\d+,\d+\): error TS/.exec(error)?.[1] ?? '');
    const holders = names.filter((name) => file.startsWith(resolve(sets[name].folder) + sep));
    const innermost = holders.sort((a, b) => resolve(sets[b].folder).length - resolve(sets[a].folder).length)[0];
    return innermost ? [innermost] : names;
  };
  const verdicts = Object.fromEntries(names.map((name) => [name, { ok: true, output: '' }])) as Record<K, { ok: boolean; output: string }>;
  if (result.status !== 0 && errors.length === 0) for (const name of names) verdicts[name] = { ok: false, output };
  for (const error of errors) {
    for (const name of owner(error)) verdicts[name] = { ok: false, output: `${verdicts[name].output}${error.trimEnd()}\n` };
  }
  return verdicts;
}
