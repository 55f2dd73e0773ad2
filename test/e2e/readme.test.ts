/**
 * README.md's "Use it in your project", followed literally, as a new user would: in an empty
 * folder outside the repository, each block titled with a path is written to that path and each
 * line of each `sh` block is run with `sh`, in the order the README gives them; the last command
 * must print what the README says it prints. The only liberties: install lines get the freshly
 * packed tarballs in place of the contractgen packages' names (none is on the registry), and the
 * repository's own pinned versions of TypeScript and @types/node, so that CI does not change with
 * their next release.
 *
 * The same section is followed with pnpm too, each npm command as README.md's "With pnpm" says
 * (pnpm init, pnpm add, pnpm exec), with `pnpm.overrides` for the tarballs (pnpm does not take a
 * tarball's dependency on another tarball from the project's own dependencies, as npm does).
 *
 * What the README tells a user to change afterwards (step 6, Twilio itself) is written after the
 * run and must compile: nothing can send to api.twilio.com from here.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, removeProjectDir, run, runOk, tempProjectDir, writeJson, type RunResult } from '../support/npm-project.js';
import { packPackages, tarballSpecs, WORKSPACE_PACKAGES, type PackageName, type PackedPackages } from '../support/packed-packages.js';
import { readmeSection, type CodeBlock } from '../support/readme-blocks.js';
import { REPO } from '../support/workspace.js';

const STEP_TIMEOUT = 240_000;
const DEV_TOOLS = readJson<{ devDependencies: Record<string, string> }>(join(REPO, 'package.json')).devDependencies;
/** What an install line of the README gets in place of a package name. */
const PINNED: Record<string, string> = { typescript: `typescript@${DEV_TOOLS['typescript']}`, '@types/node': `@types/node@${DEV_TOOLS['@types/node']}` };
/** npm's own settings for speed and quiet, through its environment: the command lines stay as written. */
const NPM_ENV = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
/** Each npm command of the README as a pnpm user types it (README.md, "With pnpm"). A command not listed fails the pnpm run. */
const WITH_PNPM: readonly [RegExp, string][] = [
  [/^npm init -y$/, 'pnpm init'],
  [/^npm pkg /, 'pnpm pkg '],
  [/^npm install --save-dev /, 'pnpm add -D '],
  [/^npm install /, 'pnpm add '],
  [/^npx /, 'pnpm exec '],
];

type Manager = 'npm' | 'pnpm';

const blocks = readmeSection('Use it in your project');
const lastCommand = blocks.findLastIndex((block) => block.lang === 'sh');
/** Up to the last command: what a user creates and runs. After it: what a user changes later. */
const steps = blocks.slice(0, lastCommand + 1);
const changes = blocks.slice(lastCommand + 1).filter((block) => block.title !== undefined);

let packs: PackedPackages;
const dirs: Partial<Record<Manager, string>> = {};
/** A folder holding only a `pnpm` command (the repository's pinned one), for the pnpm user's PATH. */
let pnpmBin: string | undefined;

