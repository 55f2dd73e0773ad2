/**
 * The config file and the CLI's output, through the real CLI: `contractgen.config.{ts,mjs,json}`
 * found upward from the working directory with paths relative to the config file (so a run from
 * any folder of a workspace writes the same bytes), flags over config, per-artifact switches, a
 * separate docs folder, config errors, and output for people (colours, --quiet, --timings) and
 * machines (--reporter json).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../generator/config/resolve.js';
import { generateResolved } from '../generator/generate.js';
import { generate, type GenerateMode, type GenerateResult } from '../generator/index.js';
import { printed } from './support/in-process.js';
import { copyInto, REPO, TWILIO_SPECS, removeDir, runCli, scratchDir, snapshot, typecheckEach, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

type Snapshot = ReturnType<typeof snapshot>;
const contents = (snap: Snapshot) => Object.fromEntries(Object.entries(snap).map(([path, file]) => [path, file.content]));
const ANSI = /\u001b\[\d+m/;
const NESTED = 'packages/app/src';
const OUT = 'build/contracts';

/**
 * A monorepo-like workspace: a root package.json (CommonJS unless `type` says otherwise, as many
 * monorepo roots are) with contractgen installed in node_modules (a link to this repository), specs
 * in `contracts/` (sms.outbound and sms.twilio; `allSpecs`: every Twilio spec), output in
 * `build/contracts`, a nested package folder to run from, and the given config file at the root.
 */
function workspace(label: string, configName: string | undefined, config: string, type?: 'module', allSpecs = false): string {
  const root = scratchDir(label);
  scratch.push(root);
  for (const spec of allSpecs ? [''] : SMS_SPECS) copyInto(join(TWILIO_SPECS, spec), join(root, 'contracts', spec));
  mkdirSync(join(root, NESTED), { recursive: true });
  writeFiles(root, { 'package.json': JSON.stringify({ name: 'fixture-workspace', private: true, ...(type && { type }), workspaces: ['packages/*'] }, null, 2) + '\n' });
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(REPO, join(root, 'node_modules/contractgen'), 'dir');
  if (configName) writeFiles(root, { [configName]: config });
  return root;
}

/** What most tests need of the Twilio specs: one capability and one provider (a run costs less). */
const SMS_SPECS = ['capabilities/sms-outbound.ts', 'integrations/twilio-sms.ts'];

/**
 * A run as the CLI makes it from `cwd` (its config found upward from there, flags relative to it:
 * the same `resolveOptions` call), in this process: for claims about where options come from, and
 * (through `printed`, the CLI's reporter) about what a run's result prints. Flags, exit codes,
 * streams and what the environment switches are tested through the real CLI.
 */
async function runFrom(cwd: string, mode: GenerateMode = 'write', flags: { out?: string } = {}): Promise<GenerateResult> {
  return generateResolved(await resolveOptions({ out: flags.out && resolve(cwd, flags.out), mode }, { cwd }));
}

const tsConfig = (body: string) => `import { defineConfig } from 'contractgen';\n\nexport default defineConfig(${body});\n`;
const baseConfig = `{ specs: 'contracts', out: '${OUT}' }`;

function json(stdout: string) {
  return JSON.parse(stdout) as {
    ok: boolean;
    command: string;
    diagnostics: { code: string; file?: string; message: string }[];
    specs: { kind: string; key: string; file: string }[];
    files: { path: string; status: string }[];
    timings?: Record<string, number>;
    elapsedMs: number;
  };
}

