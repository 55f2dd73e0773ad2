/**
 * Which files a run reads: the spec files of the installed spec packages and of the project, and
 * the project's adapter files. Found once per run; the cache's fast path and the pipeline share it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackages } from './packages.js';
export function discoverInputs(options) {
    const { packages, diagnostics } = resolvePackages(options.packages, options.root, options.configFile);
    const specFiles = [];
    for (const pkg of packages) {
        if (!pkg.specsDir)
            continue;
        try {
            specFiles.push(...discoverSpecFiles(pkg.specsDir));
        }
        catch (error) {
            diagnostics.push({ code: 'CG150', severity: 'error', file: pkg.manifest, message: `package "${pkg.name}": cannot read its specs folder (${errorCode(error)})` });
        }
    }
    try {
        specFiles.push(...discoverSpecFiles(options.specsDir, { optional: packages.length > 0 }));
    }
    catch (error) {
        diagnostics.push({ code: 'CG103', severity: 'error', file: options.specsDir, message: `cannot read the specs folder (${errorCode(error)})` });
    }
    let adapterFiles = [];
    try {
        adapterFiles = discoverSpecFiles(options.adaptersDir, { optional: true });
    }
    catch (error) {
        diagnostics.push({ code: 'CG103', severity: 'error', file: options.adaptersDir, message: `cannot read the adapters folder (${errorCode(error)})` });
    }
    return { packages, specFiles, adapterFiles, diagnostics };
}
/**
 * TypeScript sources below a folder, in a stable order; declarations and tests are not specs. A
 * subfolder with a package.json of its own is another package (its adapters and specs come
 * through `packages`), so it is not read as part of this one.
 */
export function discoverSpecFiles(dir, options = {}) {
    const files = [];
    const walk = (folder, top) => {
        if (!top && existsSync(join(folder, 'package.json')))
            return;
        for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules')
                continue;
            const path = join(folder, entry.name);
            if (entry.isDirectory())
                walk(path, false);
            else if (/\.(m|c)?ts$/.test(entry.name) && !/\.d\.(m|c)?ts$/.test(entry.name) && !/\.(test|spec)\.(m|c)?ts$/.test(entry.name))
                files.push(path);
        }
    };
    try {
        walk(dir, true);
    }
    catch (error) {
        if (!(options.optional && error.code === 'ENOENT'))
            throw error;
    }
    return files;
}
function errorCode(error) {
    return error.code ?? error.message;
}
//# sourceMappingURL=discover.js.map