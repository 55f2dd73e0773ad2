/**
 * A spec's regular expressions never hang a run (finding 4 of issue 16). A pattern that backtracks
 * catastrophically is CG125 at the pattern: found by matching strings built to blow it up (and its
 * example) in a worker thread under a time budget, never in the thread that checks the spec;
 * safe-regex2's nested-quantifier finding alone is a warning. Whatever a spec holds, SIGTERM and
 * SIGINT stop a run within a second. Generated validators keep JavaScript's own RegExp (README,
 * Reliability, Patterns): no pattern CG125 refuses ever reaches them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { startCli, stopAllCli, waitFor } from './support/cli-process.js';
import { integrationSource, specProject } from './support/spec-sources.js';
import { removeDir, runCli } from './support/workspace.js';

const scratch: string[] = [];
afterAll(async () => {
  await stopAllCli();
  scratch.forEach(removeDir);
});

/** The example: 35 a's and a character the pattern refuses (each more `a` doubles the time of a backtracking match). */
const HOSTILE = `${'a'.repeat(35)}!`;

/** An integration whose config has the given properties and example. */
function integration(key: string, properties: Record<string, unknown>, example: Record<string, unknown>): string {
  return integrationSource({ key, configSchema: `{ schema: { type: 'object', properties: ${JSON.stringify(properties)} }, example: ${JSON.stringify(example)} }` });
}

const project = (files: Record<string, string>) => specProject('patterns', scratch, files);

/** The CLI's JSON diagnostics, run with a hard limit: a hang is a failure, never a stuck suite. */
function cli(command: string, root: string) {
  const started = performance.now();
  const run = runCli([command, '--reporter', 'json'], root, {}, 30_000);
  const elapsed = performance.now() - started;
  expect(run.code, `${command}: killed after 30 s? ${run.stderr}`).toBe(1);
  return { elapsed, diagnostics: (JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; line?: number; column?: number }[] }).diagnostics };
}

