/**
 * The build cache (node_modules/.cache/contractgen) may only ever save work: a run that reuses it
 * reports and writes exactly what a run from scratch does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../bench/corpus.js';
import { generate, type GenerateResult } from '../generator/index.js';
import { removeDir, scratchDir, snapshot } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([path, file]) => [path, file.content]));
const where = (result: GenerateResult) => result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`);

let root: string;
let first: string;
let second: string;
beforeAll(() => {
  root = scratchDir('cache');
  scratch.push(root);
  buildCorpus(root, 8);
  first = join(root, 'specs/integrations/p0-ripple.ts');
  second = join(root, 'specs/integrations/p1-yonder.ts');
  // A warning deep inside p0 (a secret example that looks like a live token), so a reused spec
  // must report it at the same line and column as when it was parsed.
  writeFileSync(first, readFileSync(first, 'utf8').replace(/accessToken: "[^"]*"/, 'accessToken: "sk_live_4eC39HqLyjWDarjtT1zdp7dc"'));
});

describe('a run that reuses the cache', () => {
  it('reports a reused spec at the same positions as when it was parsed', async () => {
    const cold = await generate({ root, cache: false });
    expect(where(cold)).toContainEqual(expect.stringMatching(/^CG123 .*p0-ripple\.ts:\d+:\d+ secretSchema\.example\.accessToken/));
    // Another spec changes: p0 comes from the cache this time.
    writeFileSync(second, readFileSync(second, 'utf8').replace(/title: "([^"]*)"/, 'title: "$1 (renamed)"'));
    const warm = await generate({ root });
    const written = warm.files.filter((f) => f.status === 'written').map((f) => f.path);
    expect(written).toEqual(expect.arrayContaining(['docs/catalog.md', 'docs/integrations/p1.yonder.md', 'integrations/p1.yonder/spec.ts']));
    expect(written.filter((path) => !path.includes('p1.yonder') && path !== 'docs/catalog.md')).toEqual([]);
    expect(where(warm)).toEqual(where(cold));
  }, 60_000);

  it('writes the same bytes as a run from scratch', async () => {
    writeFileSync(second, readFileSync(second, 'utf8').replace(/ \(renamed\)/, ' (renamed twice)'));
    await generate({ root });
    await generate({ root, out: 'from-scratch', cache: false });
    expect(contents(join(root, 'generated'))).toEqual(contents(join(root, 'from-scratch')));
  }, 60_000);

  it('answers a run with nothing changed without writing a file, with the same diagnostics', async () => {
    const before = snapshot(join(root, 'generated'));
    const cold = await generate({ root, cache: false, mode: 'check' });
    const again = await generate({ root });
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(where(again)).toEqual(where(cold));
    expect(snapshot(join(root, 'generated'))).toEqual(before);
  }, 60_000);
});
