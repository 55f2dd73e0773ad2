/**
 * The workspace packages as npm would publish them: `npm pack` tarballs of the built
 * packages (`npm test` builds first), for tests and benchmarks that install them the way a user
 * does, outside the repository and without workspace links.
 *
 * Packing takes a few seconds, so the tarballs are kept under the system temp folder, keyed by a
 * hash of what goes into them (each package.json and the folders its `files` names): the e2e test
 * files, which run in parallel processes, and later runs over the same build pack once. A lock
 * file lets one process pack while the others wait for its tarballs (one left by a killed process
 * is taken over); the tarballs are written to a folder of their own and renamed into place whole.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './workspace.js';

const execFileAsync = promisify(execFile);

/** The packages, by name, with their folders in this repository. */
export const WORKSPACE_PACKAGES = {
  contractgen: 'generator',
  '@contractgen/runtime': 'runtime',
  '@contractgen/twilio': join('adapters', 'twilio'),
  '@contractgen/redis': join('stores', 'redis'),
} as const;

export type PackageName = keyof typeof WORKSPACE_PACKAGES;

/** Absolute path of each package's tarball. */
export type PackedPackages = Readonly<Record<PackageName, string>>;

const PACKS_ROOT = join(tmpdir(), 'contractgen-e2e-packs');

let packing: Promise<PackedPackages> | undefined;

/** Packs the packages once per content (and once per process). */
export function packPackages(): Promise<PackedPackages> {
  packing ??= packOnce();
  return packing;
}

/** `file:` dependency specs for the tarballs, e.g. to put in a temp app's package.json. */
export function tarballSpecs(packs: PackedPackages, names: readonly PackageName[] = Object.keys(packs) as PackageName[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `file:${packs[name]}`]));
}

async function packOnce(): Promise<PackedPackages> {
  const dir = join(PACKS_ROOT, contentHash());
  mkdirSync(PACKS_ROOT, { recursive: true });
  while (!existsSync(dir)) {
    const release = takeLock(`${dir}.lock`);
    if (!release) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!existsSync(dir)) await packInto(dir);
    } finally {
      release();
    }
  }
  return Object.fromEntries(Object.keys(WORKSPACE_PACKAGES).map((name) => [name, tarballIn(dir, name)])) as Record<PackageName, string>;
}

async function packInto(dir: string): Promise<void> {
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const workspaces = Object.values(WORKSPACE_PACKAGES).flatMap((folder) => ['--workspace', folder]);
  // prepack builds each package first (a no-op after `npm test`'s build).
  await execFileAsync('npm', ['pack', ...workspaces, '--pack-destination', staging, '--silent'], { cwd: REPO });
  renameSync(staging, dir);
}

/** Takes the lock file (holding this process's pid), or undefined while a live process holds it. */
function takeLock(lock: string): (() => void) | undefined {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return () => rmSync(lock, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    const holder = Number(readFileSync(lock, 'utf8'));
    // Empty: its holder is writing its pid right now (or was killed doing so, long ago).
    const stale = holder > 0 ? !processAlive(holder) : Date.now() - statSync(lock).mtimeMs > 10_000;
    if (stale) rmSync(lock, { force: true });
  } catch (error) {
    // Released meanwhile: the next round takes it or finds the tarballs.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `npm pack` names `@scope/name@1.2.3` `scope-name-1.2.3.tgz`. */
function tarballIn(dir: string, name: string): string {
  const prefix = `${name.replace(/^@/, '').replace('/', '-')}-`;
  const file = readdirSync(dir).find((f) => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)) && f.endsWith('.tgz'));
  if (!file) throw new Error(`no tarball of ${name} in ${dir}`);
  return join(dir, file);
}

/** A hash of every file that goes into the tarballs (build info aside: it changes on every build). */
function contentHash(): string {
  const hash = createHash('sha256');
  for (const folder of Object.values(WORKSPACE_PACKAGES)) {
    const root = join(REPO, folder);
    const manifest = readFileSync(join(root, 'package.json'));
    hash.update(`${folder}/package.json\0`).update(manifest);
    const { files = [] } = JSON.parse(manifest.toString('utf8')) as { files?: string[] };
    for (const entry of files.filter((f) => !f.startsWith('!'))) {
      for (const file of filesUnder(join(root, entry))) hash.update(`${relative(REPO, file)}\0`).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** `path` itself if it is a file, else every file below it (sorted), build info aside. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tsbuildinfo'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