describe('config file (contractgen.config.ts with defineConfig)', () => {
  it('is found from the root and from a nested folder, and both write the same bytes', async () => {
    const root = workspace('config-ts', 'contractgen.config.ts', tsConfig(baseConfig));
    const fromRoot = await runFrom(root);
    expect(printed(fromRoot, root).stderr).toMatch(/^contractgen generate: \d+ specs, \d+ written, 0 unchanged, 0 removed \(\d+ ms\)$/m);
    expect(fromRoot.ok).toBe(true);
    const first = snapshot(join(root, OUT));
    expect(Object.keys(first)).toContain('integrations/sms.twilio/client.ts');
    expect(first['integrations/sms.twilio/client.ts']!.content).toContain('from contracts/integrations/twilio-sms.ts');
    // Nothing at the default places.
    expect(existsSync(join(root, 'generated'))).toBe(false);
    expect(existsSync(join(root, NESTED, 'generated'))).toBe(false);

    // From the nested folder over the existing output: nothing to write.
    const again = await runFrom(join(root, NESTED));
    expect(again.ok).toBe(true);
    expect(again.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(snapshot(join(root, OUT))).toEqual(first);

    // From the nested folder into an empty output folder: the same bytes.
    rmSync(join(root, OUT), { recursive: true });
    expect((await runFrom(join(root, NESTED))).ok).toBe(true);
    expect(contents(snapshot(join(root, OUT)))).toEqual(contents(first));
    expect(existsSync(join(root, NESTED, 'generated'))).toBe(false);
    expect(existsSync(join(root, NESTED, OUT))).toBe(false);

    // `check` from anywhere agrees.
    expect((await runFrom(join(root, NESTED), 'check')).ok).toBe(true);
    expect((await runFrom(join(root, 'packages'), 'check')).ok).toBe(true);
  }, 120_000);

  it('is read by the programmatic API too: generate({ root }) writes what the CLI writes, unless told config: false', async () => {
    const root = workspace('config-api', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT }));
    const cli = runCli(['generate'], root);
    expect(cli.code).toBe(0);
    // Without --timings, the CLI's human output is the one summary line.
    expect(cli.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contractgen generate: \d+ specs, \d+ written, 0 unchanged, 0 removed \(\d+ ms\)$/)]);
    const fromCli = contents(snapshot(join(root, OUT)));
    rmSync(join(root, OUT), { recursive: true });
    expect((await generate({ root })).ok).toBe(true);
    expect(contents(snapshot(join(root, OUT)))).toEqual(fromCli);
    // Options given to generate() win over the config file, which is otherwise read as the CLI reads it.
    expect((await generate({ root, out: 'api-out', mode: 'check' })).files.every((f) => f.status === 'missing')).toBe(true);
    // Told not to read it: the defaults (no `specs` folder here, so nothing is found).
    const ignored = await generate({ root, config: false, mode: 'validate' });
    expect(ignored.diagnostics.map((d) => d.code)).toEqual(['CG103']);
    // An option that is wrong is a CG160 result, as in a config file, not an exception.
    const wrong = await generate({ root, artifacts: { clients: true, types: false }, mode: 'validate' });
    expect(wrong).toMatchObject({ ok: false, diagnostics: [{ code: 'CG160', severity: 'error', message: 'artifacts.validators needs artifacts.types; artifacts.clients needs artifacts.types' }] });
  }, 60_000);

  it('flags override the config, relative to the working directory', async () => {
    const root = workspace('config-flags', 'contractgen.config.ts', tsConfig(baseConfig));
    expect((await runFrom(root)).ok).toBe(true);
    const configured = snapshot(join(root, OUT));

    const fromRoot = runCli(['generate', '--out', 'flag-out'], root);
    expect(fromRoot.code).toBe(0);
    expect(contents(snapshot(join(root, 'flag-out')))).toEqual(contents(configured));

    expect((await runFrom(join(root, NESTED), 'write', { out: 'local-out' })).ok).toBe(true);
    expect(contents(snapshot(join(root, NESTED, 'local-out')))).toEqual(contents(configured));
    // The configured folder was not touched by either run.
    expect(snapshot(join(root, OUT))).toEqual(configured);

    // --specs too: an empty specs folder given by flag generates no integrations.
    mkdirSync(join(root, 'empty-specs'));
    const noSpecs = runCli(['validate', '--specs', 'empty-specs', '--reporter', 'json'], root);
    expect(json(noSpecs.stdout).specs).toEqual([]);
  }, 120_000);

  it('--config names a config file explicitly', () => {
    const root = workspace('config-explicit', undefined, '');
    writeFiles(root, { 'tools/contractgen.json': JSON.stringify({ specs: '../contracts', out: '../explicit-out' }) });
    const run = runCli(['generate', '--config', 'tools/contractgen.json'], join(root));
    expect(run.code).toBe(0);
    expect(existsSync(join(root, 'explicit-out/index.ts'))).toBe(true);
  }, 60_000);

  it('defineConfig types the config for tsc: a misspelt option does not compile', () => {
    const root = workspace('config-types', 'contractgen.config.ts', tsConfig(`{ specs: 'contracts', out: '${OUT}', artifacts: { docs: false }, templates: ['templates'] }`), 'module');
    writeFiles(root, { 'wrong/wrong.config.ts': tsConfig(`{ outDir: 'x' }`) });
    // One compiler run for both: each start costs seconds.
    const { ok, wrong } = typecheckEach({ ok: { folder: root, files: [join(root, 'contractgen.config.ts')] }, wrong: { folder: join(root, 'wrong'), files: [join(root, 'wrong/wrong.config.ts')] } }, { strict: true });
    expect(ok.output).toBe('');
    expect(wrong.ok).toBe(false);
    expect(wrong.output).toMatch(/wrong\.config\.ts.*outDir/s);
  }, 120_000);

  it('a .ts config works in an ESM package too', async () => {
    const root = workspace('config-ts-esm', 'contractgen.config.ts', tsConfig(baseConfig), 'module');
    const run = runCli(['generate'], join(root, NESTED));
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(existsSync(join(root, OUT, 'index.ts'))).toBe(true);
    // A named `config` export is accepted as well as a default export.
    writeFiles(root, { 'contractgen.config.ts': `export const config = { specs: 'contracts', out: 'named-out' };\n` });
    expect((await runFrom(root)).ok).toBe(true);
    expect(existsSync(join(root, 'named-out/index.ts'))).toBe(true);
  }, 60_000);

  it('.mjs and .json configs work the same way', async () => {
    const reference = workspace('config-ref', 'contractgen.config.ts', tsConfig(baseConfig));
    expect((await runFrom(reference)).ok).toBe(true);
    const expected = contents(snapshot(join(reference, OUT)));

    const mjs = workspace('config-mjs', 'contractgen.config.mjs', `export default { specs: 'contracts', out: '${OUT}' };\n`);
    const mjsRun = runCli(['generate'], join(mjs, NESTED));
    expect(mjsRun.stderr).not.toMatch(/error/);
    expect(mjsRun.code).toBe(0);
    expect(contents(snapshot(join(mjs, OUT)))).toEqual(expected);

    const jsonConfig = workspace('config-json', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT }, null, 2));
    expect((await runFrom(join(jsonConfig, NESTED))).ok).toBe(true);
    expect(contents(snapshot(join(jsonConfig, OUT)))).toEqual(expected);
  }, 120_000);

  it('the nearest config wins', async () => {
    const root = workspace('config-nearest', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT }));
    for (const spec of SMS_SPECS) copyInto(join(TWILIO_SPECS, spec), join(root, 'packages/app/specs', spec));
    writeFiles(root, { 'packages/app/contractgen.config.json': JSON.stringify({ out: 'gen' }) });
    expect((await runFrom(join(root, NESTED))).ok).toBe(true);
    expect(existsSync(join(root, 'packages/app/gen/index.ts'))).toBe(true);
    expect(existsSync(join(root, OUT))).toBe(false);
  }, 60_000);
});

