/**
 * A run reads only regular files inside the project (finding 1 of the hardening issue): a symlink
 * in a pull request must not print a file from elsewhere (`/proc/self/environ`: CI secrets) in a
 * code frame, and a FIFO named like a spec must not block the run. Covered for spec folders,
 * adapters, imports, template overrides, the config file, code frames and the build cache.
 * Runs that could block before the fix go through the real CLI with a time limit, so a
 * regression fails the test instead of hanging it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../generator/index.js';
import { InputBoundary } from '../generator/fs/input-boundary.js';
import { loadSpecs } from '../generator/load/load.js';
import { ModuleGraph } from '../generator/load/modules.js';
import { formatDiagnostic } from '../generator/report/format.js';
import { removeDir, runCli, scratchDir, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
const servers: Server[] = [];
afterAll(() => {
  servers.forEach((server) => server.close());
  scratch.forEach(removeDir);
});

/** Stands for a CI secret: in the environment of every run below, and in a file outside each project. */
const MARKER = 'MARKER_ci_secret_7f3a9c';
process.env.CONTRACTGEN_TEST_MARKER = MARKER;
const procEnviron = '/proc/self/environ';
const onLinux = existsSync(procEnviron);
/** Long enough for a cold CLI run on a loaded 2-core machine; a blocked run never ends. */
const CLI_LIMIT_MS = 45_000;

/** A project with the Twilio specs, and a file outside it holding the marker (TypeScript, so it parses and code frames would quote it). */
function project(label: string): { root: string; outside: string } {
  const root = scratchDir(label);
  const outsideDir = scratchDir(`${label}-outside`);
  scratch.push(root, outsideDir);
  writeFiles(root, { 'package.json': '{ "name": "boundary-case", "private": true }\n' });
  writeFiles(outsideDir, { 'secret.ts': `export const limits = {\n  rpm: 1,\n  token: '${MARKER}',\n  oops\n};\n` });
  mkdirSync(join(root, 'specs'));
  execFileSync('cp', ['-r', join(TWILIO_SPECS, 'capabilities'), join(TWILIO_SPECS, 'integrations'), join(root, 'specs')]);
  return { root, outside: join(outsideDir, 'secret.ts') };
}

/** Everything a person would see: each diagnostic in the human format, with its code frame. */
function printed(result: GenerateResult, root: string): string {
  return result.diagnostics.map((d) => formatDiagnostic(d, { root, sourceText: result.sourceText })).join('\n');
}

const refusals = (result: GenerateResult) => result.diagnostics.filter((d) => d.code === 'CG104');

