/**
 * README.md's "Adding a provider", as a reader uses it, in projects set up as "Use it in your
 * project" sets one up (the Twilio package's specs installed): each `sh` block's `new` command,
 * run alone in a fresh project, creates exactly the files its comments list, and what it makes
 * validates; the blocks titled with a path, written into one project, generate without a
 * diagnostic and compile under strict tsc with the flags generated code promises to pass.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readmeSection } from './support/readme-blocks.js';
import { removeDir, runCli, scratchDir, typecheck, writeFiles } from './support/workspace.js';

const blocks = readmeSection('Adding a provider');
const files = blocks.filter((block) => block.title !== undefined);
const commands = blocks.filter((block) => block.lang === 'sh');

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function project(label: string): string {
  const root = scratchDir(label);
  scratch.push(root);
  writeFiles(root, { 'contractgen.config.json': JSON.stringify({ packages: ['@contractgen/twilio'] }) });
  return root;
}

describe('README "Adding a provider"', () => {
  it('has the blocks this test runs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(files.map((block) => block.title)).toEqual(expect.arrayContaining(['specs/integrations/sms-acme.ts', 'adapters/sms-acme.ts']));
  });

  it.each(commands.map((block) => [block.line, block] as const))('the command at README.md:%i creates what its comments say, and it validates', (_line, block) => {
    const root = project('readme-new');
    const lines = block.code.split('\n');
    const command = lines.find((line) => line.startsWith('npx contractgen '))!;
    const run = runCli(command.slice('npx contractgen '.length).split(' '), root);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    const promised = lines.flatMap((line) => /^# created (\S+)/.exec(line)?.[1] ?? []);
    expect(promised.length).toBeGreaterThan(0);
    expect(run.stderr.split('\n').flatMap((line) => /^created (\S+)/.exec(line)?.[1] ?? [])).toEqual(promised);
    expect(runCli(['validate'], root).code).toBe(0);
  }, 60_000);

  it('its files generate without a diagnostic and compile under strict tsc', () => {
    const root = project('readme-provider');
    writeFiles(root, Object.fromEntries(files.map((block) => [block.title!, block.code])));
    const run = runCli(['generate'], root);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    const compiled = typecheck([...files.filter((block) => block.title!.endsWith('.ts') && !block.title!.startsWith('specs/')).map((block) => join(root, block.title!)), join(root, 'generated/index.ts')]);
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
  }, 60_000);
});
