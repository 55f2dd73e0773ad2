/**
 * README.md's "Adding a provider", as a reader uses it, in projects set up as "Use it in your
 * project" sets one up (the Twilio package's specs installed, its tsconfig.json):
 * - each `sh` block's `new` command, run alone in a fresh project, creates exactly the files its
 *   comments list, and what it makes validates;
 * - "By spec": its files, written into a project, with its `sh` block run as written (generate,
 *   tsc, the test with node's test runner): the reader's test sends through the generated test
 *   double and passes;
 * - every file of the section (the adapter of "Both" included) generates without a diagnostic and
 *   compiles under strict tsc with the flags generated code promises to pass.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOk, tsc } from './support/npm-project.js';
import { readmeSection } from './support/readme-blocks.js';
import { removeDir, runCli, scratchDir, typecheck, writeFiles } from './support/workspace.js';

const blocks = readmeSection('Adding a provider');
const files = blocks.filter((block) => block.title !== undefined);
const shell = blocks.filter((block) => block.lang === 'sh');
const NEW = 'npx contractgen new ';
const newCommands = shell.filter((block) => block.code.includes(NEW));
const [bySpecCommands] = shell.filter((block) => !block.code.includes(NEW));
/** The quick start's tsconfig.json, which the reader's project has. */
const tsconfig = readmeSection('Use it in your project').find((block) => block.title === 'tsconfig.json')!;

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function project(label: string, more: readonly { readonly title?: string; readonly code: string }[] = []): string {
  const root = scratchDir(label);
  scratch.push(root);
  writeFiles(root, { 'contractgen.config.json': JSON.stringify({ packages: ['@contractgen/twilio'] }), ...Object.fromEntries(more.map((block) => [block.title!, block.code])) });
  return root;
}

describe('README "Adding a provider"', () => {
  it('has the blocks this test runs', () => {
    expect(newCommands.length).toBeGreaterThanOrEqual(2);
    expect(bySpecCommands).toBeDefined();
    expect(files.map((block) => block.title)).toEqual(expect.arrayContaining(['specs/integrations/sms-acme.ts', 'src/notify.test.ts', 'adapters/sms-acme.ts']));
  });

  it.each(newCommands.map((block) => [block.line, block] as const))('the command at README.md:%i creates what its comments say, and it validates', (_line, block) => {
    const root = project('readme-new');
    const lines = block.code.split('\n');
    const command = lines.find((line) => line.startsWith(NEW))!;
    const run = runCli(command.slice('npx contractgen '.length).split(' '), root);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    const promised = lines.flatMap((line) => /^# created (\S+)/.exec(line)?.[1] ?? []);
    expect(promised.length).toBeGreaterThan(0);
    expect(run.stderr.split('\n').flatMap((line) => /^created (\S+)/.exec(line)?.[1] ?? [])).toEqual(promised);
    expect(runCli(['validate'], root).code).toBe(0);
  }, 60_000);

  it("by spec: the reader's test, run as the section says, sends through the generated test double and passes", async () => {
    // The adapter belongs to "Both": without it the binding serves every operation.
    const root = project('readme-by-spec', [tsconfig, ...files.filter((block) => !block.title!.startsWith('adapters/'))]);
    let tested = '';
    for (const line of bySpecCommands!.code.split('\n').filter(Boolean)) {
      if (line.startsWith('npx contractgen ')) {
        const run = runCli(line.slice('npx contractgen '.length).split(' '), root);
        expect(run.stderr, line).not.toMatch(/error|warning/);
        expect(run.code, line).toBe(0);
      } else if (line === 'npx tsc') await tsc(root);
      else if (line.startsWith('node ')) tested = (await runOk(process.execPath, line.slice('node '.length).split(' '), root)).stdout;
      else throw new Error(`README.md:${bySpecCommands!.line}: a command this test does not know: ${line}`);
    }
    expect(tested).toMatch(/^# pass 1$/m);
    expect(tested).toMatch(/^# fail 0$/m);
  }, 120_000);

  it('its files generate without a diagnostic and compile under strict tsc', () => {
    const root = project('readme-provider', files);
    const run = runCli(['generate'], root);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    const compiled = typecheck([...files.filter((block) => !block.title!.startsWith('specs/')).map((block) => join(root, block.title!)), join(root, 'generated/index.ts')]);
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
  }, 60_000);
});
