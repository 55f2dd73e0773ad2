import type { Task, TaskResult } from './tasks.js';
export declare class WorkerPool {
    readonly size: number;
    private readonly slots;
    private readonly queue;
    private nextId;
    private failure?;
    constructor(size: number);
    run<T extends Task>(task: T): Promise<TaskResult<T>>;
    /** Stops every worker; tasks still pending fail. */
    close(): Promise<void>;
    private start;
    private dispatch;
    private fail;
}
//# sourceMappingURL=pool.d.ts.map