/**
 * Watch mode: regenerate when a spec, template, adapter or the config changes. Changes are
 * debounced, runs never overlap, and a broken spec only prints its diagnostics: the next change
 * that fixes it regenerates as usual (and deleted specs have their outputs removed by the writer).
 */
import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { generate } from './generate.js';
export function watchProject(options, onResult, onError = () => { }) {
    const watchers = [];
    let timer;
    let running;
    let again = false;
    let closed = false;
    let current = options;
    let reloadNeeded = false;
    const run = async () => {
        if (running) {
            again = true;
            return running;
        }
        running = (async () => {
            do {
                again = false;
                try {
                    if (reloadNeeded && options.reload) {
                        reloadNeeded = false;
                        current = { ...(await options.reload()), cache: options.cache };
                    }
                    const result = await generate({ ...current, mode: 'write' });
                    if (!closed)
                        onResult(result);
                }
                catch (error) {
                    if (!closed)
                        onError(error);
                }
            } while (again && !closed);
        })();
        try {
            await running;
        }
        finally {
            running = undefined;
        }
    };
    const schedule = () => {
        if (closed)
            return;
        clearTimeout(timer);
        timer = setTimeout(() => void run(), options.debounceMs ?? 100);
    };
    const folders = [options.specs, options.adapters, ...(options.templates ?? [])].filter((p) => p !== undefined);
    for (const folder of folders) {
        try {
            watchers.push(watch(folder, { recursive: true }, schedule));
        }
        catch {
            // A folder that does not exist (no adapters yet) has nothing to watch.
        }
    }
    for (const file of options.extraPaths ?? []) {
        // Editors replace files by rename: watch the folder and filter by name.
        watchers.push(watch(dirname(file), (_event, name) => {
            if (name !== basename(file))
                return;
            reloadNeeded = true;
            schedule();
        }));
    }
    return {
        ready: run(),
        close() {
            closed = true;
            clearTimeout(timer);
            for (const watcher of watchers)
                watcher.close();
        },
    };
}
//# sourceMappingURL=watch.js.map