/** Options and results of a run. Kept free of heavy imports: the CLI and the cache fast path load it. */
import { join, resolve } from 'node:path';
/** The package generated code imports at run time, and the one spec files import. */
export const RUNTIME_PACKAGE = '@contractgen/runtime';
export const SPEC_MODULE = 'contractgen/spec';
export function resolveOptions(options) {
    const root = resolve(options.root ?? process.cwd());
    return {
        root,
        configFile: options.configFile,
        specsDir: resolve(root, options.specs ?? 'specs'),
        outDir: resolve(root, options.out ?? 'generated'),
        adaptersDir: resolve(root, options.adapters ?? 'adapters'),
        docsOutDir: options.docsOut === undefined ? undefined : resolve(root, options.docsOut),
        templateDirs: (options.templates ?? []).map((dir) => resolve(root, dir)),
        artifacts: options.artifacts,
        runtimeImport: options.runtimeImport ?? RUNTIME_PACKAGE,
        packages: options.packages ?? [],
        mode: options.mode ?? 'write',
        cache: options.cache ?? true,
        workers: options.workers ?? 'auto',
    };
}
/** The output folders and which emitted paths each receives (docs first, when they have their own). */
export function outputTargets(options) {
    return options.docsOutDir ? [{ prefix: 'docs/', dir: options.docsOutDir }, { prefix: '', dir: options.outDir }] : [{ prefix: '', dir: options.outDir }];
}
export function absoluteOutputPath(options, path) {
    const target = outputTargets(options).find((t) => path.startsWith(t.prefix));
    return join(target.dir, path.slice(target.prefix.length));
}
//# sourceMappingURL=options.js.map