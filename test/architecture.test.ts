/**
 * The architecture rules of .dependency-cruiser.cjs (no import cycle, type-only imports included;
 * the runtime on its own; adapter and store packages on the runtime only; the generator's layers
 * importing only downward), checked with dependency-cruiser over the sources; and one rule its swc
 * parser cannot see (it does not tell type-only imports apart), checked on the compiled code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

  it("leaves the spec-file processor out of a run's main thread: its modules import spec-file.js for types only", () => {
    // A value import loads the TypeScript compiler, ajv and the rest into the main thread of a run
    // whose workers do that work (50 MB more at peak on 1,000 specs). The compiled code keeps only
    // value imports; the pool's worker, the in-thread executor (a dynamic import) and the watch's
    // preload load it on purpose.
    const mainThread = ['pipeline', 'cli'].flatMap((folder) => readdirSync(join(REPO, 'generator', 'dist', folder)).filter((f) => f.endsWith('.js')).map((f) => `${folder}/${f}`));
    const offenders = [...mainThread, 'generate.js', 'watch.js']
      .filter((file) => !['pipeline/spec-file.js', 'pipeline/preload.js'].includes(file))
      .filter((file) => /^(import|export)[^;]*from '(\.\/|\.\.\/pipeline\/)spec-file\.js'/m.test(readFileSync(join(REPO, 'generator', 'dist', file), 'utf8')));
    expect(mainThread.length).toBeGreaterThan(8);
    expect(offenders).toEqual([]);
  });
});
