/**
 * Baseline (b), the I/O floor: what any generator must at least do for this corpus. Reads every
 * spec file, then writes exactly the bytes contractgen produced (same paths, same contents) into
 * an empty folder. No parsing, no checking, no rendering.
 *
 * The bytes to write are loaded from a contractgen output folder first; that preload is harness
 * setup, reported as `preloadMs` so the parent can subtract it from the process's wall time.
 *
 * Usage: node --import tsx bench/io-floor.ts <specsDir> <referenceOutDir> <emptyTargetDir>
 * Prints one JSON line: { preloadMs, readMs, writeMs, specFiles, files, bytes }.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function walk(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile()) into.push(path);
  }
  return into;
}

const [specsDir, referenceDir, targetDir] = process.argv.slice(2);
if (!specsDir || !referenceDir || !targetDir) {
  process.stderr.write('usage: io-floor.ts <specsDir> <referenceOutDir> <emptyTargetDir>\n');
  process.exit(2);
}

const preloadStart = performance.now();
const outputs = walk(referenceDir).map((file) => ({ path: relative(referenceDir, file), bytes: readFileSync(file) }));
const preloadMs = performance.now() - preloadStart;

const readStart = performance.now();
let specBytes = 0;
const specFiles = walk(specsDir).filter((file) => file.endsWith('.ts'));
for (const file of specFiles) specBytes += readFileSync(file, 'utf8').length;
const readMs = performance.now() - readStart;

const writeStart = performance.now();
const made = new Set<string>();
let bytes = 0;
for (const output of outputs) {
  const target = join(targetDir, output.path);
  const dir = dirname(target);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(target, output.bytes);
  bytes += output.bytes.length;
}
const writeMs = performance.now() - writeStart;

process.stdout.write(JSON.stringify({ preloadMs, readMs, writeMs, specFiles: specFiles.length, specBytes, files: outputs.length, bytes }) + '\n');
