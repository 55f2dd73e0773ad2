/**
 * The one walk up the folder tree: from a folder to the file-system root, nearest first. Finding
 * the project (its config file or package.json), the node_modules the cache lives in, an installed
 * package, and contractgen's own package folder are each a question asked on that walk.
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The first answer `look` gives for `from` or a folder above it, nearest first; undefined when none answers. */
export function findUp<T>(from: string, look: (dir: string) => T | undefined): T | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = look(dir);
    if (found !== undefined) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** An installed package's package.json, found the way Node does (node_modules folders from `from` up), symlinks resolved. */
export function installedManifest(name: string, from: string): string | undefined {
  return findUp(from, (dir) => {
    try {
      return realpathSync(join(dir, 'node_modules', name, 'package.json'));
    } catch {
      return undefined;
    }
  });
}
