/**
 * What a watch process trusts of its output folder without looking (generator/cache/watched-outputs.ts),
 * on real files: the runs and the watcher's events are played in the order a watch process sees
 * them, and each outcome is the one a run from scratch needs (an output another hand changed is
 * never trusted, and asks for a run).
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stampOf, WatchedOutputs, type OutputStamp } from '../generator/cache/index.js';
import { sha1 } from '../generator/values.js';
import { removeDir, scratchDir } from './support/workspace.js';

/** The stamp a run leaves for the file at `file` (its content hash, as the cache records it). */
const stamped = (file: string) => stampOf(file, sha1(readFileSync(file)))!;

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const FILES = ['a.ts', 'sub/b.ts', 'sub/c.ts'];

function outputFolder() {
  const out = scratchDir('watched-outputs');
  scratch.push(out);
  mkdirSync(join(out, 'sub'));
  const stamps: Record<string, OutputStamp> = {};
  for (const path of FILES) {
    writeFileSync(join(out, path), `// ${path}\n`);
    stamps[path] = stamped(join(out, path));
  }
  let asked = 0;
  const watched = new WatchedOutputs([{ prefix: '', dir: out }], () => asked++);
  const begin = () => watched.begin([out]);
  /** Which outputs a run beginning now trusts. */
  const trustedNow = () => {
    const trusted = begin();
    watched.end(undefined);
    return FILES.filter((path) => trusted?.(path, stamps[path]) === true);
  };
  return { out, stamps, watched, begin, trustedNow, asked: () => asked };
}