describe('artifacts and docsOut', () => {
  it('artifacts: { docs: false } writes no docs (the catalog.json alone, a switch of its own); a default run afterwards adds them and nothing else', async () => {
    const root = workspace('config-nodocs', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT, artifacts: { docs: false } }));
    const run = await runFrom(root);
    expect(run.ok).toBe(true);
    expect(run.files.filter((f) => f.path.startsWith('docs/')).map((f) => f.path)).toEqual(['docs/catalog.json']);
    const withoutDocs = snapshot(join(root, OUT));
    expect(Object.keys(withoutDocs).some((p) => p.endsWith('.md'))).toBe(false);
    expect(Object.keys(withoutDocs).filter((p) => p.startsWith('docs/'))).toEqual(['docs/catalog.json']);
    expect(Object.keys(withoutDocs)).toContain('integrations/sms.twilio/client.ts');

    writeFiles(root, { 'contractgen.config.json': JSON.stringify({ specs: 'contracts', out: OUT }) });
    const full = await runFrom(root);
    expect(full.ok).toBe(true);
    const written = full.files.filter((f) => f.status === 'written').map((f) => f.path);
    // The catalog gains the links to the pages.
    expect(written.filter((p) => !p.endsWith('.md') && p !== '.contractgen-manifest.json')).toEqual(['docs/catalog.json']);
    expect(written).toContain('docs/catalog.md');
    expect(written).toContain('docs/integrations/sms.twilio.md');
    const withDocs = snapshot(join(root, OUT));
    const { '.contractgen-manifest.json': _manifest, 'docs/catalog.json': _catalog, ...kept } = withoutDocs;
    expect(Object.keys(kept).length).toBeGreaterThan(10);
    expect(Object.fromEntries(Object.keys(kept).map((path) => [path, withDocs[path]]))).toEqual(kept);
  }, 120_000);

  it('artifacts: { clients: true, types: false } is a config error naming the dependency', () => {
    const root = workspace('config-needs', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT, artifacts: { clients: true, types: false } }));
    const run = runCli(['generate'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/contractgen\.config\.json - error CG160: .*artifacts\.clients needs artifacts\.types/);
    expect(existsSync(join(root, OUT))).toBe(false);
  }, 60_000);

  it("docsOut: 'docs' puts the docs outside the output folder, each folder with its own manifest; a second run writes nothing", async () => {
    const root = workspace('config-docsout', 'contractgen.config.ts', tsConfig(`{ specs: 'contracts', out: '${OUT}', docsOut: 'docs' }`));
    const first = await runFrom(join(root, NESTED));
    expect(first.ok).toBe(true);
    expect(existsSync(join(root, 'docs/catalog.md'))).toBe(true);
    expect(existsSync(join(root, 'docs/integrations/sms.twilio.md'))).toBe(true);
    expect(existsSync(join(root, OUT, 'docs'))).toBe(false);
    expect(existsSync(join(root, NESTED, 'docs'))).toBe(false);
    const docsManifest = JSON.parse(readFileSync(join(root, 'docs/.contractgen-manifest.json'), 'utf8')) as { files: string[] };
    const outManifest = JSON.parse(readFileSync(join(root, OUT, '.contractgen-manifest.json'), 'utf8')) as { files: string[] };
    expect(docsManifest.files).toContain('catalog.md');
    expect(docsManifest.files.every((f) => f.endsWith('.md') || f === 'catalog.json')).toBe(true);
    expect(outManifest.files).toContain('index.ts');
    expect(outManifest.files.some((f) => f.endsWith('.md'))).toBe(false);
    // Reported paths keep the docs/ prefix.
    expect(first.files).toContainEqual({ path: 'docs/catalog.md', status: 'written' });

    // The docs are the same as they are inside the output folder by default.
    const inside = workspace('config-docs-inside', 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT }));
    expect((await runFrom(inside)).ok).toBe(true);
    const docs = contents(snapshot(join(root, 'docs')));
    delete docs['.contractgen-manifest.json'];
    const insideDocs = Object.fromEntries(Object.entries(contents(snapshot(join(inside, OUT)))).filter(([p]) => p.startsWith('docs/')).map(([p, c]) => [p.slice('docs/'.length), c]));
    expect(docs).toEqual(insideDocs);

    const before = { docs: snapshot(join(root, 'docs')), out: snapshot(join(root, OUT)) };
    const second = await runFrom(root);
    expect(second.ok).toBe(true);
    expect(second.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect({ docs: snapshot(join(root, 'docs')), out: snapshot(join(root, OUT)) }).toEqual(before);
    expect((await runFrom(root, 'check')).ok).toBe(true);

    // A docs file removed by hand is drift for `check`.
    rmSync(join(root, 'docs/catalog.md'));
    const drift = await runFrom(root, 'check');
    expect(drift.ok).toBe(false);
    expect(drift.files).toContainEqual({ path: 'docs/catalog.md', status: 'missing' });
  }, 120_000);
});

