/** A fuzz worker thread: owns one fuzz project and runs the cases it is sent, one at a time (pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { FuzzCase } from './case.js';
import { FuzzProject } from './project.js';

const project = new FuzzProject((workerData as { dir: string }).dir);
// Load the whole pipeline, and make the state every case starts from (the companions generated,
// their build cache warm): start-up is not a case's time.
await project.warmUp();
parentPort!.on('message', (fuzzCase: FuzzCase) => {
  void project.run(fuzzCase).then((outcome) => parentPort!.postMessage(outcome));
});
parentPort!.postMessage('ready');
