/** A worker thread of the pool: one task runner for the run's settings, answering each task with its id. */
import { parentPort, workerData } from 'node:worker_threads';
import type { IntegrationContext } from '../pipeline/spec-file.js';
import { SpecFileProcessor } from '../pipeline/spec-file.js';
import { serializeError } from './errors.js';
import { runTask, type Task, type WorkerData } from './tasks.js';

const { settings, probeModule } = workerData as WorkerData;
// Messages wait in the port until a listener is attached: none is lost while this loads.
if (probeModule) await import(probeModule);
const processor = new SpecFileProcessor(settings);
const encoder = new TextEncoder();
const port = parentPort!;
port.on('message', async (message: { id: number; task: Task } | { context: IntegrationContext }) => {
  if ('context' in message) return processor.setContext(message.context);
  const { id, task } = message;
  try {
    const result = await runTask(processor, task);
    // Files cross to the main thread as transferred UTF-8 bytes: no copy, and no string on its heap.
    const transfer: ArrayBuffer[] = [];
    if ('files' in result) {
      const files = result.files.map((file) => {
        const content = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
        transfer.push(content.buffer as ArrayBuffer);
        return { path: file.path, content };
      });
      port.postMessage({ id, ok: true, result: { ...result, files } }, transfer);
    } else port.postMessage({ id, ok: true, result });
  } catch (error) {
    port.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