describe('config errors', () => {
  it('an unknown key exits 2 naming the file and the key, and writes nothing', () => {
    for (const [name, text] of [
      ['contractgen.config.json', JSON.stringify({ specs: 'contracts', outDir: OUT })],
      ['contractgen.config.ts', tsConfig(`{ specs: 'contracts', outDir: '${OUT}' } as never`)],
    ] as const) {
      const root = workspace('config-unknown', name, text);
      const run = runCli(['generate'], join(root, NESTED));
      expect(run.code).toBe(2);
      // Named as the TypeScript compiler names files: relative to the working directory.
      expect(run.stderr).toContain(relative(join(root, NESTED), join(root, name)));
      expect(run.stderr).toMatch(/error CG160: unknown option "outDir"/);
      expect(existsSync(join(root, OUT))).toBe(false);
      expect(existsSync(join(root, 'generated'))).toBe(false);
    }
  }, 120_000);

  it('a config that does not load or parse exits 2 naming the file', () => {
    const broken = workspace('config-broken-json', 'contractgen.config.json', '{ "specs": "contracts", ');
    const run = runCli(['generate'], broken);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/contractgen\.config\.json - error CG160: cannot load the config/);

    const wrongType = workspace('config-wrong-type', 'contractgen.config.mjs', `export default { out: 42 };\n`);
    const typed = runCli(['generate'], wrongType);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/contractgen\.config\.mjs - error CG160: "out" must be a non-empty string/);

    // Through the reporter like every diagnostic: a JSON reader gets JSON, not text.
    const json = runCli(['check', '--reporter', 'json'], wrongType);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, command: 'check', diagnostics: [{ code: 'CG160', severity: 'error', file: 'contractgen.config.mjs', message: '"out" must be a non-empty string' }] });
  }, 60_000);
});

