/**
 * Import cost of one module in a fresh process: `performance.now()` around `await import(target)`.
 * Plain JS so it runs under any loader; the harness runs it under tsx for both targets (the
 * generated client is TypeScript), so both pay the same loader.
 *
 * Usage: node --import tsx bench/import-cost.mjs <package name | path to a module>
 * Prints one JSON line: { target, ms }.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: import-cost.mjs <package | path>\n');
  process.exit(2);
}
// A file that exists is a path (relative to the working directory); anything else is a package name.
const specifier = existsSync(resolve(target)) ? pathToFileURL(resolve(target)).href : target;
const start = performance.now();
const module = await import(specifier);
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ target, ms, exports: Object.keys(module).length }) + '\n');
