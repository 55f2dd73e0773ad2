/**
 * `--templates DIR`: a folder of overrides replaces built-in templates and partials by name, without
 * forking; a broken override is reported (CG201) with its own file and line, and nothing is written.
 * Runs go through generate() in this process, printed by the CLI's reporter; the flags themselves
 * (`--templates` twice, relative to the working directory) through the real CLI.
 */
import { builtInTemplate } from './support/workspace.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support/in-process.js';
import { copyInto, REPO, TWILIO_SPECS, removeDir, runCli, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

type Snapshot = ReturnType<typeof snapshot>;
const contents = (snap: Snapshot) => Object.fromEntries(Object.entries(snap).map(([path, file]) => [path, file.content]));

/** Paths whose bytes differ between two snapshots (or that exist in only one). */
function differing(a: Snapshot, b: Snapshot): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((path) => a[path]?.content !== b[path]?.content).sort();
}

let root: string;
let defaults: Snapshot;

beforeAll(async () => {
  root = scratchDir('templates');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'contractgen.config.json': '{}\n' });
  const run = await runInProcess({ root, out: 'out-default' });
  expect(run.stderr).toMatch(/contractgen generate: \d+ specs/);
  expect(run.code).toBe(0);
  defaults = snapshot(join(root, 'out-default'));
  expect(Object.keys(defaults).length).toBeGreaterThan(30);
});

const builtIn = (name: string) => readFileSync(builtInTemplate(name), 'utf8');

/** Generates with `overrides` (name -> template text) as the only override folder into a fresh folder. */
async function generateWith(label: string, overrides: Record<string, string>) {
  const dir = `overrides-${label}`;
  writeFiles(join(root, dir), overrides);
  const out = `out-${label}`;
  const run = await runInProcess({ root, templates: [join(root, dir)], out });
  return { ...run, out: join(root, out), overridesDir: join(root, dir) };
}

