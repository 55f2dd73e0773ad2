/**
 * `contractgen generate --watch`, driven as a user would: the real CLI runs as a child process in a
 * scratch project while the test creates, edits, breaks, fixes and deletes a spec, waiting (with a
 * deadline, never a fixed sleep) for the output folder to follow each step.
 */
import { builtInTemplate } from './support/workspace.js';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { startCli, stopAllCli, waitFor, type CliProcess } from './support/cli-process.js';
import { copyProject, projectTree } from './support/from-scratch.js';
import { copyInto, REPO, TWILIO_SPECS, removeDir, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterEach(stopAllCli);
afterAll(() => scratch.forEach(removeDir));

const STEP_TIMEOUT_MS = 30_000;
/** One spec per file in the repository's specs/ folder. */
const SPECS = readdirSync(TWILIO_SPECS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).length;

function project(): string {
  const root = scratchDir('watch');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  // A config file of its own keeps the upward search from finding anything above the scratch folder.
  writeFiles(root, { 'contractgen.config.json': JSON.stringify({ specs: 'specs', out: 'generated' }, null, 2) + '\n' });
  return root;
}

const twilioSpec = readFileSync(join(TWILIO_SPECS, 'integrations/twilio-sms.ts'), 'utf8');
/** A third SMS provider: the Twilio spec under another key and export name. */
const acmeSpec = (title = 'Acme SMS') => {
  const text = twilioSpec
    .replace("key: 'sms.twilio'", "key: 'sms.acme'")
    .replace('twilioSmsIntegrationSpec', 'acmeSmsIntegrationSpec')
    .replace("title: 'Twilio Messaging'", `title: '${title}'`);
  expect(text).toContain("key: 'sms.acme'");
  expect(text).toContain(`title: '${title}'`);
  return text;
};

/** Where `needle` starts in `text`, 1-based. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

describe('generate --watch', () => {
  it('follows a spec through create, edit, break, fix and delete, and survives the broken step', async () => {
    const root = project();
    const out = join(root, 'generated');
    const specFile = join(root, 'specs/integrations/acme-sms.ts');
    const acmeDoc = join(out, 'docs/integrations/sms.acme.md');
    const acmeClient = join(out, 'integrations/sms.acme/client.ts');
    expect(existsSync(join(root, 'adapters'))).toBe(false);

    const cli = startCli(['generate', '--watch'], root);
    const opts = { timeoutMs: STEP_TIMEOUT_MS, describe: () => `process output:\n${cli.output()}` };
    /** Output printed since `from`. */
    const since = (from: number) => cli.output().slice(from);
    /** A completed run (its summary line) after `from`. */
    const runAfter = (from: number, pattern = /contractgen generate: [^\n]*\(\d+ ms\)/) => pattern.test(since(from));
    /** The output folder is exactly what a one-shot run of the current specs produces. */
    const upToDate = async () => {
      const check = await generate({ root, mode: 'check', adapters: 'adapters' });
      expect(check.diagnostics).toEqual([]);
      expect(check.ok).toBe(true);
    };

    // Initial run.
    await waitFor('the first run and the "watching" notice', () => /watching for changes/.test(cli.output()) && existsSync(join(out, 'index.ts')), opts);
    expect(cli.output()).toMatch(new RegExp(`contractgen generate: ${SPECS} specs, \\d+ written, 0 unchanged, 0 removed`));
    await upToDate();
    writeFiles(out, { 'NOTES.md': 'hand-written notes\n' });

    // 1. Create a new integration spec.
    let mark = cli.output().length;
    writeFileSync(specFile, acmeSpec());
    await waitFor(
      'the new provider to be generated',
      () => read(acmeDoc)?.includes('Acme SMS') && existsSync(acmeClient) && read(join(out, 'index.ts'))?.includes('sms.acme@1.0.0') && read(join(out, 'docs/catalog.md'))?.includes('sms.acme') && runAfter(mark),
      opts,
    );
    await upToDate();
    writeFiles(out, { 'integrations/sms.acme/NOTES.md': 'placed by hand next to generated files\n' });

    // 2. Edit it: the title change reaches its docs page.
    mark = cli.output().length;
    writeFileSync(specFile, acmeSpec('Acme Messaging'));
    await waitFor('the edited title in the docs page', () => read(acmeDoc)?.includes('Acme Messaging') && runAfter(mark), opts);
    expect(read(acmeDoc)).not.toContain('Acme SMS');
    await upToDate();

    // 3. Break it with a value that is not static: diagnostics with file:line:col, nothing written.
    const before = snapshot(out);
    mark = cli.output().length;
    const nonStatic = acmeSpec('Acme Broken').replace('timeoutMs: 3000', 'timeoutMs: Date.now()');
    const at = positionOf(nonStatic, 'Date.now()');
    writeFileSync(specFile, nonStatic);
    const location = `specs/integrations/acme-sms.ts:${at.line}:${at.column} - error CG101`;
    await waitFor('the non-static diagnostic and the failed run', () => since(mark).includes(location) && runAfter(mark, /contractgen generate: [^\n]*1 error/), opts);
    expect(since(mark)).toMatch(/not a static value/);
    expect(cli.alive()).toBe(true);
    expect(snapshot(out)).toEqual(before);

    // ... and with a syntax error: still running, still nothing written.
    mark = cli.output().length;
    const syntaxError = acmeSpec('Acme Broken').replace('timeoutMs: 3000,', 'timeoutMs: 3000 3000,');
    const bad = positionOf(syntaxError, '3000 3000');
    writeFileSync(specFile, syntaxError);
    const syntaxLocation = `specs/integrations/acme-sms.ts:${bad.line}:${bad.column + '3000 '.length} - error CG100`;
    await waitFor('the syntax error diagnostic and the failed run', () => since(mark).includes(syntaxLocation) && runAfter(mark, /contractgen generate: [^\n]*errors?\b/), opts);
    expect(cli.alive()).toBe(true);
    expect(snapshot(out)).toEqual(before);

    // 4. Fix it: the output follows again.
    mark = cli.output().length;
    writeFileSync(specFile, acmeSpec('Acme Fixed'));
    await waitFor('the fixed spec to be generated', () => read(acmeDoc)?.includes('Acme Fixed') && runAfter(mark, new RegExp(`contractgen generate: ${SPECS + 1} specs, [1-9]\\d* written, \\d+ unchanged, 0 removed \\(\\d+ ms\\)`)), opts);
    await upToDate();

    // 5. Delete it: its generated files go, hand-placed files stay.
    mark = cli.output().length;
    rmSync(specFile);
    await waitFor(
      'the deleted provider to be removed',
      () => !existsSync(acmeClient) && !existsSync(acmeDoc) && !read(join(out, 'index.ts'))?.includes('sms.acme') && !read(join(out, 'docs/catalog.md'))?.includes('sms.acme') && runAfter(mark, new RegExp(`contractgen generate: ${SPECS} specs, \\d+ written, \\d+ unchanged, [1-9]\\d* removed \\(\\d+ ms\\)`)),
      opts,
    );
    await upToDate();
    expect(existsSync(join(out, 'integrations/sms.acme/types.ts'))).toBe(false);
    expect(read(join(out, 'integrations/sms.acme/NOTES.md'))).toBe('placed by hand next to generated files\n');
    expect(read(join(out, 'NOTES.md'))).toBe('hand-written notes\n');
    expect(read(join(out, 'index.ts'))).toContain('sms.twilio@1.0.0');

    // Stops cleanly on SIGTERM.
    expect(cli.alive()).toBe(true);
    const exit = await cli.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(cli.output()).not.toMatch(/internal error/);
  }, 240_000);

  it('sees every kind of save: in place, by rename, temp file + rename, sed -i, vim\'s backup, new folders and files, deletions, a module outside specs/ that a spec imports', async () => {
    const root = project();
    const out = join(root, 'generated');
    const specFile = join(root, 'specs/integrations/acme-sms.ts');
    const acmeDoc = join(out, 'docs/integrations/sms.acme.md');
    const moreDir = join(root, 'specs/integrations/more');
    const betaDoc = join(out, 'docs/integrations/sms.beta.md');
    const cli = startCli(['generate', '--watch'], root);
    const opts = { timeoutMs: STEP_TIMEOUT_MS, describe: () => `process output:\n${cli.output()}` };
    await waitFor('the first run', () => /watching for changes/.test(cli.output()), opts);

    /** Saves the acme spec with `title` the way `save` does, and waits for the docs page to show it. */
    const saved = async (how: string, title: string, save: (text: string) => void) => {
      const mark = cli.output().length;
      save(acmeSpec(title));
      await waitFor(`the ${how} save`, () => read(acmeDoc)?.includes(title) && /contractgen generate: [^\n]*\(\d+ ms\)/.test(cli.output().slice(mark)), opts);
      return mark;
    };
    await saved('new file', 'Acme New', (text) => writeFileSync(specFile, text));

    // In place, after a quiet while: the time printed is the run's own, not the time since the last run.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = performance.now();
    const mark = await saved('in-place', 'Acme In Place', (text) => writeFileSync(specFile, text));
    const seenAfterMs = performance.now() - before;
    const printedMs = Number(/contractgen generate: [^\n]*\((\d+) ms\)/.exec(cli.output().slice(mark))![1]);
    expect(printedMs).toBeLessThanOrEqual(seenAfterMs);

    await saved('rename over', 'Acme Renamed', (text) => {
      writeFileSync(`${specFile}.tmp`, text);
      renameSync(`${specFile}.tmp`, specFile);
    });
    await saved('temp file elsewhere + rename', 'Acme Moved In', (text) => {
      writeFileSync(join(root, '.acme-sms.ts.new'), text);
      renameSync(join(root, '.acme-sms.ts.new'), specFile);
    });
    await saved('sed -i', 'Acme Sed', () => execFileSync('sed', ['-i', 's/Acme Moved In/Acme Sed/', specFile]));
    await saved('vim (backup by rename, new file, backup removed)', 'Acme Vim', (text) => {
      renameSync(specFile, `${specFile}~`);
      writeFileSync(specFile, text);
      rmSync(`${specFile}~`);
    });
    await saved('in-place after the renames', 'Acme Again', (text) => writeFileSync(specFile, text));

    // A new folder with a new spec in it, then the folder deleted.
    let from = cli.output().length;
    mkdirSync(moreDir);
    writeFileSync(join(moreDir, 'beta-sms.ts'), acmeSpec('Beta SMS').replace("key: 'sms.acme'", "key: 'sms.beta'").replace('acmeSmsIntegrationSpec', 'betaSmsIntegrationSpec'));
    await waitFor('the spec in the new folder', () => read(betaDoc)?.includes("Beta SMS") && /\(\d+ ms\)/.test(cli.output().slice(from)), opts);
    from = cli.output().length;
    rmSync(moreDir, { recursive: true });
    await waitFor('the deleted folder\'s outputs removed', () => !existsSync(betaDoc) && /[1-9]\d* removed \(\d+ ms\)/.test(cli.output().slice(from)), opts);

    // A module outside specs/ that the spec imports: the specs folder's watcher does not see it,
    // its own folder is watched once a run has found it; saved in place and by rename.
    const shared = join(root, 'shared/title.ts');
    const sharedTitle = (title: string) => `export const ACME_TITLE = '${title}';\n`;
    writeFiles(root, { 'shared/title.ts': sharedTitle('Acme Shared') });
    await saved('spec importing a module outside specs/', 'Acme Shared', () =>
      writeFileSync(specFile, `import { ACME_TITLE } from '../../shared/title.js';\n${acmeSpec('Acme Placeholder').replace("title: 'Acme Placeholder'", 'title: ACME_TITLE')}`),
    );
    await saved('imported module, in place', 'Acme Shared Edit', () => writeFileSync(shared, sharedTitle('Acme Shared Edit')));
    await saved('imported module, by rename', 'Acme Shared Renamed', () => {
      writeFileSync(`${shared}.tmp`, sharedTitle('Acme Shared Renamed'));
      renameSync(`${shared}.tmp`, shared);
    });

    // The adapters folder did not exist when the watch started: created now, it is seen, and its adapter bound.
    from = cli.output().length;
    writeFiles(root, {
      'adapters/sms-acme.ts': `import { defineAdapter } from '@contractgen/runtime';\nexport const smsAcmeAdapter = defineAdapter({ integration: 'sms.acme', connect: () => { throw new Error('unused'); } });\n`,
    });
    const acmeClient = join(out, 'integrations/sms.acme/client.ts');
    await waitFor('the new adapter bound', () => read(acmeClient)?.includes('../../../adapters/sms-acme.js') && /\(\d+ ms\)/.test(cli.output().slice(from)), opts);

    // Its spec broken: the spec's error only, not a second one about the adapter's unknown key.
    from = cli.output().length;
    writeFileSync(specFile, acmeSpec('Acme Broken').replace('timeoutMs: 3000', 'timeoutMs: Date.now()'));
    await waitFor('the failed run', () => /error CG101/.test(cli.output().slice(from)) && /1 error \(\d+ ms\)/.test(cli.output().slice(from)), opts);
    expect(cli.output().slice(from)).not.toMatch(/CG142/);

    expect(await cli.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(cli.output()).not.toMatch(/internal error/);
  }, 240_000);

  it('each warm run ends like a run from scratch: an edit, a new file, a rename, a spec written into a file that held none, a deletion, a break, outputs changed by hand', async () => {
    const root = project();
    const copy = join(scratchDir('watch-from-scratch'), 'project');
    scratch.push(dirname(copy));
    const later = join(root, 'specs/integrations/later.ts');
    writeFileSync(later, '// the Beta spec goes here\n');
    // A package of its own: the build cache is in the project (its node_modules), as in a user's.
    writeFiles(root, { 'package.json': '{ "name": "watched", "private": true }\n', 'node_modules/.keep': '' });
    const cli = startCli(['generate', '--watch'], root);
    const opts = { timeoutMs: STEP_TIMEOUT_MS, describe: () => `process output:\n${cli.output()}` };
    await waitFor('the first run', () => /watching for changes/.test(cli.output()), opts);
    const betaSpec = acmeSpec('Beta SMS').replace("key: 'sms.acme'", "key: 'sms.beta'").replace('acmeSmsIntegrationSpec', 'betaSmsIntegrationSpec');
    const saves: [string, () => void][] = [
      ['a new spec file', () => writeFileSync(join(root, 'specs/integrations/acme-sms.ts'), acmeSpec())],
      ['an edit in place', () => writeFileSync(join(root, 'specs/integrations/acme-sms.ts'), acmeSpec('Acme Edited'))],
      // Outputs changed by another hand: the watcher of the output folder sees them, and a run puts them back.
      ['a generated file edited by hand', () => appendFileSync(join(root, 'generated/integrations/sms.acme/client.ts'), '// edited by hand\n')],
      ['a generated file replaced by a rename', () => {
        writeFileSync(join(root, 'generated/docs/catalog.md.tmp'), '# not the catalog\n');
        renameSync(join(root, 'generated/docs/catalog.md.tmp'), join(root, 'generated/docs/catalog.md'));
      }],
      ['a generated file deleted', () => rmSync(join(root, 'generated/integrations/sms.acme/types.ts'))],
      ['a rename', () => renameSync(join(root, 'specs/integrations/acme-sms.ts'), join(root, 'specs/integrations/acme.ts'))],
      ['a spec written into a file that held none', () => writeFileSync(later, betaSpec)],
      ['an edit of a spec that another run reused', () => writeFileSync(join(root, 'specs/integrations/acme.ts'), acmeSpec('Acme Again'))],
      ['a broken save', () => writeFileSync(later, betaSpec.replace('timeoutMs: 3000', 'timeoutMs: Date.now()'))],
      ['the fix', () => writeFileSync(later, betaSpec.replace("title: 'Beta SMS'", "title: 'Beta Fixed'"))],
      ['a deletion', () => rmSync(join(root, 'specs/integrations/acme.ts'))],
    ];
    for (const [what, save] of saves) {
      const mark = cli.output().length;
      save();
      await waitFor(`the run after ${what}`, () => /contractgen generate: [^\n]*\(\d+ ms\)/.test(cli.output().slice(mark)), opts);
      const printed = cli.output().slice(mark);
      // From scratch, on a copy of the project as the watch left it: nothing to write, the same verdict and diagnostics.
      copyProject(root, copy);
      const fromScratch = await generate({ root: copy, workers: 0, cache: false });
      expect(fromScratch.files.filter((f) => f.status !== 'unchanged'), `after ${what}`).toEqual([]);
      expect(projectTree(copy), `after ${what}`).toEqual(projectTree(root));
      expect(/ errors?\b/.test(printed), `after ${what}: ${printed}`).toBe(!fromScratch.ok);
      for (const d of fromScratch.diagnostics) expect(printed, `after ${what}`).toContain(`error ${d.code}: ${d.message}`);
    }
    expect(await cli.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(cli.output()).not.toMatch(/internal error/);
  }, 240_000);

  it('does not report a run that read a spec while it was being saved (CG306): the run after it reports the saved spec', async () => {
    const root = project();
    const pause = join(root, 'paused');
    // Every run stops once it has read its inputs, with its event loop blocked, until the test lets it go on.
    const cli = startCli(['generate', '--watch'], root, {}, { pauseFile: pause });
    const opts = { timeoutMs: STEP_TIMEOUT_MS, describe: () => `process output:\n${cli.output()}` };
    await waitFor('the first run to pause', () => existsSync(pause), opts);
    rmSync(pause);
    await waitFor('the first run', () => /watching for changes/.test(cli.output()), opts);
    const spec = join(root, 'specs/integrations/acme-sms.ts');
    const mark = cli.output().length;
    writeFileSync(spec, acmeSpec('Acme One'));
    await waitFor('the run of the save to pause', () => existsSync(pause), opts);
    // The save goes on while the run holds what it read: the run finds the spec changed (CG306)
    // before the watcher's event of it can come, since the run's event loop is blocked.
    writeFileSync(spec, acmeSpec('Acme Two'));
    rmSync(pause);
    const releasing = setInterval(() => rmSync(pause, { force: true }), 20);
    try {
      await waitFor('a run reported', () => /contractgen generate: [^\n]*\(\d+ ms\)/.test(cli.output().slice(mark)), opts);
    } finally {
      clearInterval(releasing);
    }
    expect(cli.output().slice(mark)).not.toMatch(/CG306|error/);
    expect(read(join(root, 'generated/docs/integrations/sms.acme.md'))).toContain('Acme Two');
    rmSync(pause, { force: true });
    expect(await cli.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('regenerates when a template override changes, and reports a broken one without stopping', async () => {
    const root = project();
    const out = join(root, 'generated');
    mkdirSync(join(root, 'overrides/docs'), { recursive: true });
    const override = join(root, 'overrides/docs/catalog.md.hbs');
    const builtIn = readFileSync(builtInTemplate('docs/catalog.md.hbs'), 'utf8');
    writeFileSync(override, builtIn);

    const cli = startCli(['generate', '--watch', '--templates', 'overrides'], root);
    const opts = { timeoutMs: STEP_TIMEOUT_MS, describe: () => `process output:\n${cli.output()}` };
    await waitFor('the first run', () => /watching for changes/.test(cli.output()) && existsSync(join(out, 'docs/catalog.md')), opts);
    const catalog = join(out, 'docs/catalog.md');
    expect(read(catalog)).toContain('# Integration catalog');

    let mark = cli.output().length;
    writeFileSync(override, builtIn.replace('# Integration catalog', '# Our providers'));
    await waitFor('the override to reach the catalog', () => read(catalog)?.includes('# Our providers') && /contractgen generate: [^\n]*\(\d+ ms\)/.test(cli.output().slice(mark)), opts);

    const before = snapshot(out);
    mark = cli.output().length;
    writeFileSync(override, builtIn.replace('# Integration catalog', '# Our providers\n{{#if integrations.length}}'));
    await waitFor('the template diagnostic', () => /overrides\/docs\/catalog\.md\.hbs:4:1 - error CG201/.test(cli.output().slice(mark)) && /1 error/.test(cli.output().slice(mark)), opts);
    expect(cli.alive()).toBe(true);
    expect(snapshot(out)).toEqual(before);

    mark = cli.output().length;
    rmSync(override);
    await waitFor('the built-in template again', () => read(catalog)?.includes('# Integration catalog') && /contractgen generate: [^\n]*\(\d+ ms\)/.test(cli.output().slice(mark)), opts);

    expect(await cli.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 180_000);
});