describe('a catastrophic pattern', () => {
  it("the issue's ^(a+)+$ with 35 a's: CG125 at the pattern from validate (real CLI), generate and check, nothing written", async () => {
    const root = project({ 'specs/integrations/evil.ts': integration('sms.evil', { fromNumber: { type: 'string', pattern: '^(a+)+$' } }, { fromNumber: HOSTILE }) });
    const expected = expect.objectContaining({ code: 'CG125', line: 7, message: expect.stringContaining('configSchema.schema.properties.fromNumber.pattern can backtrack catastrophically') });
    expect(cli('validate', root).diagnostics).toContainEqual(expected);
    for (const mode of ['write', 'check'] as const) expect((await generate({ root, mode })).diagnostics, mode).toContainEqual(expected);
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('as a patternProperties key, or nested deep in a schema: CG125 where it is', async () => {
    const root = project({
      'specs/integrations/keys.ts': integration('sms.keys', { labels: { type: 'object', patternProperties: { '^(x+x+)+y$': { type: 'string' } } } }, { labels: {} }),
      'specs/integrations/deep.ts': integration('sms.deep', { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'string', pattern: '(.*a){12}' } } } } }, { a: [] }),
    });
    const result = await generate({ root, mode: 'validate' });
    const messages = result.diagnostics.filter((d) => d.code === 'CG125').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringMatching(/^configSchema\.schema\.properties\.a\.items\.properties\.b\.pattern (can|may) backtrack/),
      expect.stringMatching(/^configSchema\.schema\.properties\.labels\.patternProperties\.\^\(x\+x\+\)\+y\$ can backtrack/),
    ]);
  });

  it('that safe-regex2 lets through (overlapping alternatives) is stopped by the time budget on a hostile string: CG125, in bounded time', () => {
    const root = project({ 'specs/integrations/sly.ts': integration('sms.sly', { fromNumber: { type: 'string', pattern: '^(a|a)*$' } }, { fromNumber: 'aaa' }) });
    const { diagnostics, elapsed } = cli('validate', root);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'CG125', severity: 'error', line: 7, message: expect.stringContaining('matching 30 times "a" and one more character took more than 300 ms') }));
    // Startup and a loaded machine included; the old code ran for minutes.
    expect(elapsed).toBeLessThan(15_000);
  });

  it('one whose slowness only the example shows is stopped while matching the example', async () => {
    // Overlapping alternatives over Cyrillic letters written as escapes: the hostile strings the checks
    // build from the characters of the pattern miss it, its example does not.
    const root = project({ 'specs/integrations/sly.ts': integration('sms.sly', { fromNumber: { type: 'string', pattern: '^([\\u0430-\\u044f]|\\u0430)*$' } }, { fromNumber: `${'\u0430'.repeat(32)}!` }) });
    const result = await generate({ root, mode: 'validate' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG125', severity: 'error', message: expect.stringContaining('matching the example took more than 300 ms') }));
  });

  it('one safe-regex2 flags but that is linear (dotted keys) is a warning, and generates', async () => {
    const root = project({ 'specs/integrations/dotted.ts': integration('sms.dotted', { key: { type: 'string', pattern: '^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$' } }, { key: 'sms.twilio' }) });
    const result = await generate({ root });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG125', severity: 'warning', message: expect.stringContaining('may backtrack catastrophically (safe-regex2') })]);
  });

  it('patterns that are fine are matched as before: an example that does not match is CG121, one that does passes', async () => {
    const e164 = { fromNumber: { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$' }, sid: { type: 'string', pattern: '^AC[0-9a-fA-F]{32}$' } };
    const bad = project({ 'specs/integrations/bad.ts': integration('sms.bad', e164, { fromNumber: '0800', sid: 'AC' }) });
    const result = await generate({ root: bad, mode: 'validate' });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['CG121', 'CG121']);
    const good = project({ 'specs/integrations/good.ts': integration('sms.good', e164, { fromNumber: '+15551234567', sid: `AC${'0'.repeat(32)}` }) });
    expect((await generate({ root: good, mode: 'validate' })).diagnostics).toEqual([]);
  });
});

describe('SIGTERM and SIGINT whatever the patterns', () => {
  // Spec files with three patterns each that backtrack on their examples: about 0.6 s of budgeted
  // matching per file, so a signal lands in the middle of it.
  const slowProject = (files: number) =>
    project(
      Object.fromEntries(
        Array.from({ length: files }, (_, i) => [
          `specs/integrations/slow-${i}.ts`,
          integration(`sms.slow${i}`, { a: { type: 'string', pattern: '^(a|a)*$' }, b: { type: 'string', pattern: `^(a|a)*${i}$` }, c: { type: 'string', pattern: `^(a|aa)*${i}$` } }, { a: HOSTILE, b: HOSTILE, c: HOSTILE }),
        ]),
      ),
    );

  it('SIGTERM stops validate, SIGINT stops generate, each within a second, in the middle of matching', async () => {
    const root = slowProject(24);
    for (const [command, signal] of [['validate', 'SIGTERM'], ['generate', 'SIGINT']] as const) {
      const run = startCli([command, '--workers', '0'], root);
      // Well into the spec files (24 of them: 7 s of matching at least): module loading and the
      // first file's validator compile, which no signal can cut short, take about a second, and
      // three times that on a CI machine running the rest of the suite beside it.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(run.alive(), `${command} ended before the signal: ${run.output()}`).toBe(true);
      const sent = performance.now();
      run.child.kill(signal);
      const exit = await run.exited;
      expect(performance.now() - sent, `${command} ${signal}`).toBeLessThan(1_000);
      expect(exit).toEqual({ code: 130, signal: null });
    }
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('an example too large to check quickly (uniqueItems compares items pair by pair) is CG105 at once', async () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ a: i }));
    const root = project({ 'specs/integrations/big.ts': integration('sms.big', { list: { type: 'array', uniqueItems: true } }, { list }) });
    const started = performance.now();
    const result = await generate({ root, mode: 'validate' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG105', message: expect.stringContaining('configSchema.example.list has 20000 items') }));
    // Checked pair by pair, 20,000 objects take a minute on the thread that handles Ctrl-C.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('left alone, such a run ends with a located CG125 per slow pattern, not a hang', async () => {
    const root = slowProject(3);
    const run = startCli(['validate', '--reporter', 'json'], root);
    const exit = await waitFor('the run to end', () => (run.alive() ? undefined : run.exited), { timeoutMs: 60_000 });
    expect(await exit).toEqual({ code: 1, signal: null });
    const { diagnostics } = JSON.parse(run.output().slice(run.output().indexOf('{'))) as { diagnostics: { code: string; file: string }[] };
    expect(new Set(diagnostics.filter((d) => d.code === 'CG125').map((d) => d.file)).size).toBe(3);
  });
});

describe('at run time', () => {
  it('generated validators match with JavaScript\'s RegExp: the standalone code has no build-time engine in it', async () => {
    const root = project({ 'specs/integrations/good.ts': integration('sms.good', { fromNumber: { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$' } }, { fromNumber: '+15551234567' }) });
    expect((await generate({ root })).ok).toBe(true);
    const file = join(root, 'generated/integrations/sms.good/validators.ts');
    const code = readFileSync(join(root, 'generated/integrations/sms.good/validate.ts'), 'utf8');
    expect(code).toContain('new RegExp("^\\\\+[1-9]\\\\d{1,14}$", "u")');
    expect(code).not.toMatch(/budget|worker/i);
    const validators = (await import(pathToFileURL(file).href)) as Record<string, { is(value: unknown): boolean }>;
    const config = Object.entries(validators).find(([name]) => name.endsWith('ConfigValidator'))![1];
    expect(config.is({ fromNumber: '+15551234567' })).toBe(true);
    expect(config.is({ fromNumber: '15551234567' })).toBe(false);
  });
});