beforeAll(async () => {
  packs = await packPackages();
  dirs.npm = tempProjectDir('readme-npm');
  dirs.pnpm = tempProjectDir('readme-pnpm');
  pnpmBin = tempProjectDir('pnpm-bin');
  symlinkSync(join(REPO, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs'), join(pnpmBin, 'pnpm'));
}, STEP_TIMEOUT);
afterAll(() => [dirs.npm, dirs.pnpm, pnpmBin].forEach(removeProjectDir));

function writeBlock(dir: string, block: CodeBlock): void {
  const file = join(dir, block.title!);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, block.code);
}

/** The command lines of an `sh` block for `manager`, with the packages to install swapped as described above. */
function commands(block: CodeBlock, manager: Manager): string[] {
  return block.code
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      if (/^npm (install|i)\b/.test(line)) {
        expect(line, `README.md:${block.line}: a plain npm install line`).not.toMatch(/['"\\$`]/);
        line = line
          .split(/\s+/)
          .map((word) => (Object.hasOwn(WORKSPACE_PACKAGES, word) ? packs[word as PackageName] : (PINNED[word] ?? word)))
          .join(' ');
      }
      if (manager === 'npm') return line;
      const translation = WITH_PNPM.find(([npm]) => npm.test(line));
      if (translation) return line.replace(translation[0], translation[1]);
      expect(line, `README.md:${block.line}: an npm command that "With pnpm" does not translate`).not.toMatch(/^(npm|npx)\b/);
      return line;
    });
}

/** Runs the steps once per package manager (two tests look at the outcome): the last command's result. */
const followed: Partial<Record<Manager, Promise<RunResult>>> = {};
function follow(manager: Manager): Promise<RunResult> {
  const dir = dirs[manager]!;
  const env = manager === 'npm' ? NPM_ENV : { ...NPM_ENV, PATH: `${pnpmBin}${delimiter}${process.env['PATH']}` };
  followed[manager] ??= (async () => {
    let last: RunResult | undefined;
    for (const block of steps) {
      if (block.title !== undefined) writeBlock(dir, block);
      else if (block.lang === 'sh') {
        for (const line of commands(block, manager)) {
          if (line.startsWith('pnpm add ')) addPnpmOverrides(dir);
          last = await runOk('sh', ['-c', line], dir, env);
        }
      }
    }
    return last!;
  })();
  return followed[manager];
}

/** `pnpm.overrides` for the tarballs, in the package.json `pnpm init` wrote. */
function addPnpmOverrides(dir: string): void {
  const manifest = readJson<Record<string, unknown>>(join(dir, 'package.json'));
  writeJson(join(dir, 'package.json'), { ...manifest, pnpm: { overrides: tarballSpecs(packs) } });
}

describe('README: "Use it in your project"', () => {
  it('names the path of every file it creates, and runs every command in an sh block', () => {
    expect(steps.filter((block) => block.lang === 'sh').length).toBeGreaterThan(1);
    const untitled = steps.filter((block) => block.lang !== 'sh' && block.title === undefined).map((block) => `README.md:${block.line}: a ${block.lang} block without title="path"`);
    expect(untitled).toEqual([]);
    expect(steps.map((block) => block.title).filter(Boolean)).toEqual(expect.arrayContaining(['tsconfig.json', 'contractgen.config.json', 'src/main.ts']));
  });
});

describe.concurrent.each(['npm', 'pnpm'] as const)('README: "Use it in your project", followed literally with %s', (manager) => {
  it(
    'takes an empty folder to an app that sends an SMS through the local Twilio stand-in',
    async () => {
      const last = await follow(manager);
      expect(last.stdout).toMatch(/^sent SM[0-9a-f]{32}: queued\n$/);
      const dir = dirs[manager]!;
      // The contractgen packages came from the tarballs, and the app is the ES module the README made it.
      const manifest = readJson<{ type?: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }>(join(dir, 'package.json'));
      expect(manifest.type).toBe('module');
      const wanted = { ...manifest.dependencies, ...manifest.devDependencies };
      // The quick start installs these three (a fleet adds @contractgen/redis: "Running a fleet").
      const installed = ['contractgen', '@contractgen/runtime', '@contractgen/twilio'] as const satisfies readonly PackageName[];
      for (const name of installed) expect(resolve(dir, wanted[name]!.replace(/^file:/, '')), name).toBe(packs[name]);
      // The provider of its own was generated, bound to its adapter, and compiled.
      expect(readFileSync(join(dir, 'generated/integrations/sms.acme/client.ts'), 'utf8')).toContain('from "../../../adapters/sms-acme.js"');
      expect(existsSync(join(dir, 'dist/adapters/sms-acme.js'))).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'what it says to change for Twilio itself compiles',
    async () => {
      await follow(manager);
      const dir = dirs[manager]!;
      expect(changes.map((block) => block.title)).toEqual(['src/main.ts']);
      for (const block of changes) writeBlock(dir, block);
      const compiled = await run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit'], dir);
      expect(compiled.stdout + compiled.stderr).toBe('');
      expect(compiled.code).toBe(0);
    },
    STEP_TIMEOUT,
  );
});
