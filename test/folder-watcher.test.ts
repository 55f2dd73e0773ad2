/**
 * The output folders' watcher (generator/watch/folder-watcher.ts) on real folders: every kind of
 * change to an entry is named, folders are followed as they come, go and are replaced, and the
 * writer's run folder is never reported.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FolderWatcher } from '../generator/watch/folder-watcher.js';
import { waitFor } from './support/cli-process.js';
import { removeDir, scratchDir } from './support/workspace.js';

const scratch: string[] = [];
const watchers: FolderWatcher[] = [];
afterEach(() => watchers.splice(0).forEach((w) => w.close()));
afterAll(() => scratch.forEach(removeDir));

const opts = { timeoutMs: 10_000 };

function watched(make: (root: string) => void = () => {}) {
  const dir = scratchDir('folder-watcher');
  scratch.push(dir);
  const root = join(dir, 'generated');
  make(root);
  const named = new Set<string>();
  let failed = 0;
  const watcher = new FolderWatcher([root], { named: (path) => named.add(path), failed: () => failed++ }, (name) => name === '.contractgen-run');
  watchers.push(watcher);
  return { dir, root, named, watcher, failed: () => failed };
}

describe('the output folders watcher', () => {
  it('names each entry changed in place, replaced by a rename, removed or added, in every folder below the root', async () => {
    const { root, named, watcher } = watched((root) => {
      mkdirSync(join(root, 'integrations/sms.acme'), { recursive: true });
      writeFileSync(join(root, 'index.ts'), '// index\n');
      writeFileSync(join(root, 'integrations/sms.acme/client.ts'), '// client\n');
      writeFileSync(join(root, 'integrations/sms.acme/types.ts'), '// types\n');
    });
    expect(watcher.ensure()).toBe(true);
    expect([...named]).toEqual([]);
    appendFileSync(join(root, 'index.ts'), '// by hand\n');
    writeFileSync(join(root, 'integrations/sms.acme/client.tmp'), '// other\n');
    renameSync(join(root, 'integrations/sms.acme/client.tmp'), join(root, 'integrations/sms.acme/client.ts'));
    rmSync(join(root, 'integrations/sms.acme/types.ts'));
    writeFileSync(join(root, 'integrations/sms.acme/new.ts'), '// new\n');
    for (const path of ['index.ts', 'integrations/sms.acme/client.ts', 'integrations/sms.acme/types.ts', 'integrations/sms.acme/new.ts']) {
      await waitFor(path, () => named.has(join(root, path)), opts);
    }
  });

  it('watches a new folder and names what is in it; stops watching a removed one; never reports the run folder', async () => {
    const { dir, root, named, watcher } = watched((root) => mkdirSync(join(root, 'integrations'), { recursive: true }));
    expect(watcher.ensure()).toBe(true);
    // A folder made elsewhere with a file in it and moved in: the file was there before any watch on it.
    mkdirSync(join(dir, 'staged/sms.beta'), { recursive: true });
    writeFileSync(join(dir, 'staged/sms.beta/client.ts'), '// beta\n');
    renameSync(join(dir, 'staged/sms.beta'), join(root, 'integrations/sms.beta'));
    await waitFor('the file of the new folder', () => named.has(join(root, 'integrations/sms.beta/client.ts')), opts);
    // Then a change inside it.
    named.clear();
    appendFileSync(join(root, 'integrations/sms.beta/client.ts'), '// by hand\n');
    await waitFor('the change in the new folder', () => named.has(join(root, 'integrations/sms.beta/client.ts')), opts);
    // Removed: named, and its watch ends (a folder made again there is watched anew).
    rmSync(join(root, 'integrations/sms.beta'), { recursive: true });
    await waitFor('the removed folder', () => named.has(join(root, 'integrations/sms.beta')), opts);
    mkdirSync(join(root, 'integrations/sms.beta'));
    writeFileSync(join(root, 'integrations/sms.beta/types.ts'), '// again\n');
    await waitFor('a file in the folder made again', () => named.has(join(root, 'integrations/sms.beta/types.ts')), opts);
    // The writer's run folder, and what happens in it, is never reported.
    named.clear();
    mkdirSync(join(root, '.contractgen-run/run1'), { recursive: true });
    writeFileSync(join(root, '.contractgen-run/run1/staged.ts'), '// staged\n');
    writeFileSync(join(root, 'marker.ts'), '// after\n');
    await waitFor('the marker', () => named.has(join(root, 'marker.ts')), opts);
    expect([...named].filter((path) => path.includes('.contractgen-run'))).toEqual([]);
  });

  it('does not follow a symlink to a folder, and watches a root that appears or is replaced by another folder', async () => {
    const { dir, root, named, watcher } = watched();
    // No root yet: nothing is watched, and it says so.
    expect(watcher.ensure()).toBe(false);
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs/catalog.md'), '# catalog\n');
    expect(watcher.ensure()).toBe(true);
    appendFileSync(join(root, 'docs/catalog.md'), 'by hand\n');
    await waitFor('the change in the root that appeared', () => named.has(join(root, 'docs/catalog.md')), opts);
    // A symlink to a folder outside: named, but what happens behind it is not watched.
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(root, 'linked'));
    await waitFor('the symlink', () => named.has(join(root, 'linked')), opts);
    named.clear();
    writeFileSync(join(dir, 'elsewhere/file.ts'), '// behind the link\n');
    writeFileSync(join(root, 'docs/marker.md'), 'after\n');
    await waitFor('the marker', () => named.has(join(root, 'docs/marker.md')), opts);
    expect([...named].filter((path) => path.includes('file.ts'))).toEqual([]);
    // The root moved away and another folder put in its place: the old watches follow the old
    // folder; ensure watches the new one and names every file in it.
    renameSync(root, join(dir, 'generated.old'));
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs/catalog.md'), '# another catalog\n');
    named.clear();
    expect(watcher.ensure()).toBe(true);
    expect(named.has(join(root, 'docs/catalog.md'))).toBe(true);
  });
});