describe('spec folders: only regular files inside the folder are read', () => {
  it.skipIf(!onLinux)('a spec symlinked to /proc/self/environ is refused (CG104), and no code frame prints the environment', async () => {
    const { root } = project('environ');
    const link = join(root, 'specs/integrations/env.ts');
    symlinkSync(procEnviron, link);
    const result = await generate({ root, mode: 'validate', adapters: 'none' });
    expect(refusals(result)).toEqual([expect.objectContaining({ file: link, message: expect.stringContaining('symlink to /proc/') })]);
    expect(refusals(result)[0]!.line).toBeUndefined();
    expect(result.ok).toBe(false);
    expect(printed(result, root)).not.toContain(MARKER);
  });

  it('a spec symlinked to a TypeScript file outside the project is refused, and never quoted', async () => {
    const { root, outside } = project('outside-link');
    const link = join(root, 'specs/integrations/shared.ts');
    symlinkSync(outside, link);
    const result = await generate({ root, mode: 'validate', adapters: 'none' });
    expect(refusals(result)).toEqual([expect.objectContaining({ file: link, message: expect.stringContaining('outside') })]);
    expect(printed(result, root)).not.toContain(MARKER);
  });

  it('a symlink that stays inside the specs folder is read like the file it points at', async () => {
    const { root } = project('inside-link');
    const target = join(root, 'specs/integrations/twilio-sms.ts');
    const moved = join(root, 'specs/originals/twilio-sms.ts.txt');
    mkdirSync(join(root, 'specs/originals'));
    execFileSync('mv', [target, moved]);
    symlinkSync(moved, target);
    const result = await generate({ root, mode: 'validate', adapters: 'none' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.specs.map((s) => s.key)).toContain('sms.twilio');
  });

  it('a socket named like a spec is refused, not opened', async () => {
    const { root } = project('socket');
    const path = join(root, 'specs/integrations/socket.ts');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const result = await generate({ root, mode: 'validate', adapters: 'none' });
    expect(refusals(result)).toEqual([expect.objectContaining({ file: path, message: expect.stringContaining('a socket') })]);
  });

  it('a FIFO named like a spec or an adapter is refused instead of blocking the run (real CLI, time-limited)', () => {
    const { root } = project('fifo');
    mkdirSync(join(root, 'adapters'));
    execFileSync('mkfifo', [join(root, 'specs/integrations/pipe.ts'), join(root, 'adapters/pipe.ts')]);
    const run = runCli(['validate', '--reporter', 'json'], root, {}, CLI_LIMIT_MS);
    expect(run.code, `killed after ${CLI_LIMIT_MS} ms?\n${run.stderr}`).toBe(1);
    const codes = (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; message: string }[] }).diagnostics;
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CG104', file: 'specs/integrations/pipe.ts', message: expect.stringContaining('FIFO') }),
        expect.objectContaining({ code: 'CG104', file: 'adapters/pipe.ts' }),
      ]),
    );
  });

  it.skipIf(!onLinux)('`contractgen check` with specs/integrations/env.ts -> /proc/self/environ prints no secret (real CLI)', () => {
    const { root } = project('environ-cli');
    symlinkSync(procEnviron, join(root, 'specs/integrations/env.ts'));
    const run = runCli(['check'], root, { CONTRACTGEN_TEST_MARKER: MARKER }, CLI_LIMIT_MS);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error CG104');
    expect(run.stdout + run.stderr).not.toContain(MARKER);
  });
});

describe('imports: a spec can read nothing outside the project', () => {
  const importing = (root: string) =>
    writeFiles(root, {
      'specs/integrations/twilio-sms.ts': readFileSync(join(TWILIO_SPECS, 'integrations/twilio-sms.ts'), 'utf8')
        .replace("import { defineIntegration, StabilityEnum } from 'contractgen/spec';", "import { defineIntegration, StabilityEnum } from 'contractgen/spec';\nimport { limits } from '../../shared/limits.ts';")
        .replace('rateLimit: {\n      rpm: 200,\n    },', 'rateLimit: { rpm: limits.rpm },'),
    });

  it('an import of a symlink leaving the project is refused at the import (CG104), and the file is never quoted', async () => {
    const { root, outside } = project('import-link');
    importing(root);
    mkdirSync(join(root, 'shared'));
    symlinkSync(outside, join(root, 'shared/limits.ts'));
    const result = await generate({ root, mode: 'validate', adapters: 'none' });
    const spec = join(root, 'specs/integrations/twilio-sms.ts');
    // At the value that needs the import, like an import that does not resolve (CG101).
    const lines = readFileSync(spec, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('limits.rpm'));
    expect(refusals(result)).toEqual([
      expect.objectContaining({ file: spec, line: line + 1, column: lines[line]!.indexOf('limits.rpm') + 1, message: expect.stringContaining('module "../../shared/limits.ts" cannot be used: the file is a symlink') }),
    ]);
    expect(printed(result, root)).not.toContain(MARKER);
  });

  it('an import of a FIFO is never opened, and a cached input replaced by a FIFO does not block the next run (real CLI, time-limited)', () => {
    const { root } = project('import-fifo');
    importing(root);
    writeFiles(root, { 'shared/limits.ts': 'export const limits = { rpm: 200 };\n' });
    const first = runCli(['generate'], root, {}, CLI_LIMIT_MS);
    expect(first.code, first.stderr).toBe(0);
    // The cache now records shared/limits.ts as an input: its hash is checked before anything is parsed.
    rmSync(join(root, 'shared/limits.ts'));
    execFileSync('mkfifo', [join(root, 'shared/limits.ts')]);
    const second = runCli(['generate'], root, {}, CLI_LIMIT_MS);
    expect(second.code, `killed after ${CLI_LIMIT_MS} ms?\n${second.stderr}`).toBe(1);
    // TypeScript's resolver does not take a FIFO for a module; had it, the read would be refused (CG104).
    expect(second.stderr).toMatch(/twilio-sms\.ts:\d+:\d+ - error CG10[14]: module "..\/..\/shared\/limits.ts"/);
  });
});

