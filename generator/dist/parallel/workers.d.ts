import { WorkerPool } from './pool.js';
/** Worker threads for a run of `work` specs: `requested` when given, else by core count (none on one core). */
export declare function workerCount(requested: number | 'auto', work: number): number;
/** The run's pool, started on first need and then used for every later stage. */
export declare class Workers {
    private readonly requested;
    private pool?;
    constructor(requested?: number | 'auto');
    /** The pool, if one runs already or `work` specs are worth starting one for (call early to boot it ahead of need). */
    get(work: number): WorkerPool | undefined;
    close(): Promise<void>;
}
//# sourceMappingURL=workers.d.ts.map