/**
 * The packed tarballs as a registry would serve them: publint (package.json fields, exports,
 * files) and Are the Types Wrong (how TypeScript resolves every entry point's types) find nothing,
 * and a tarball holds only what the current build and its sources make (a stale dist/ file from
 * an earlier build, a test, build info or a source map without its source would ship otherwise).
 */
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeProjectDir, tempProjectDir } from '../support/npm-project.js';
import { packPackages, WORKSPACE_PACKAGES, type PackageName, type PackedPackages } from '../support/packed-packages.js';
import { REPO } from '../support/workspace.js';

const execFileAsync = promisify(execFile);
/**
 * The packages are ESM only (DESIGN.md): Are the Types Wrong's `esm-only` profile leaves out the
 * CommonJS and node10 resolutions, where an ESM-only package is expected not to resolve. (Its
 * checks run in this process, through the library its CLI calls: the CLI loads its own TypeScript
 * on every start, seconds of CPU per package.)
 */
const ESM_ONLY_IGNORED = new Set(['node10', 'node16-cjs']);

let packs: PackedPackages;
beforeAll(async () => {
  packs = await packPackages();
}, 120_000);

const names = Object.keys(WORKSPACE_PACKAGES) as PackageName[];

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await execFileAsync('tar', ['-tzf', tarball]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
}

describe.each(names)('%s, packed', (name) => {
  it('has no publint message, suggestions included, in strict mode', async () => {
    const tarball = readFileSync(packs[name]);
    const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: 'suggestion', strict: true });
    expect(messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('has types that resolve for every entry point (Are the Types Wrong, esm-only profile)', async () => {
    const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(packs[name]))));
    if (!analysis.types) throw new Error(`${name}: Are the Types Wrong found no types`);
    expect(Object.keys(analysis.entrypoints).length).toBeGreaterThan(1);
    const problems = analysis.problems.filter((problem) => !('resolutionKind' in problem) || !ESM_ONLY_IGNORED.has(problem.resolutionKind));
    expect(problems).toEqual([]);
  });

  it('holds only files the current build and the package folder make', async () => {
    const folder = join(REPO, WORKSPACE_PACKAGES[name]);
    const files = await tarballFiles(packs[name]);
    expect(files).toContain('package.json');
    const strays = files.filter((file) => {
      if (file.endsWith('.tsbuildinfo') || /(^|\/)test\//.test(file)) return true;
      if (!file.startsWith('dist/')) return !existsSync(join(folder, file));
      // The built-in templates compiled by the build's second step (generator/scripts/precompile-templates.mjs).
      if (name === 'contractgen' && file === 'dist/emit/precompiled-templates.cjs') return !existsSync(join(folder, 'scripts/precompile-templates.mjs'));
      // Every compiled file has its TypeScript source in the package folder.
      const source = file.slice('dist/'.length).replace(/\.d\.ts(\.map)?$|\.js(\.map)?$/, '.ts');
      return !existsSync(join(folder, source));
    });
    expect(strays).toEqual([]);
  });
});

describe('packing from a clean checkout', () => {
  it('builds each package first (prepack), so its tarball holds what the packed one holds', async () => {
    // The sources as a fresh clone has them: no dist/ anywhere. The tools come from the repository's node_modules.
    const copy = tempProjectDir('prepack');
    try {
      for (const file of ['package.json', 'tsconfig.base.json']) cpSync(join(REPO, file), join(copy, file));
      for (const folder of Object.values(WORKSPACE_PACKAGES)) {
        cpSync(join(REPO, folder), join(copy, folder), { recursive: true, filter: (source) => !['dist', 'node_modules'].includes(basename(source)) });
      }
      symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
      const workspaces = Object.values(WORKSPACE_PACKAGES).flatMap((folder) => ['--workspace', folder]);
      const { stdout } = await execFileAsync('npm', ['pack', ...workspaces, '--dry-run', '--json'], { cwd: copy });
      const packed = JSON.parse(stdout) as { name: PackageName; files: { path: string }[] }[];
      expect(packed.map((p) => p.name).sort()).toEqual([...names].sort());
      for (const { name, files } of packed) {
        expect(files.map((f) => f.path).sort(), name).toEqual((await tarballFiles(packs[name])).sort());
      }
    } finally {
      removeProjectDir(copy);
    }
  }, 120_000);
});
