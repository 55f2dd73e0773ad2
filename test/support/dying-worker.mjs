/**
 * Set as `probes.workerModule` by test/parallel.test.ts: imported by each worker thread before its
 * first task, it makes the worker die (exit 70) on the spec file named by `?dieOn=` (a suffix of its
 * path). With `&once=<marker file>`, only the first worker to create that file dies: the retry on
 * another worker succeeds.
 */
import { writeFileSync } from 'node:fs';
import { probes } from '../../generator/dist/probes.js';

const parameters = new URL(import.meta.url).searchParams;
const dieOn = parameters.get('dieOn');
const once = parameters.get('once');
probes.specTask = (file) => {
  if (!dieOn || !file.endsWith(dieOn)) return;
  if (once) {
    try {
      writeFileSync(once, `${file}\n`, { flag: 'wx' });
    } catch {
      return;
    }
  }
  process.exit(70);
};