describe('code frames, template overrides and the config file', () => {
  it('sourceText never returns a file outside the project (code frames quote only project files)', () => {
    const { root, outside } = project('frames');
    const result = loadSpecs([join(root, 'specs/integrations/twilio-sms.ts')], new ModuleGraph(new InputBoundary([root])));
    expect(result.sourceText(join(root, 'specs/integrations/twilio-sms.ts'))).toContain('sms.twilio');
    expect(result.sourceText(outside)).toBeUndefined();
    // Undefined on every system: outside the project on Linux, missing elsewhere.
    expect(result.sourceText(procEnviron)).toBeUndefined();
  });

  it('a template override symlinked out of its folder is refused (CG201), not rendered into the docs', async () => {
    const { root, outside } = project('template-link');
    mkdirSync(join(root, 'templates/docs'), { recursive: true });
    symlinkSync(outside, join(root, 'templates/docs/catalog.md.hbs'));
    const result = await generate({ root, adapters: 'none', templates: ['templates'] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG201', file: join(root, 'templates/docs/catalog.md.hbs'), message: expect.stringContaining('outside') })]);
    expect(existsSync(join(root, 'generated'))).toBe(false);
    expect(printed(result, root)).not.toContain(MARKER);
  });

  it('a config file symlinked out of the project is refused (CG160) before it is parsed (real CLI)', () => {
    const { root } = project('config-link');
    const outsideDir = scratchDir('config-outside');
    scratch.push(outsideDir);
    writeFiles(outsideDir, { 'contractgen.config.json': JSON.stringify({ specs: MARKER }) });
    symlinkSync(join(outsideDir, 'contractgen.config.json'), join(root, 'contractgen.config.json'));
    const run = runCli(['validate'], root, {}, CLI_LIMIT_MS);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/contractgen\.config\.json - error CG160: the file is a symlink to .*, outside the project/);
    expect(run.stdout + run.stderr).not.toContain(MARKER);
  });
});

describe('outputs: something other than a regular file where an output goes never blocks a run', () => {
  /** A generated project with its own node_modules, so its build cache is inside it too. */
  async function generated(label: string): Promise<string> {
    const { root } = project(label);
    writeFiles(root, { 'contractgen.config.json': JSON.stringify({ adapters: 'none' }) });
    mkdirSync(join(root, 'node_modules'));
    const first = await generate({ root, adapters: 'none' });
    expect(first.diagnostics).toEqual([]);
    return root;
  }
  const fifoAt = (path: string) => {
    rmSync(path, { force: true });
    execFileSync('mkfifo', [path]);
  };
  const diagnosticsOf = (run: { stdout: string }) => (JSON.parse(run.stdout) as { diagnostics: { code: string; file?: string; message: string }[] }).diagnostics;

  /** A special file in place of a generated file: CG301 from generate and check (the real CLI, killed if it blocks), and the file never replaced. */
  async function expectRefusedOutput(label: string, path: string, make: (file: string) => void, what: string, isStill: (stats: Stats) => boolean) {
    const root = await generated(label);
    const output = join(root, path);
    rmSync(output);
    make(output);
    for (const command of ['generate', 'check']) {
      const run = runCli([command, '--reporter', 'json'], root, {}, CLI_LIMIT_MS);
      expect(run.code, `${command}: killed after ${CLI_LIMIT_MS} ms?\n${run.stderr}`).toBe(1);
      expect(diagnosticsOf(run)).toEqual([expect.objectContaining({ code: 'CG301', file: path, message: expect.stringContaining(what) })]);
      expect(isStill(statSync(output))).toBe(true);
    }
  }

  it('a FIFO in place of a generated file: CG301, never read nor replaced, by generate and check (real CLI, time-limited)', () =>
    expectRefusedOutput('fifo-output', 'generated/integrations/sms.twilio/client.ts', (file) => execFileSync('mkfifo', [file]), 'FIFO', (stats) => stats.isFIFO()));

  it('a folder in place of a generated file: CG301, and the folder and what is in it are kept, by generate and check', async () => {
    const root = await generated('folder-output');
    const output = join(root, 'generated/integrations/sms.twilio/client.ts');
    rmSync(output);
    writeFiles(output, { 'mine.txt': 'kept\n' });
    for (const mode of ['write', 'check'] as const) {
      const result = await generate({ root, adapters: 'none', mode });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG301', file: output, message: expect.stringContaining('a folder') })]);
      expect(readFileSync(join(output, 'mine.txt'), 'utf8')).toBe('kept\n');
    }
  });

  // Making a device node needs root (CI runs as root); a read of this one (/dev/zero's) never ends.
  it.skipIf(process.getuid?.() !== 0)('a device in place of a generated file: CG301, never read nor replaced, by generate and check (real CLI, time-limited)', () =>
    expectRefusedOutput('device-output', 'generated/integrations/sms.twilio/types.ts', (file) => execFileSync('mknod', [file, 'c', '1', '5']), 'character device', (stats) => stats.isCharacterDevice()));

  it('a FIFO in place of the manifest or the build cache does not block the run (real CLI, time-limited)', async () => {
    const root = await generated('fifo-manifest');
    const cacheFolder = join(root, 'node_modules/.cache/contractgen');
    const [cache] = readdirSync(cacheFolder).filter((name) => name.endsWith('.json'));
    fifoAt(join(cacheFolder, cache!));
    fifoAt(join(root, 'generated/.contractgen-manifest.json'));
    const run = runCli(['generate', '--reporter', 'json'], root, {}, CLI_LIMIT_MS);
    expect(run.code, `killed after ${CLI_LIMIT_MS} ms?\n${run.stderr}`).toBe(1);
    expect(diagnosticsOf(run)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CG302', message: expect.stringContaining('not a regular file') }),
        expect.objectContaining({ code: 'CG301', file: 'generated/.contractgen-manifest.json' }),
      ]),
    );
    expect(statSync(join(root, 'generated/.contractgen-manifest.json')).isFIFO()).toBe(true);
  });

  it('a FIFO in place of the lock or the journal does not block the run (real CLI, time-limited)', async () => {
    const root = await generated('fifo-run-folder');
    const runFolder = join(root, 'generated/.contractgen-run');
    mkdirSync(runFolder);
    fifoAt(join(runFolder, 'lock.json'));
    // Not a lock any run wrote: taken over, and the run goes through.
    const locked = runCli(['generate', '--reporter', 'json'], root, {}, CLI_LIMIT_MS);
    expect(locked.code, `killed after ${CLI_LIMIT_MS} ms?\n${locked.stderr}`).toBe(0);
    mkdirSync(runFolder, { recursive: true });
    fifoAt(join(runFolder, 'journal.json'));
    // An unreadable journal: a located error (what it would have completed cannot be known), not a hang.
    const journaled = runCli(['generate', '--reporter', 'json'], root, {}, CLI_LIMIT_MS);
    expect(journaled.code, `killed after ${CLI_LIMIT_MS} ms?\n${journaled.stderr}`).toBe(1);
    expect(diagnosticsOf(journaled)).toEqual([expect.objectContaining({ code: 'CG304' })]);
  });
});
