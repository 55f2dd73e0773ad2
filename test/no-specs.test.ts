/**
 * A run that finds no spec would remove every generated file: an emptied or mistyped specs folder
 * is an error that removes nothing, unless the config says an empty project is meant.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, removeDir, runCli, scratchDir, snapshot, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** A project generated from the Twilio specs, with a config (`config`) the CLI reads. */
async function generatedProject(config: object = {}): Promise<string> {
  const root = scratchDir('no-specs');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'contractgen.config.json': JSON.stringify(config) });
  expect((await generate({ root, adapters: 'none', config: false })).ok).toBe(true);
  return root;
}

describe('no spec found', () => {
  it('an emptied specs folder is CG108, exit 1, and nothing is removed', async () => {
    const root = await generatedProject();
    const before = snapshot(join(root, 'generated'));
    rmSync(join(root, 'specs'), { recursive: true });
    mkdirSync(join(root, 'specs'));
    const run = runCli(['generate'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error CG108: no spec files found, so every generated file would be removed/);
    expect(run.stderr).toMatch(/hint: .*allowEmpty: true/);
    expect(snapshot(join(root, 'generated'))).toEqual(before);
  });

  it('a mistyped --specs is CG103 and removes nothing, also when packages bring specs of their own', async () => {
    for (const config of [{}, { packages: ['@contractgen/twilio'] }]) {
      const root = await generatedProject(config);
      const before = snapshot(join(root, 'generated'));
      const run = runCli(['generate', '--specs', 'spesc'], root);
      expect(run.code, JSON.stringify(config)).toBe(1);
      expect(run.stderr).toMatch(/error CG103: cannot read the specs folder \(ENOENT\)/);
      expect(snapshot(join(root, 'generated'))).toEqual(before);
    }
  });

  it('CG103 names the folder taken as the project, and why: run from a package of a monorepo that is not the contracts one', () => {
    const root = scratchDir('monorepo-cg103');
    scratch.push(root);
    writeFiles(root, { 'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n', 'packages/app/package.json': '{ "name": "app" }\n', 'packages/app/src/.keep': '' });
    const run = runCli(['generate'], join(root, 'packages/app/src'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error CG103: cannot read the specs folder (ENOENT)');
    expect(run.stderr).toContain(`hint: the project is ${join(root, 'packages/app')}: the nearest folder above the working directory with a package.json (and no contractgen config file).`);
    // With a config file in the working directory itself, that is the reason given.
    writeFiles(root, { 'packages/app/src/contractgen.config.json': '{}\n' });
    const configured = runCli(['generate'], join(root, 'packages/app/src'));
    expect(configured.stderr).toContain(`hint: the project is ${join(root, 'packages/app/src')}: the working directory with a config file (contractgen.config.json).`);
  });

  it("the packages' specs count: a project with spec packages and no local specs folder generates", () => {
    const root = scratchDir('no-specs');
    scratch.push(root);
    writeFiles(root, { 'contractgen.config.json': JSON.stringify({ packages: ['@contractgen/twilio'] }) });
    const run = runCli(['generate'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/contractgen generate: [1-9]\d* specs/);
  });

  it('allowEmpty: true in the config lets an empty project remove what it generated', async () => {
    const root = await generatedProject({ allowEmpty: true });
    rmSync(join(root, 'specs'), { recursive: true });
    mkdirSync(join(root, 'specs'));
    const run = runCli(['generate'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/contractgen generate: 0 specs, \d+ written, \d+ unchanged, [1-9]\d* removed/);
    expect(Object.keys(snapshot(join(root, 'generated'))).filter((path) => /^(integrations|capabilities)\//.test(path))).toEqual([]);
  });

  it('allowEmpty must be true or false', () => {
    const root = scratchDir('no-specs');
    scratch.push(root);
    writeFiles(root, { 'contractgen.config.json': JSON.stringify({ allowEmpty: 'yes' }) });
    const run = runCli(['generate'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"allowEmpty" must be true or false/);
  });
});