describe('template overrides (--templates)', () => {
  it('an override of one template changes exactly that file; every other file keeps its bytes', async () => {
    const catalog = [
      '{{> md-header}}',
      '',
      '# Providers',
      '',
      '{{#each categories}}',
      '{{#each integrations}}',
      '- {{{mdText key}}} ({{{mdText ../name}}}): {{{mdText title}}}',
      '{{/each}}',
      '{{/each}}',
      '',
    ].join('\n');
    const run = await generateWith('catalog', { 'docs/catalog.md.hbs': catalog });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const overridden = snapshot(run.out);
    expect(differing(defaults, overridden)).toEqual(['docs/catalog.md']);
    const text = overridden['docs/catalog.md']!.content;
    expect(text).toContain('# Providers');
    expect(text).toContain('- messaging.whatsapp.twilio (messaging): ');
    expect(text).toContain('- sms.twilio (sms): Twilio Messaging');
    expect(text).not.toContain('| Integration |');
    expect(text.split('\n')[0]).toBe(defaults['docs/catalog.md']!.content.split('\n')[0]);
    // The same file list (so the same manifest), and the defaults really are the built-in layout.
    expect(Object.keys(overridden)).toEqual(Object.keys(defaults));
    expect(defaults['docs/catalog.md']!.content).toContain('| Integration | Title | Version | Stability | Capabilities |');
  });

  it('an override of a partial changes every file that uses it, and only those', async () => {
    const header = builtIn('partials/md-header.hbs');
    const run = await generateWith('partial', { 'partials/md-header.hbs': `${header.trimEnd()}\n<!-- Owned by the platform team: ask in #integrations. -->\n` });
    expect(run.code).toBe(0);
    const overridden = snapshot(run.out);
    const changed = differing(defaults, overridden);
    const docs = Object.keys(defaults).filter((path) => path.endsWith('.md'));
    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(changed).toEqual(docs.sort());
    for (const path of docs) expect(overridden[path]!.content).toContain('<!-- Owned by the platform team: ask in #integrations. -->');
  });

  it('two override folders: the later one wins, and both apply', async () => {
    writeFiles(join(root, 'overrides-first'), { 'docs/catalog.md.hbs': 'first\n', 'docs/capability.md.hbs': 'capability page\n' });
    writeFiles(join(root, 'overrides-second'), { 'docs/catalog.md.hbs': 'second\n' });
    const run = runCli(['generate', '--templates', 'overrides-first', '--templates', 'overrides-second', '--out', 'out-two'], root);
    expect(run.code).toBe(0);
    const overridden = snapshot(join(root, 'out-two'));
    expect(overridden['docs/catalog.md']!.content).toBe('second\n');
    expect(overridden['docs/capabilities/sms.outbound.md']!.content).toBe('capability page\n');
    expect(differing(defaults, overridden).every((path) => path === 'docs/catalog.md' || path.startsWith('docs/capabilities/'))).toBe(true);
  });

  describe('a broken override exits 1 with CG201 naming the override file and line, and writes nothing', () => {
    const expectTemplateError = (run: Awaited<ReturnType<typeof generateWith>>, file: string, line: number, message: RegExp) => {
      expect(run.code).toBe(1);
      const diagnostic = new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:\\d+ - error CG201: template failed: .*`, 'm');
      expect(run.stderr).toMatch(diagnostic);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/contractgen generate: \d+ specs, 0 written, 0 unchanged, 0 removed, 1 error/);
      expect(existsSync(run.out)).toBe(false);
    };

    it('an unclosed {{#if}}: the line of the block that is never closed', async () => {
      const broken = builtIn('docs/catalog.md.hbs').replace('# Integration catalog', '# Integration catalog\n\n{{#if integrations.length}}\nSome integrations.');
      const line = broken.split('\n').findIndex((l) => l.startsWith('{{#if')) + 1;
      expect(line).toBe(5);
      const run = await generateWith('unclosed', { 'docs/catalog.md.hbs': broken });
      expectTemplateError(run, 'overrides-unclosed/docs/catalog.md.hbs', line, /\{\{#if\}\} is never closed/);
    });

    it('a block closed by the wrong name: the line Handlebars reports', async () => {
      const run = await generateWith('mismatch', { 'docs/integration.md.hbs': '{{> md-header}}\n\n# {{{mdText title}}}\n{{#if description}}\n{{{mdText description}}}\n{{/each}}\n' });
      expectTemplateError(run, 'overrides-mismatch/docs/integration.md.hbs', 4, /if doesn't match each/);
    });

    it('a reference to a partial that does not exist: the line of the reference', async () => {
      const broken = builtIn('docs/catalog.md.hbs').replace('## Capabilities', '{{> provider-notes}}\n\n## Capabilities');
      const line = broken.split('\n').findIndex((l) => l.startsWith('{{> provider-notes')) + 1;
      const run = await generateWith('missing-partial', { 'docs/catalog.md.hbs': broken });
      expectTemplateError(run, 'overrides-missing-partial/docs/catalog.md.hbs', line, /partial provider-notes could not be found/);
    });

    it('a broken partial override: the partial file, not the template that uses it', async () => {
      const run = await generateWith('broken-partial', { 'partials/md-header.hbs': '<!-- @generated by contractgen -->\n{{#each tags}}\n' });
      expectTemplateError(run, 'overrides-broken-partial/partials/md-header.hbs', 2, /\{\{#each\}\} is never closed/);
    });

    it('a field that does not exist (strict mode): the line of the reference', async () => {
      // (Handlebars checks plain references only: a misspelt helper argument renders as empty.)
      const run = await generateWith('unknown-field', { 'docs/capability.md.hbs': '{{> md-header}}\n\n# {{{mdText key}}}\n\n{{{summaryText}}}\n' });
      expectTemplateError(run, 'overrides-unknown-field/docs/capability.md.hbs', 5, /"summaryText" not defined/);
    });

    it('and an earlier good generation stays as it was', async () => {
      const out = join(root, 'out-default');
      const before = snapshot(out);
      writeFiles(join(root, 'overrides-late'), { 'docs/catalog.md.hbs': '{{#if x}}\n' });
      const run = runCli(['generate', '--templates', 'overrides-late', '--out', 'out-default'], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^overrides-late\/docs\/catalog\.md\.hbs:1:1 - error CG201/m);
      expect(snapshot(out)).toEqual(before);
      expect(contents(before)).toEqual(contents(defaults));
    });
  });
});
