/**
 * The build cache: what the previous run read (content hashes), produced (per spec, keyed by a
 * fingerprint of everything its files depend on) and left on disk (size and mtime of every output).
 * It lets a run skip whatever its inputs say cannot have changed: all of it when nothing changed
 * (no parse, no heavy module even loaded), one spec's work when one spec changed.
 *
 * Nothing is trusted blindly: reused outputs are first checked on disk, and any mismatch falls back
 * to the full pipeline. The cache is an optimisation only; deleting it changes no output.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRegularFile } from '../load/read-input.js';
import { PACKAGE_ROOT } from '../package.js';
const FORMAT = 5;
export function sha1(text) {
    return createHash('sha1').update(text).digest('hex');
}
/** Where the cache of this output folder lives: the nearest node_modules/.cache, as other build tools do. */
export function cacheFile(options) {
    for (let dir = options.root;; dir = dirname(dir)) {
        if (existsSync(join(dir, 'node_modules')))
            return join(dir, 'node_modules', '.cache', 'contractgen', `${sha1(`${options.outDir}\u0000${options.docsOutDir ?? ''}`)}.json`);
        if (dirname(dir) === dir)
            return undefined;
    }
}
export function readCache(file) {
    if (!file)
        return undefined;
    try {
        const data = JSON.parse(readFileSync(file, 'utf8'));
        return data.format === FORMAT ? data : undefined;
    }
    catch {
        return undefined;
    }
}
/** Caches kept per folder: one per output folder, the least recently written evicted first. */
const MAX_CACHES = 16;
export function writeCache(file, data) {
    if (!file)
        return;
    try {
        mkdirSync(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(temp, JSON.stringify({ format: FORMAT, ...data }));
        renameSync(temp, file);
        evictOldCaches(dirname(file));
    }
    catch {
        // A cache that cannot be written only costs the next run its shortcut.
    }
}
function evictOldCaches(dir) {
    const caches = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
    for (const old of caches.slice(MAX_CACHES))
        rmSync(old.path, { force: true });
}
/** The generator's own code and templates, the override templates and the options: a change to any invalidates everything. */
export function toolFingerprint(options) {
    const hash = createHash('sha1');
    const { mode: _mode, cache: _cache, ...relevant } = options;
    hash.update(JSON.stringify(relevant));
    // The compiled generator (what runs), its templates and its package.json (version, dependencies).
    for (const dir of ['dist', 'templates', 'package.json'].map((d) => join(PACKAGE_ROOT, d)).concat(options.templateDirs)) {
        for (const file of listFiles(dir))
            if (!/\.(map|d\.ts|tsbuildinfo)$/.test(file))
                hash.update(file).update(readFileSync(file));
    }
    // The libraries that shape the output: a lockfile update that changes one of them changes output too.
    for (const name of OUTPUT_LIBRARIES)
        hash.update(`${name}@${installedVersion(name)}`);
    return hash.digest('hex');
}
const OUTPUT_LIBRARIES = ['ajv', 'ajv-formats', 'json-schema-to-typescript', 'handlebars', 'ts-morph'];
function installedVersion(name) {
    for (let dir = PACKAGE_ROOT;; dir = dirname(dir)) {
        try {
            return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version ?? '?';
        }
        catch {
            if (dirname(dir) === dir)
                return '?';
        }
    }
}
function listFiles(path) {
    try {
        if (statSync(path).isFile())
            return [path];
        return readdirSync(path, { recursive: true, encoding: 'utf8' })
            .map((f) => join(path, f))
            .filter((f) => statSync(f).isFile())
            .sort();
    }
    catch {
        return [];
    }
}
/** Content hashes of files, or undefined for a file that cannot be read. */
export function hashFiles(files) {
    const hashes = new Map();
    for (const file of files) {
        try {
            // A regular file only: an input replaced by a FIFO since the last run must not block the run.
            hashes.set(file, sha1(readRegularFile(file)));
        }
        catch {
            hashes.set(file, undefined);
        }
    }
    return hashes;
}
/**
 * Whether each output still holds the bytes the cache recorded for it. Contents, not mtimes:
 * restored caches, `cp -p` and same-second edits keep mtimes, and `check` must still see drift.
 */
export function outputsIntact(paths, absolute, recorded) {
    for (const path of paths) {
        const expected = recorded[path];
        if (expected === undefined || hashFiles([absolute(path)]).get(absolute(path)) !== expected)
            return false;
    }
    return true;
}
//# sourceMappingURL=store.js.map