describe('outputs a watch process trusts', () => {
  it('trusts nothing until the watcher is ready and a run that began after that has stamped the outputs', () => {
    const { stamps, watched, begin, trustedNow } = outputFolder();
    expect(begin()).toBeUndefined();
    watched.end(stamps);
    expect(trustedNow()).toEqual([]);
    watched.watching(true);
    // The last run began before the watcher was ready: a change made then may not have been reported.
    expect(trustedNow()).toEqual([]);
    expect(begin()).toBeUndefined();
    watched.end(stamps);
    expect(trustedNow()).toEqual(FILES);
  });

  it('trusts only the stamps the last run left, for the folders watched', () => {
    const { out, stamps, watched, begin } = outputFolder();
    watched.watching(true);
    begin();
    watched.end(stamps);
    const trusted = begin()!;
    watched.end(undefined);
    // A stamp read again from the cache file is not the one this process verified.
    expect(trusted('a.ts', [...stamps['a.ts']!] as OutputStamp)).toBe(false);
    expect(trusted('a.ts', undefined)).toBe(false);
    expect(trusted('other.ts', stamps['a.ts'])).toBe(false);
    expect(watched.begin([out, join(out, 'docs')])).toBeUndefined();
    watched.end(undefined);
  });

  it('an output changed by another hand between runs is not trusted, and asks for a run; the run that looked at it trusts it again', () => {
    const { out, stamps, watched, begin, trustedNow, asked } = outputFolder();
    watched.watching(true);
    begin();
    watched.end(stamps);
    appendFileSync(join(out, 'a.ts'), '// by hand\n');
    watched.named(join(out, 'a.ts'));
    expect(asked()).toBe(1);
    // Replaced by a rename, deleted, or replaced by a symlink: not as stamped either.
    writeFileSync(join(out, 'sub/b.tmp'), '// other\n');
    renameSync(join(out, 'sub/b.tmp'), join(out, 'sub/b.ts'));
    watched.named(join(out, 'sub/b.ts'));
    expect(asked()).toBe(2);
    expect(trustedNow()).toEqual(['sub/c.ts']);
    rmSync(join(out, 'sub/c.ts'));
    symlinkSync(join(out, 'a.ts'), join(out, 'sub/c.ts'));
    watched.named(join(out, 'sub/c.ts'));
    expect(asked()).toBe(3);
    expect(trustedNow()).toEqual([]);
    // The run that follows looks at them and writes them again; its stamps are trusted.
    rmSync(join(out, 'sub/c.ts'));
    const fresh: Record<string, OutputStamp> = {};
    for (const path of FILES) {
      writeFileSync(join(out, path), `// ${path} again\n`);
      fresh[path] = stamped(join(out, path));
    }
    begin();
    watched.end(fresh);
    const trusted = begin()!;
    watched.end(undefined);
    expect(FILES.filter((path) => trusted(path, fresh[path]))).toEqual(FILES);
  });

  it("events of a run's own writes, and of files that are not outputs, are not changes by others", () => {
    const { out, watched, begin, trustedNow, asked } = outputFolder();
    watched.watching(true);
    begin();
    // The run writes a.ts and stamps it; the watcher reports the write during the run and after it.
    writeFileSync(join(out, 'a.ts'), '// a.ts, new\n');
    watched.named(join(out, 'a.ts'));
    const stamps: Record<string, OutputStamp> = {};
    for (const path of FILES) stamps[path] = stamped(join(out, path));
    watched.end(stamps);
    watched.named(join(out, 'a.ts'));
    writeFileSync(join(out, 'notes.txt'), 'not an output\n');
    watched.named(join(out, 'notes.txt'));
    watched.named(join(out, 'sub'));
    expect(asked()).toBe(0);
    const trusted = begin()!;
    watched.end(undefined);
    expect(FILES.filter((path) => trusted(path, stamps[path]))).toEqual(FILES);
    expect(trustedNow()).toEqual([]);
  });

  it('an output changed while a run trusted it is found when the run ends, and stays untrusted after a failed run', () => {
    const { out, stamps, watched, begin, asked } = outputFolder();
    watched.watching(true);
    begin();
    watched.end(stamps);
    const trusted = begin()!;
    expect(trusted('sub/b.ts', stamps['sub/b.ts'])).toBe(true);
    appendFileSync(join(out, 'sub/b.ts'), '// by hand, during the run\n');
    watched.named(join(out, 'sub/b.ts'));
    // Named during the run: from then on not trusted by it either.
    expect(trusted('sub/b.ts', stamps['sub/b.ts'])).toBe(false);
    expect(asked()).toBe(0);
    // The run kept sub/b.ts as it found it earlier and failed (it writes nothing): a run is asked for.
    watched.end(undefined);
    expect(asked()).toBe(1);
    const next = begin()!;
    watched.end(undefined);
    expect(next('sub/b.ts', stamps['sub/b.ts'])).toBe(false);
    expect(next('a.ts', stamps['a.ts'])).toBe(true);
  });

  it('trusts nothing once the watcher has failed', () => {
    const { stamps, watched, begin } = outputFolder();
    watched.watching(true);
    begin();
    watched.end(stamps);
    watched.failed();
    expect(begin()).toBeUndefined();
    watched.end(stamps);
    watched.watching(true);
    expect(begin()).toBeUndefined();
    watched.end(undefined);
  });

  it('names an output in a docs folder of its own by its emitted path (docs/...)', () => {
    const root = scratchDir('watched-outputs-docs');
    scratch.push(root);
    const out = join(root, 'generated');
    const docs = join(root, 'site/docs');
    mkdirSync(out, { recursive: true });
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(out, 'index.ts'), '// index\n');
    writeFileSync(join(docs, 'catalog.md'), '# catalog\n');
    const stamps = { 'index.ts': stamped(join(out, 'index.ts')), 'docs/catalog.md': stamped(join(docs, 'catalog.md')) };
    let asked = 0;
    const watched = new WatchedOutputs([{ prefix: 'docs/', dir: docs }, { prefix: '', dir: out }], () => asked++);
    watched.watching(true);
    watched.begin([docs, out]);
    watched.end(stamps);
    appendFileSync(join(docs, 'catalog.md'), 'by hand\n');
    watched.named(join(docs, 'catalog.md'));
    expect(asked).toBe(1);
    const trusted = watched.begin([docs, out])!;
    watched.end(undefined);
    expect(trusted('docs/catalog.md', stamps['docs/catalog.md'])).toBe(false);
    expect(trusted('index.ts', stamps['index.ts'])).toBe(true);
  });
});
