/**
 * Where the build cache lives and how it is read and written. One cache per output folder, in
 * the nearest node_modules/.cache/contractgen (as other build tools keep theirs). The file is its
 * content's digest on the first line, then the content: a cache that fails the digest or the shape
 * check is ignored, and the run starts from scratch and writes a good one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findUp, installedManifest } from '../fs/find-up.js';
import { sha1 } from '../values.js';
import type { ResolvedOptions } from '../options.js';
import { inputState, type KnownInputStates } from '../fs/input-state.js';
import { readRegularFile } from '../fs/read-input.js';
import { ARTIFACTS_DIR, DEFAULT_TEMPLATES_DIR, PACKAGE_ROOT } from '../package.js';
import { OutputPaths } from '../fs/output-path.js';
import { cacheDataOf, cacheFileContent, type CacheData } from './format.js';

/** Which cache a run uses: one per set of output folders. */
export function cacheName(options: ResolvedOptions): string {
  return sha1(`${options.out}\u0000${options.docsOut ?? ''}`);
}

/** The cache file of the run's output folders; undefined (no cache) when there is no node_modules, or a symlink below it on the way (the writer's path rule: the cache is written only where it says). */
export function cacheFile(options: ResolvedOptions): string | undefined {
  const nodeModules = findUp(options.root, (dir) => (existsSync(join(dir, 'node_modules')) ? join(dir, 'node_modules') : undefined));
  if (!nodeModules) return undefined;
  const relative = `.cache/contractgen/${cacheName(options)}.json`;
  return new OutputPaths([]).reachableIn(nodeModules, relative) ? join(nodeModules, relative) : undefined;
}

/** The first line: the content's SHA-1 in hex, and a newline. */
const DIGEST_LINE = 41;
const NEWLINE = 0x0a;

export function readCache(file: string | undefined): CacheData | undefined {
  if (!file) return undefined;
  try {
    // A regular file only (a FIFO in its place would block the run); anything else is no cache.
    const bytes = readRegularFile(file);
    // The digest is of the bytes on disk: hashing them as read spares encoding 3 MB of text again.
    const content = bytes.subarray(DIGEST_LINE);
    if (bytes[DIGEST_LINE - 1] !== NEWLINE || sha1(content) !== bytes.toString('latin1', 0, DIGEST_LINE - 1)) return undefined;
    return cacheDataOf(JSON.parse(content.toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Caches kept per folder: one per output folder, the least recently written evicted first. */
const MAX_CACHES = 16;

export function writeCache(file: string | undefined, data: Omit<CacheData, 'format'>): void {
  if (!file) return;
  try {
    const form = cacheFileContent(data);
    if (!form) return;
    mkdirSync(dirname(file), { recursive: true });
    // Encoded once: the digest is of these bytes, and they are what is written.
    const content = Buffer.from(JSON.stringify(form));
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, Buffer.concat([Buffer.from(`${sha1(content)}\n`), content]));
    renameSync(temp, file);
    evictOldCaches(dirname(file));
  } catch {
    // A cache that cannot be written only costs the next run its shortcut.
  }
}

function evictOldCaches(dir: string): void {
  const caches = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(MAX_CACHES)) rmSync(old.path, { force: true });
}

/**
 * The generator's own code and templates, the override templates and the options: a change to any
 * invalidates everything. Files go in by their state (`hashes`), which a watch process keeps between runs.
 */
export function toolFingerprint(options: ResolvedOptions, hashes: InputHashes): string {
  const hash = createHash('sha1');
  // What shapes the output: not how the run goes (mode, cache, workers, progress) or why its root is the project.
  const { mode: _mode, cache: _cache, workers: _workers, onProgress: _onProgress, rootReason: _rootReason, ...relevant } = options;
  hash.update(JSON.stringify(relevant)).update(runningGenerator(hashes));
  // Its templates (the artifacts' too: read from the folders, so a run that answers from the cache
  // does not load the artifacts' list), read from disk by each run, and the override templates.
  const templates = [...listFiles(DEFAULT_TEMPLATES_DIR), ...listFiles(ARTIFACTS_DIR, (file) => file.endsWith('.hbs')), ...options.templates.flatMap((dir) => listFiles(dir))];
  for (const file of templates) hash.update(file).update(hashes.get(file) ?? '?');
  return hash.digest('hex');
}

let running: string | undefined;
/**
 * The compiled generator, its package.json and the libraries that shape the output (a lockfile
 * update that changes one of them changes output too), as this process loaded them: taken once per
 * process, since a process runs the code it loaded whatever is on disk later (a watch process too).
 */
function runningGenerator(hashes: InputHashes): string {
  if (running === undefined) {
    const hash = createHash('sha1');
    const files = [join(PACKAGE_ROOT, 'dist'), join(PACKAGE_ROOT, 'package.json')].flatMap((path) => listFiles(path, (file) => !/\.(map|d\.ts|tsbuildinfo)$/.test(file)));
    for (const file of files) hash.update(file).update(hashes.get(file) ?? '?');
    for (const name of OUTPUT_LIBRARIES) hash.update(`${name}@${installedVersion(name)}`);
    running = hash.digest('hex');
  }
  return running;
}

const OUTPUT_LIBRARIES = ['ajv', 'ajv-formats', 'json-schema-to-typescript', 'handlebars', 'ts-morph'];

function installedVersion(name: string): string {
  const manifest = installedManifest(name, PACKAGE_ROOT);
  try {
    return manifest ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?') : '?';
  } catch {
    return '?';
  }
}

/**
 * The entries at or below `path` other than folders (files, and symlinks and special files, which a
 * run refuses or reads: each changes what a run does) that `wanted` takes, sorted; none when nothing
 * is there. A folder that cannot be listed gives a name no run gives twice, so no cache is reused on
 * a fingerprint that could not see what is in it.
 */
function listFiles(path: string, wanted: (file: string) => boolean = () => true): string[] {
  try {
    if (!statSync(path).isDirectory()) return [path];
    // The entries' types come with the listing: no stat per file (a run does this for the generator's own files).
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => wanted(file))
      .sort();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : [`${path}\u0000unlistable ${randomBytes(8).toString('hex')}`];
  }
}

/**
 * The state of input files (inputState: content hash, or ABSENT), each read once per run (undefined:
 * it cannot be read). `kept`: the states a watch process keeps between runs (a file read only when its stat moved).
 */
export class InputHashes {
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly kept?: KnownInputStates) {}

  get(file: string): string | undefined {
    if (!this.known.has(file)) this.known.set(file, this.kept ? this.kept.stateOf(file) : inputState(file));
    return this.known.get(file);
  }

  /** The stat `file` was read at, when its state `state` may be trusted by a later run while that stat holds. */
  statOf(file: string, state: string): string | undefined {
    return this.kept?.statOf(file, state);
  }

  /** The same inputs as they are now: each read again (with kept states, each whose stat moved). */
  again(): InputHashes {
    return new InputHashes(this.kept);
  }

  /** Answers so far, by record: a spec file's record is asked about by each step of the run that may reuse it. */
  private readonly answers = new WeakMap<object, boolean>();

  /** Whether every file still has the recorded hash (or is still absent). */
  unchanged(recorded: Readonly<Record<string, string>>): boolean {
    let answer = this.answers.get(recorded);
    if (answer === undefined) {
      answer = true;
      for (const file in recorded) {
        if (this.get(file) !== recorded[file]) {
          answer = false;
          break;
        }
      }
      this.answers.set(recorded, answer);
    }
    return answer;
  }
}
