/** A worker thread of the pool: runs tasks in arrival order and answers each with its id. */
import { parentPort } from 'node:worker_threads';
import { serializeError } from './errors.js';
import { TaskRunner } from './tasks.js';
const runner = new TaskRunner();
const port = parentPort;
port.on('message', async ({ id, task }) => {
    try {
        port.postMessage({ id, ok: true, result: await runner.run(task) });
    }
    catch (error) {
        port.postMessage({ id, ok: false, error: serializeError(error) });
    }
});
//# sourceMappingURL=worker.js.map