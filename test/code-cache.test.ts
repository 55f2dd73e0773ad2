/**
 * The V8 code cache the TypeScript bundle loads through (generator/load/code-cache.ts): a real
 * CommonJS file in a real node_modules folder, compiled by V8 with and without the cache. The
 * cache may only ever make loading faster: a corrupt, stale or unwritable one changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../generator/load/code-cache.js';
import { ts } from '../generator/load/typescript.js';
import { REPO, removeDir, scratchDir } from './support/workspace.js';

const scratch = scratchDir('code-cache');
/** The built module, for loads in a fresh process (`npm test` builds first). */
const COMPILED = pathToFileURL(join(REPO, 'generator', 'dist', 'load', 'code-cache.js')).href;
afterAll(() => removeDir(scratch));

/** A package file that reports what Node's CommonJS wrapper gave it. */
function packageFile(root: string, body = ''): string {
  const dir = join(root, 'node_modules', 'pkg');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'big.js');
  writeFileSync(file, `${body}\nexports.seen = { filename: __filename, dirname: __dirname, self: this === exports, path: require('node:path').basename(__filename), moduleExports: module.exports === exports };\n`);
  return file;
}
const cacheDir = (root: string) => join(root, 'node_modules', '.cache', 'contractgen', 'v8');

describe('requireWithCodeCache', () => {
  it('runs the file as CommonJS and keeps its compiled code beside node_modules', () => {
    const root = join(scratch, 'fresh');
    const file = packageFile(root);
    const loaded = requireWithCodeCache(file) as { seen: Record<string, unknown> };
    expect(loaded.seen).toEqual({ filename: file, dirname: join(root, 'node_modules', 'pkg'), self: true, path: 'big.js', moduleExports: true });
    const [cache, ...others] = readdirSync(cacheDir(root));
    expect(others).toEqual([]);
    expect(cache).toMatch(/^big-[0-9a-f]{16}\.bin$/);

    // Accepted on the next load: not written again.
    const stamp = () => {
      const stat = statSync(join(cacheDir(root), cache!), { bigint: true });
      return [stat.ino, stat.mtimeNs];
    };
    const written = stamp();
    expect((requireWithCodeCache(file) as { seen: unknown }).seen).toEqual(loaded.seen);
    expect(stamp()).toEqual(written);
  });

  it('loads the same code from a corrupt cache, and replaces it', () => {
    const root = join(scratch, 'corrupt');
    const file = packageFile(root, 'exports.answer = 6 * 7;');
    // Each load in a fresh process: within one, V8 reuses what it compiled and never reads the cache.
    const load = () => execFileSync(process.execPath, ['--input-type=module', '-e', `import { requireWithCodeCache } from ${JSON.stringify(COMPILED)}; process.stdout.write(String(requireWithCodeCache(${JSON.stringify(file)}).answer));`], { encoding: 'utf8' });
    expect(load()).toBe('42');
    const [name] = readdirSync(cacheDir(root));
    const cache = join(cacheDir(root), name!);
    const garbage = Buffer.alloc(readFileSync(cache).length, 0x5a);
    writeFileSync(cache, garbage);
    expect(load()).toBe('42');
    expect(readFileSync(cache).equals(garbage)).toBe(false);
    // The new one is accepted: the next process does not write it again.
    const written = statSync(cache, { bigint: true }).mtimeNs;
    expect(load()).toBe('42');
    expect(statSync(cache, { bigint: true }).mtimeNs).toBe(written);
  });

  it('a new version of the file gets a new cache, and the old one is removed', () => {
    const root = join(scratch, 'versions');
    const file = packageFile(root, 'exports.version = 1;');
    requireWithCodeCache(file);
    const [first] = readdirSync(cacheDir(root));
    writeFileSync(file, 'exports.version = 2; // a longer file than before\n');
    expect((requireWithCodeCache(file) as { version: number }).version).toBe(2);
    const after = readdirSync(cacheDir(root));
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(first);
  });

  it('works without a cache where none can be kept: outside node_modules, or an unwritable cache folder', () => {
    const loose = join(scratch, 'loose');
    mkdirSync(loose, { recursive: true });
    const file = join(loose, 'plain.js');
    writeFileSync(file, 'exports.ok = true;\n');
    expect((requireWithCodeCache(file) as { ok: boolean }).ok).toBe(true);
    expect(readdirSync(loose)).toEqual(['plain.js']);

    const blocked = join(scratch, 'blocked');
    const blockedFile = packageFile(blocked, 'exports.ok = true;');
    mkdirSync(join(blocked, 'node_modules', '.cache'), { recursive: true });
    writeFileSync(join(blocked, 'node_modules', '.cache', 'contractgen'), 'a file where the folder would go');
    expect((requireWithCodeCache(blockedFile) as { ok: boolean }).ok).toBe(true);
    expect(readdirSync(join(blocked, 'node_modules', '.cache'))).toEqual(['contractgen']);
  });

  it('is how the generator loads TypeScript, which parses as usual', () => {
    const source = ts.createSourceFile('spec.ts', 'export const spec = { meta: { key: "a.b" } };', ts.ScriptTarget.Latest, true);
    expect(source.statements).toHaveLength(1);
    expect(ts.isVariableStatement(source.statements[0]!)).toBe(true);
  });
});
