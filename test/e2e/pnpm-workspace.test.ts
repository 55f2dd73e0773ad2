/**
 * examples/monorepo as a pnpm workspace, from a clean copy outside the repository: what README.md
 * ("With pnpm") says differs from npm, applied to the npm example, then `pnpm install`,
 * `pnpm -r run build` (contracts: contractgen generate + tsc; app: tsc) and the app run with node.
 *
 * pnpm's layout is strict: a package sees only the packages it declares (no hoisting into a shared
 * node_modules), so this is where a missing dependency of generated code would show. pnpm itself
 * is the repository's pinned devDependency (`npm ci` installs it; no corepack, no download of its
 * own). The contractgen packages come from the freshly packed tarballs, through `pnpm.overrides`.
 */
import { lstatSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLine, readJson, removeProjectDir, runOk, tempProjectDir, writeJson } from '../support/npm-project.js';
import { packPackages, tarballSpecs } from '../support/packed-packages.js';
import { copyMonorepoExample } from '../support/monorepo-example.js';
import { REPO } from '../support/workspace.js';

const PNPM = join(REPO, 'node_modules', '.bin', 'pnpm');
const STEP_TIMEOUT = 240_000;

type Manifest = Record<string, unknown> & { scripts: Record<string, string>; dependencies?: Record<string, string> };

let dir: string | undefined;

/** `pnpm <args>` in the workspace. `CI` may be set (pnpm then wants a lockfile): the copy has none yet. */
const pnpm = (...args: string[]) => runOk(PNPM, args, dir!);

/** The npm workspace made a pnpm one, as README.md's "With pnpm" says. */
function toPnpmWorkspace(root: string, overrides: Record<string, string>): void {
  const manifest = (path: string) => readJson<Manifest>(join(root, path));
  // The workspace's packages are listed in pnpm-workspace.yaml, not in package.json.
  const { workspaces, ...rootManifest } = manifest('package.json');
  expect(workspaces).toEqual(['packages/contracts', 'packages/app']);
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
  writeJson(join(root, 'package.json'), {
    ...rootManifest,
    scripts: { build: 'pnpm -r run build', start: 'pnpm --filter @example/app start' },
    pnpm: { overrides },
  });
  // A workspace package is depended on with the workspace: protocol.
  const app = manifest('packages/app/package.json');
  writeJson(join(root, 'packages/app/package.json'), { ...app, dependencies: { ...app.dependencies, '@example/contracts': 'workspace:*' } });
  const contracts = manifest('packages/contracts/package.json');
  expect(contracts.scripts['build']).toBe('npm run generate && tsc -p .');
  writeJson(join(root, 'packages/contracts/package.json'), { ...contracts, scripts: { ...contracts.scripts, build: 'pnpm run generate && tsc -p .' } });
}

beforeAll(async () => {
  const packs = await packPackages();
  dir = tempProjectDir('pnpm');
  copyMonorepoExample(dir);
  toPnpmWorkspace(dir, tarballSpecs(packs));
  await pnpm('install', '--no-frozen-lockfile', '--prefer-offline', '--reporter', 'append-only');
}, STEP_TIMEOUT);

afterAll(() => removeProjectDir(dir));

describe('examples/monorepo as a pnpm workspace', () => {
  it('installs strictly: each package sees what it declares, @example/contracts is a workspace link', () => {
    const app = join(dir!, 'packages/app');
    expect(realpathSync(join(app, 'node_modules/@example/contracts'))).toBe(realpathSync(join(dir!, 'packages/contracts')));
    expect(lstatSync(join(app, 'node_modules/@contractgen/twilio')).isSymbolicLink()).toBe(true);
    // Only the contracts package declares the runtime its generated code imports; the app cannot resolve it.
    const resolvesFrom = (pkg: string, name: string) => {
      try {
        return Boolean(createRequire(join(dir!, pkg, 'package.json')).resolve(`${name}/package.json`));
      } catch {
        return false;
      }
    };
    expect(resolvesFrom('packages/app', '@contractgen/runtime')).toBe(false);
    expect(resolvesFrom('packages/contracts', '@contractgen/runtime')).toBe(true);
    // The contractgen packages came from the tarballs (pnpm records a local tarball as a file: dependency).
    expect(realpathSync(join(dir!, 'packages/contracts/node_modules/contractgen'))).toMatch(/[/\\]node_modules[/\\]\.pnpm[/\\]contractgen@file\+/);
  });

  it(
    'builds (pnpm -r run build: contractgen generate, then tsc in each package) and runs with node',
    async () => {
      await pnpm('run', 'build');
      const output = jsonLine<{ twilio: { id: string; status: string; body: unknown }; sandbox: unknown; providers: string[] }>(await pnpm('--silent', 'start'));
      expect(output.twilio).toEqual({ id: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued', body: 'Hello from the monorepo' });
      expect(output.sandbox).toEqual({ id: 'SB1', from: '+15551234567', kept: 1 });
      expect(output.providers).toEqual(['sms.sandbox', 'sms.twilio']);
    },
    STEP_TIMEOUT,
  );
});
