/**
 * When a run uses worker threads. Starting one costs about a third of a second (its module graph
 * loads afresh), so small runs, incremental runs and watch-mode rebuilds stay in this thread, and a
 * large cold run spreads its per-spec work across the cores.
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from './pool.js';
/**
 * Below this many specs to check or emit, threads cost more than they save: measured on the
 * 2-core machine of BENCHMARKS.md, 100 and 250 specs took as long with 2 workers as with none
 * (workers boot while the main thread parses, and compete with it), 1,000 took half the time.
 */
const MIN_WORK = 400;
const MAX_WORKERS = 4;
/** Worker threads for a run of `work` specs: `requested` when given, else by core count (none on one core). */
export function workerCount(requested, work) {
    if (work <= 0)
        return 0;
    if (requested !== 'auto')
        return Math.max(0, Math.floor(requested));
    const cores = availableParallelism();
    return work >= MIN_WORK && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}
/** The run's pool, started on first need and then used for every later stage. */
export class Workers {
    requested;
    pool;
    constructor(requested = 'auto') {
        this.requested = requested;
    }
    /** The pool, if one runs already or `work` specs are worth starting one for (call early to boot it ahead of need). */
    get(work) {
        if (!this.pool) {
            const size = workerCount(this.requested, work);
            if (size > 0)
                this.pool = new WorkerPool(size);
        }
        return this.pool;
    }
    async close() {
        await this.pool?.close();
    }
}
//# sourceMappingURL=workers.js.map