/** A worker thread of the pool: one task runner for the run's settings, answering each task with its id. */
import { parentPort, workerData } from 'node:worker_threads';
import type { IntegrationContext } from '../check/index.js';
import { SpecFileProcessor, type TaskSettings } from '../pipeline/spec-file.js';
import { serializeError } from './errors.js';
import { runTask, type Task } from './tasks.js';

const processor = new SpecFileProcessor(workerData as TaskSettings);
const port = parentPort!;
port.on('message', async (message: { id: number; task: Task } | { context: IntegrationContext }) => {
  if ('context' in message) return processor.setContext(message.context);
  const { id, task } = message;
  try {
    port.postMessage({ id, ok: true, result: await runTask(processor, task) });
  } catch (error) {
    port.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
