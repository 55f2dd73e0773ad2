/**
 * Loads one large CommonJS file through a V8 code cache kept beside its node_modules
 * (`node_modules/.cache/contractgen/v8/`): the TypeScript compiler that ts-morph bundles is 9 MB
 * of JavaScript, and compiling it is most of what starting to parse costs (0.4 s; 0.2 s from the
 * cache), in every process and worker thread that parses a spec. Node 22 does this for every
 * module (`module.enableCompileCache`); Node 20, the floor of `engines`, does not, and
 * `v8-compile-cache`, which patches every `require`, breaks json-schema-to-typescript's
 * dynamic `import()` of Prettier. So only this one file goes through the cache.
 *
 * The cache is only ever an accelerator: V8 checks that it matches the source and the engine
 * (and compiles normally when it does not), a missing or unwritable folder means a normal
 * compile, and it is written to a temporary name and renamed, so a reader never sees half of one.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

export function requireWithCodeCache(file: string): unknown {
  const cacheFile = codeCacheFile(file);
  const bytes = readFileSync(file);
  // Pure ASCII (the TypeScript bundle is) decodes faster as Latin-1, to the same string.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node itself puts around a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) saveQuietly(cacheFile, script.createCachedData());
  return module.exports;
}

/** Where the code cache of `file` lives: under the node_modules folder that holds it, named for the file, its version on disk and this engine. */
function codeCacheFile(file: string): string | undefined {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (at < 0 || !stat) return undefined;
  const { size, mtimeMs } = stat;
  const key = createHash('sha1').update(JSON.stringify([file, size, mtimeMs, process.version, process.arch])).digest('hex').slice(0, 16);
  return join(file.slice(0, at), 'node_modules', '.cache', 'contractgen', 'v8', `${basename(file, '.js')}-${key}.bin`);
}

function saveQuietly(cacheFile: string, data: Buffer): void {
  const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, cacheFile);
    // The caches of earlier versions of the file (or of another Node) are dead weight.
    const prefix = cacheFile.slice(dirname(cacheFile).length + 1).replace(/-[0-9a-f]{16}\.bin$/, '-');
    for (const name of readdirSync(dirname(cacheFile))) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && join(dirname(cacheFile), name) !== cacheFile) rmSync(join(dirname(cacheFile), name), { force: true });
    }
  } catch {
    // A read-only install, a full disk, a file where the folder would be: the next run compiles normally again.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
