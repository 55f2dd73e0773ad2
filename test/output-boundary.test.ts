/**
 * The writer never leaves its folder. `generated/` is committed, so whatever it holds (a journal, a
 * manifest, a symlink) is input from whoever wrote the last commit: every path the writer would
 * touch (write, rename, remove, journal replay, recovery, the run folder, the lock, the manifest)
 * must resolve inside the output folder through real folders only. Otherwise the run fails with a
 * located CG307 (the journal step, the manifest entry or the output path), exit 1, and nothing is
 * touched: not outside, not inside.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, removeDir, runCli, scratchDir, snapshot, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** A project generated once (its copies keep the build cache out: each run below starts from scratch). */
let template: string;
beforeAll(async () => {
  template = join(scratchDir('boundary-template'), 'project');
  scratch.push(dirname(template));
  copyInto(TWILIO_SPECS, join(template, 'specs'));
  // A config of its own: the CLI would otherwise find this repository's, upward from test/.tmp.
  writeFiles(template, { 'contractgen.config.json': '{}' });
  expect((await generate({ root: template, adapters: 'none', cache: false })).ok).toBe(true);
});

/** A generated project (a copy of the template), and a folder outside it holding a file that must survive every run. */
async function setup(options: { generated?: boolean } = {}) {
  const base = scratchDir('boundary');
  scratch.push(base);
  const root = join(base, 'project');
  const outside = join(base, 'outside');
  copyInto(template, root);
  if (options.generated === false) rmSync(join(root, 'generated'), { recursive: true });
  writeFiles(outside, { 'victim.txt': 'precious\n' });
  const out = join(root, 'generated');
  return { root, out, outside };
}

type Run = Awaited<ReturnType<typeof generate>>;
const run = (root: string, mode: 'write' | 'check' = 'write', cache = false) => generate({ root, adapters: 'none', mode, cache });

/** Both folders exactly as before, the run refused with CG307 at `file` (and, when given, a message matching `words`). */
function expectRefused(result: Run, file: string, words?: RegExp): void {
  expect(result.ok).toBe(false);
  expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG307', severity: 'error', file, ...(words && { message: expect.stringMatching(words) }) }));
  // Never reported as ordinary drift or as a killed run that `generate` would repair.
  expect(result.diagnostics.filter((d) => d.code === 'CG300' || d.code === 'CG304')).toEqual([]);
}

/** Runs generate then check, expecting each refused, and neither folder touched. */
async function expectNothingTouched(setup: { root: string; out: string; outside: string }, file: string, words?: RegExp) {
  const before = { out: existsSync(setup.out) ? snapshot(setup.out) : undefined, outside: snapshot(setup.outside) };
  for (const mode of ['write', 'check'] as const) {
    expectRefused(await run(setup.root, mode), file, words);
    expect(existsSync(setup.out) ? snapshot(setup.out) : undefined, `${mode}: the output folder changed`).toEqual(before.out);
    expect(snapshot(setup.outside), `${mode}: the folder outside changed`).toEqual(before.outside);
  }
}

function plantJournal(out: string, steps: unknown[]): string {
  const file = join(out, '.contractgen-run/journal.json');
  writeFiles(out, { '.contractgen-run/journal.json': JSON.stringify({ generator: 'contractgen', format: 1, steps }) });
  return file;
}

