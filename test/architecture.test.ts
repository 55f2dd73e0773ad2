/**
 * The architecture rules of .dependency-cruiser.cjs (no import cycle, type-only imports included;
 * the runtime on its own; adapter and store packages on the runtime only; the generator's layers
 * importing only downward), checked with dependency-cruiser over the sources.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/workspace.js';

const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

describe('architecture', () => {
  it('holds every rule of .dependency-cruiser.cjs', () => {
    const run = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'generator', 'runtime', 'adapters', 'stores'], { cwd: REPO, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found \(\d{3} modules/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
