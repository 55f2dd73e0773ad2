import { type GenerateOptions, type GenerateResult } from './generate.js';
export interface WatchOptions extends GenerateOptions {
    /** Folders and files to watch besides specs, templates and adapters (e.g. the config file). */
    readonly extraPaths?: readonly string[];
    /** Quiet period before a run, in ms (default 100). */
    readonly debounceMs?: number;
    /** Reads the options again (the config file changed); folders watched stay those of the start. */
    readonly reload?: () => Promise<GenerateOptions>;
}
export interface Watcher {
    /** Resolves after the first run. */
    readonly ready: Promise<void>;
    close(): void;
}
export declare function watchProject(options: WatchOptions, onResult: (result: GenerateResult) => void, onError?: (error: unknown) => void): Watcher;
//# sourceMappingURL=watch.d.ts.map