describe('a planted journal', () => {
  const cases: [string, (outside: string) => unknown[]][] = [
    ['removes a file outside', () => [['remove', '../../outside/victim.txt', '.']]],
    ['removes a file outside, with an output folder as `within`', () => [['remove', '../../outside/victim.txt', '..']]],
    ['removes by absolute path', (outside) => [['remove', join(outside, 'victim.txt'), outside]]],
    ['moves a file from outside in', () => [['rename', '../../outside/victim.txt', 'stolen.txt']]],
    ['moves a file out', () => [['rename', 'index.ts', '../../outside/index.ts']]],
    ['renames a staged file to outside', () => [['rename', '.contractgen-run/r1/0-x.ts', '../../outside/x.ts']]],
    ['renames a staged file over the lock', () => [['rename', '.contractgen-run/r1/0-x.ts', '.contractgen-run/lock.json']]],
    ['names a path with a NUL', () => [['remove', 'index.ts\u0000', '.']]],
    ['names a path with a backslash', () => [['remove', '..\\..\\outside\\victim.txt', '.']]],
    ['has a good first step and a bad last one', () => [['rename', '.contractgen-run/r1/0-x.ts', 'x.ts'], ['remove', 'index.ts', '.'], ['remove', '../../outside/victim.txt', '.']]],
  ];
  for (const [what, steps] of cases) {
    it(`that ${what} is refused whole (generate and check): nothing touched`, async () => {
      const s = await setup();
      writeFiles(s.out, { '.contractgen-run/r1/0-x.ts': '// staged\n' });
      const journal = plantJournal(s.out, steps(s.outside));
      await expectNothingTouched(s, journal, /journal step \d+/);
    });
  }

  it('whose steps go through a symlinked folder inside the output is refused: nothing touched', async () => {
    const s = await setup();
    symlinkSync(s.outside, join(s.out, 'integrations/evil'));
    const journal = plantJournal(s.out, [['remove', 'integrations/evil/victim.txt', '.']]);
    await expectNothingTouched(s, journal, /symbolic link/);
  });

  it('as a symlink to a journal outside is refused', async () => {
    const s = await setup();
    writeFiles(s.outside, { 'journal.json': JSON.stringify({ generator: 'contractgen', format: 1, steps: [['remove', 'index.ts', '.']] }) });
    mkdirSync(join(s.out, '.contractgen-run'));
    symlinkSync(join(s.outside, 'journal.json'), join(s.out, '.contractgen-run/journal.json'));
    await expectNothingTouched(s, join(s.out, '.contractgen-run/journal.json'), /symbolic link/);
  });

  it('is refused by the real CLI with exit code 1 and the step named', async () => {
    const s = await setup();
    const journal = plantJournal(s.out, [['remove', '../../outside/victim.txt', '.']]);
    for (const command of ['generate', 'check']) {
      const cli = runCli([command], s.root);
      expect(cli.code, cli.stderr).toBe(1);
      // Located at the step: line and column in the journal, with a code frame of it.
      expect(cli.stderr).toMatch(/generated\/\.contractgen-run\/journal\.json:1:\d+ - error CG307: journal step 1 \(remove\)/);
      expect(cli.stderr).toMatch(/^1 \| \{"generator":"contractgen"/m);
      expect(cli.stderr).toContain('../../outside/victim.txt');
      expect(cli.stderr).not.toMatch(/run `contractgen generate`/);
    }
    expect(readFileSync(join(s.outside, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(journal)).toBe(true);
  });
});

describe('stale removal', () => {
  it('never follows a symlinked folder: the manifest entry is refused (generate and check), located at its line', async () => {
    const s = await setup();
    symlinkSync(s.outside, join(s.out, 'integrations/evil'));
    const manifest = join(s.out, '.contractgen-manifest.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
    writeFileSync(manifest, JSON.stringify({ ...listed, files: [...listed.files, 'integrations/evil/victim.txt'] }, null, 2));
    await expectNothingTouched(s, manifest, /"integrations\/evil\/victim\.txt".*symbolic link/);
    const result = await run(s.root);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG307', line: listed.files.length + 5, column: 5 }));
  });

  const entries: [string, (outside: string) => string][] = [
    ['a path that leaves the folder', () => '../outside/victim.txt'],
    ['an absolute path', (outside) => join(outside, 'victim.txt')],
    ['a backslashed path', () => '..\\outside\\victim.txt'],
    ['a path with a NUL', () => 'index.ts\u0000.txt'],
    ['a path that is not normal', () => 'integrations/../../outside/victim.txt'],
    ['the run folder', () => '.contractgen-run/lock.json'],
    ['an empty path', () => ''],
  ];
  for (const [what, entry] of entries) {
    it(`of a manifest entry naming ${what} is refused: nothing touched`, async () => {
      const s = await setup();
      const manifest = join(s.out, '.contractgen-manifest.json');
      const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
      writeFileSync(manifest, JSON.stringify({ ...listed, files: [...listed.files, entry(s.outside)] }));
      await expectNothingTouched(s, manifest);
    });
  }

  it('never removes a symlink listed in the manifest, nor its target', async () => {
    const s = await setup();
    symlinkSync(join(s.outside, 'victim.txt'), join(s.out, 'integrations/link.ts'));
    const manifest = join(s.out, '.contractgen-manifest.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
    writeFileSync(manifest, JSON.stringify({ ...listed, files: [...listed.files, 'integrations/link.ts'] }));
    await expectNothingTouched(s, manifest, /symbolic link/);
  });
});

describe('writing', () => {
  it('never follows a symlinked integration folder (generate and check)', async () => {
    const s = await setup();
    const folder = join(s.out, 'integrations/sms.twilio');
    rmSync(folder, { recursive: true });
    symlinkSync(s.outside, folder);
    await expectNothingTouched(s, folder, /symbolic link/);
  });

  it('refuses an output folder that is itself a symlink, before anything is made in it', async () => {
    const s = await setup({ generated: false });
    symlinkSync(s.outside, s.out);
    await expectNothingTouched(s, s.out, /symbolic link/);
  });

  it('refuses a run folder (.contractgen-run) that is a symlink: what it points to is never listed, locked or emptied', async () => {
    const s = await setup();
    writeFiles(s.outside, { 'staged/0-index.ts': 'x', 'lock.json': 'not a lock' });
    symlinkSync(s.outside, join(s.out, '.contractgen-run'));
    await expectNothingTouched(s, join(s.out, '.contractgen-run'), /symbolic link/);
  });

  it('refuses a generated file replaced by a symlink, and never writes through it', async () => {
    const s = await setup();
    const file = join(s.out, 'index.ts');
    rmSync(file);
    symlinkSync(join(s.outside, 'victim.txt'), file);
    await expectNothingTouched(s, file, /symbolic link/);
  });

  it('refuses a generated file replaced by a symlink in a folder whose other files were checked first in the run', async () => {
    // The rule checks a folder once per run and then only each file's name (fs/output-path.ts): the
    // file a run reaches last in its folder is held to it as much as the first one.
    const folder = readdirSync(join(template, 'generated/integrations/sms.twilio')).sort();
    for (const name of [folder[0]!, folder[folder.length - 1]!]) {
      const s = await setup();
      const file = join(s.out, 'integrations/sms.twilio', name);
      rmSync(file);
      symlinkSync(join(s.outside, 'victim.txt'), file);
      await expectNothingTouched(s, file, /symbolic link/);
    }
  });

  it('refuses a manifest that is a symlink', async () => {
    const s = await setup();
    const manifest = join(s.out, '.contractgen-manifest.json');
    renameSync(manifest, join(s.outside, 'manifest.json'));
    symlinkSync(join(s.outside, 'manifest.json'), manifest);
    await expectNothingTouched(s, manifest, /symbolic link/);
  });

  it('refuses a docs folder (docsOut) that is a symlink', async () => {
    const s = await setup({ generated: false });
    symlinkSync(s.outside, join(s.root, 'docs'));
    const before = snapshot(s.outside);
    for (const mode of ['write', 'check'] as const) {
      expectRefused(await generate({ root: s.root, adapters: 'none', docsOut: 'docs', mode, cache: false }), join(s.root, 'docs'), /symbolic link/);
      expect(snapshot(s.outside)).toEqual(before);
    }
  });

  it('takes over a lock that is a symlink as no run\'s lock, without touching its target', async () => {
    const s = await setup();
    mkdirSync(join(s.out, '.contractgen-run'));
    symlinkSync(join(s.outside, 'victim.txt'), join(s.out, '.contractgen-run/lock.json'));
    const started = performance.now();
    const result = await run(s.root);
    // Not waited for as a lock being written (an unfilled one is taken over only after 10 s).
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(join(s.outside, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(join(s.out, '.contractgen-run'))).toBe(false);
  });

  it('a cached run ends like one from scratch: a folder moved out and linked back is refused, cache or not, with or without another spec changed', async () => {
    const s = await setup();
    expect((await run(s.root, 'write', true)).ok).toBe(true);
    // The same files (same inodes and times) behind a symlink: every stamp the cache keeps still holds.
    const folder = join(s.out, 'integrations/sms.twilio');
    renameSync(folder, join(s.outside, 'sms.twilio'));
    symlinkSync(join(s.outside, 'sms.twilio'), folder);
    const before = snapshot(s.outside);
    const expectAllRefused = async () => {
      for (const mode of ['write', 'check'] as const) {
        for (const cache of [true, false]) expectRefused(await run(s.root, mode, cache), folder, /symbolic link/);
      }
      expect(snapshot(s.outside)).toEqual(before);
    };
    await expectAllRefused();
    // The WhatsApp spec changed: a cached run goes through the pipeline, and sms.twilio's outputs are its reused ones.
    appendFileSync(join(s.root, 'specs/integrations/messaging-whatsapp-twilio.ts'), '\n// edited\n');
    await expectAllRefused();
  });

  it('never writes the build cache through a symlink below node_modules', async () => {
    const s = await setup({ generated: false });
    mkdirSync(join(s.root, 'node_modules'));
    symlinkSync(s.outside, join(s.root, 'node_modules/.cache'));
    const before = snapshot(s.outside);
    expect((await run(s.root, 'write', true)).ok).toBe(true);
    expect((await run(s.root, 'write', true)).ok).toBe(true);
    expect(snapshot(s.outside)).toEqual(before);
  });
});
