/**
 * Each artifact is one folder of generator/artifacts/ (its definition, what it plans and emits, its
 * templates), and the list in generator/artifacts/index.ts is those folders: a new folder that is
 * not listed, a need that names no artifact, or two folders with a template of the same name fail.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, BUILT_IN_TEMPLATE_DIRS } from '../generator/artifacts/index.js';
import { REPO } from './support/workspace.js';

const ARTIFACTS_DIR = join(REPO, 'generator', 'artifacts');

describe('artifacts', () => {
  it('the list holds every folder of generator/artifacts/, each once, with the templates folder beside it', () => {
    const folders = readdirSync(ARTIFACTS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(ARTIFACTS.map((a) => relative(ARTIFACTS_DIR, a.templates).split(sep)[0]).sort()).toEqual(folders.sort());
    expect(new Set(ARTIFACTS.map((a) => a.name)).size).toBe(ARTIFACTS.length);
  });

  it('what an artifact needs is another artifact, which can be switched off only if it can too', () => {
    const byName = new Map<string, (typeof ARTIFACTS)[number]>(ARTIFACTS.map((a) => [a.name, a]));
    for (const artifact of ARTIFACTS) {
      for (const needed of artifact.needs) {
        expect(byName.has(needed), `${artifact.name} needs ${needed}`).toBe(true);
        expect(artifact.optional || !byName.get(needed)!.optional, `${artifact.name} is always on, but needs ${needed}, which can be switched off`).toBe(true);
      }
    }
  });

  it('no two folders have a template of the same name (a name is what an override replaces)', () => {
    const names = BUILT_IN_TEMPLATE_DIRS.flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.hbs'))
        .map((file) => file.split(sep).join('/')),
    );
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});
