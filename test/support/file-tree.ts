/**
 * A folder's state, for tests that say "nothing changed" or "these two are alike": every entry by
 * relative `/`-separated path (folders with a trailing `/`), a file by size and content hash, a
 * symlink by its target as written, anything else (FIFO, socket, device) by its mode; with
 * `touched`, the change time of the entries it accepts too (any write shows, the same bytes
 * written again included; for a folder, an entry made or removed in it, even one made and removed).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** `skip`: relative paths (`/`-separated) left out, with everything below them. A missing `dir` is empty. */
export function fileTree(dir: string, options: { skip?: (path: string) => boolean; touched?: (path: string) => boolean } = {}): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (options.skip?.(rel)) continue;
      const key = entry.isDirectory() ? `${rel}/` : rel;
      const state = entry.isDirectory()
        ? 'folder'
        : entry.isSymbolicLink()
          ? `symlink to ${readlinkSync(path)}`
          : entry.isFile()
            ? `${lstatSync(path).size} bytes, sha1 ${createHash('sha1').update(readFileSync(path)).digest('hex')}`
            : `special file, mode ${lstatSync(path).mode.toString(8)}`;
      entries.set(key, options.touched?.(key) ? `${state}, ${changeTime(path)}` : state);
      if (entry.isDirectory()) walk(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return entries;
}

export const changeTime = (path: string) => `changed at ${lstatSync(path, { bigint: true }).ctimeNs} ns`;

/** Whether `path` is `prefix` or below it (both `/`-separated). */
export const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** What differs between two states of a folder: `path (created|removed|modified)` for each entry. */
export function treeChanges(was: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): string[] {
  return [...new Set([...was.keys(), ...now.keys()])].sort().filter((path) => was.get(path) !== now.get(path)).map((path) => `${path} (${was.has(path) ? (now.has(path) ? 'modified' : 'removed') : 'created'})`);
}
