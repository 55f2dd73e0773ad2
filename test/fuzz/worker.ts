/** A fuzz worker thread: owns one fuzz project and runs the cases it is sent, one at a time (pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { FuzzCase } from './arbitraries.js';
import { FuzzProject } from './project.js';

const project = new FuzzProject((workerData as { root: string }).root);
// Load the whole pipeline and fill the build cache with the companion specs before the first
// case: start-up is not a case's time, and every case then re-checks only the file it changed.
await project.warmUp();
parentPort!.on('message', (fuzzCase: FuzzCase) => {
  void project.run(fuzzCase).then((outcome) => parentPort!.postMessage(outcome));
});
parentPort!.postMessage('ready');