describe('output for people and machines', () => {
  const project = (label: string, allSpecs = false) => workspace(label, 'contractgen.config.json', JSON.stringify({ specs: 'contracts', out: OUT }), undefined, allSpecs);
  /** A project whose one integration spec has an error (a non-static value). */
  const broken = (label: string) => {
    const root = project(label);
    const spec = join(root, 'contracts/integrations/twilio-sms.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('timeoutMs: 3000', 'timeoutMs: Math.random()'));
    return root;
  };

  it('--version prints the version of the installed contractgen, and exits 0', () => {
    const run = runCli(['--version'], REPO);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`${(JSON.parse(readFileSync(join(REPO, 'generator/package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('--reporter json parses and lists every file with its status', async () => {
    const root = project('report-json', true);
    const first = json(runCli(['generate', '--reporter', 'json'], root).stdout);
    expect(first.ok).toBe(true);
    expect(first.command).toBe('generate');
    expect(first.specs.map((s) => `${s.kind} ${s.key} ${s.file}`)).toContain('integration sms.twilio contracts/integrations/twilio-sms.ts');
    expect(first.files.length).toBeGreaterThan(30);
    expect(new Set(first.files.map((f) => f.status))).toEqual(new Set(['written']));
    expect(first.files.every((f) => !f.path.includes('\\') && !f.path.startsWith('/'))).toBe(true);
    expect(first.files.map((f) => f.path)).toContain('integrations/sms.twilio/client.ts');

    // The runs after it in this process (the same options, the CLI's reporter): the statuses are the run's.
    const reported = async () => json(printed(await runFrom(root), root, 'json').stdout);
    const second = await reported();
    expect(new Set(second.files.map((f) => f.status))).toEqual(new Set(['unchanged']));
    expect(second.files.map((f) => f.path).sort()).toEqual(first.files.map((f) => f.path).sort());

    rmSync(join(root, 'contracts/integrations/messaging-whatsapp-twilio.ts'));
    const third = await reported();
    expect(third.files).toContainEqual({ path: 'integrations/messaging.whatsapp.twilio/client.ts', status: 'removed' });
    expect(third.files).toContainEqual({ path: 'index.ts', status: 'written' });
    expect(third.files).toContainEqual({ path: 'integrations/sms.twilio/client.ts', status: 'unchanged' });

    const failed = runCli(['generate', '--reporter', 'json'], broken('report-json-broken'));
    expect(failed.code).toBe(1);
    const report = json(failed.stdout);
    expect(report.ok).toBe(false);
    expect(report.files).toEqual([]);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG101', file: 'contracts/integrations/twilio-sms.ts' }));
    expect(failed.stderr).toBe('');
  }, 120_000);

  it('no ANSI escapes with NO_COLOR or when not a terminal; FORCE_COLOR=1 adds them', () => {
    const root = broken('colors');
    const noColor = runCli(['generate', '--timings'], root, { NO_COLOR: '1', FORCE_COLOR: '0' });
    const notTty = runCli(['generate', '--timings'], root, { NO_COLOR: '', FORCE_COLOR: '0' });
    const forced = runCli(['generate', '--timings'], root, { NO_COLOR: '', FORCE_COLOR: '1' });
    for (const run of [noColor, notTty, forced]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/CG101/);
    }
    expect(noColor.stderr).not.toMatch(ANSI);
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(notTty.stderr).not.toMatch(ANSI);
    expect(forced.stderr).toMatch(ANSI);
    // The same text once the colours are taken out (timings aside).
    const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '').replace(/\d+(\.\d+)? ms/g, 'N ms');
    expect(plain(forced.stderr)).toBe(plain(noColor.stderr));
  }, 120_000);

  it('--quiet prints nothing on success, and still prints errors', () => {
    const root = project('quiet');
    const first = runCli(['generate', '--quiet'], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('');
    expect(existsSync(join(root, OUT, 'index.ts'))).toBe(true);
    const check = runCli(['check', '--quiet'], root);
    expect([check.code, check.stdout, check.stderr]).toEqual([0, '', '']);

    const failed = runCli(['generate', '--quiet'], broken('quiet-broken'));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/twilio-sms\.ts:\d+:\d+ - error CG101/);
  }, 120_000);

  it('--timings prints each stage with its time; the human summary is one line', async () => {
    const root = project('timings');
    const run = runCli(['generate', '--timings'], root);
    expect(run.code).toBe(0);
    for (const stage of ['discover', 'load', 'check', 'plan', 'emit', 'capabilities', 'integrations', 'project', 'compare', 'write']) expect(run.stderr).toMatch(new RegExp(`^${stage}\\s+\\d+(\\.\\d+)? ms$`, 'm'));
    const summary = run.stderr.split('\n').filter((l) => l.startsWith('contractgen '));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(/^contractgen generate: \d+ specs, \d+ written, 0 unchanged, 0 removed \(\d+ ms\)$/);

    // Without --timings (the CLI's default: false), in this process through the CLI's reporter.
    const plain = printed(await runFrom(root), root);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contractgen generate: \d+ specs, 0 written, \d+ unchanged, 0 removed \(\d+ ms\)$/)]);

    // A cold run through the JSON reporter: every stage, in milliseconds.
    const machine = json(runCli(['generate', '--timings', '--reporter', 'json'], project('timings-json')).stdout);
    expect(Object.keys(machine.timings ?? {})).toEqual(expect.arrayContaining(['discover', 'load', 'check', 'emit', 'compare', 'write']));
    expect(Object.values(machine.timings ?? {}).every((ms) => typeof ms === 'number' && ms >= 0)).toBe(true);
    // Without --timings the JSON has none.
    expect(json(printed(await runFrom(root), root, 'json').stdout).timings).toBeUndefined();
  }, 120_000);
});
