/**
 * examples/monorepo works as its README says, from a clean copy outside the repository:
 * `npm install`, `npm run build` (contracts: contractgen generate + tsc; app: tsc), `npm start`.
 *
 * The example depends on the contractgen packages by version, as a real monorepo would; the
 * copy gets root `overrides` that point every one of them at the freshly packed tarballs
 * (none of them is on the registry, so a missed one fails the install).
 */
import { lstatSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLine, npmInstall, readJson, removeProjectDir, runOk, tempProjectDir, writeJson } from '../support/npm-project.js';
import { packPackages, tarballSpecs, WORKSPACE_PACKAGES, type PackedPackages, type PackageName } from '../support/packed-packages.js';
import { copyMonorepoExample, MONOREPO_EXAMPLE } from '../support/monorepo-example.js';
import { REPO } from '../support/workspace.js';

const MANIFESTS = ['package.json', 'packages/contracts/package.json', 'packages/app/package.json'];
const STEP_TIMEOUT = 240_000;

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

let dir: string | undefined;
let packs: PackedPackages;

beforeAll(async () => {
  packs = await packPackages();
  dir = tempProjectDir('monorepo');
  copyMonorepoExample(dir);
  const root = readJson<Record<string, unknown>>(join(dir, 'package.json'));
  writeJson(join(dir, 'package.json'), { ...root, overrides: tarballSpecs(packs) });
  await npmInstall(dir);
}, STEP_TIMEOUT);

afterAll(() => removeProjectDir(dir));

describe('examples/monorepo', () => {
  it('depends on the contractgen packages it uses, each at its current version', () => {
    const declared: Record<string, string> = {};
    for (const manifest of MANIFESTS) {
      const { dependencies = {}, devDependencies = {} } = readJson<Manifest>(join(MONOREPO_EXAMPLE, manifest));
      for (const [name, version] of Object.entries({ ...dependencies, ...devDependencies })) if (name in WORKSPACE_PACKAGES) declared[`${manifest}: ${name}`] = version;
    }
    const current = (name: string) => readJson<Manifest>(join(REPO, WORKSPACE_PACKAGES[name as PackageName], 'package.json')).version;
    // Each package the example uses is declared somewhere (an empty list would pass a check of each
    // declaration); it sends no SMS through a fleet, so it has no need of @contractgen/redis...
    expect(new Set(Object.keys(declared).map((key) => key.split(': ')[1]))).toEqual(new Set(['contractgen', '@contractgen/runtime', '@contractgen/twilio']));
    // ...and every declaration names the current version.
    expect(declared).toEqual(Object.fromEntries(Object.keys(declared).map((key) => [key, current(key.split(': ')[1]!)])));
  });

  it('installs them from the tarballs, and @example/contracts as a workspace link', () => {
    const lock = readJson<{ packages: Record<string, { resolved?: string; link?: boolean }> }>(join(dir!, 'package-lock.json'));
    // The packages the example uses (it needs no Redis), each from its tarball.
    const named = new Set(
      MANIFESTS.flatMap((manifest) => {
        const { dependencies = {}, devDependencies = {} } = readJson<Manifest>(join(MONOREPO_EXAMPLE, manifest));
        return [...Object.keys(dependencies), ...Object.keys(devDependencies)];
      }),
    );
    const used = (Object.keys(WORKSPACE_PACKAGES) as PackageName[]).filter((name) => named.has(name));
    expect(used).toEqual(expect.arrayContaining(['contractgen', '@contractgen/runtime', '@contractgen/twilio']));
    for (const name of used) {
      expect(lstatSync(join(dir!, 'node_modules', name)).isSymbolicLink(), name).toBe(false);
      expect(lock.packages[`node_modules/${name}`]?.resolved, name).toMatch(new RegExp(`^file:.*${basename(packs[name]).replace(/\./g, '\\.')}$`));
    }
    expect(realpathSync(join(dir!, 'node_modules/@example/contracts'))).toBe(realpathSync(join(dir!, 'packages/contracts')));
  });

  it(
    'builds (contractgen generate, then tsc in each package) and runs with node',
    async () => {
      await runOk('npm', ['run', 'build'], dir!);
      const output = jsonLine<{ twilio: { id: string; status: string; body: unknown }; sandbox: unknown; providers: string[] }>(await runOk('npm', ['start', '--silent'], dir!));
      expect(output.twilio).toEqual({ id: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued', body: 'Hello from the monorepo' });
      expect(output.sandbox).toEqual({ id: 'SB1', from: '+15551234567', kept: 1 });
      expect(output.providers).toEqual(['sms.sandbox', 'sms.twilio']);
    },
    STEP_TIMEOUT,
  );
});
