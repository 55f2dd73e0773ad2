/**
 * Which files a run reads: the spec files of the installed spec packages and of the project, and
 * the project's adapter files. Found once per run; the cache's fast path and the pipeline share it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectBoundary } from './input-boundary.js';
import { listInputFiles } from './list-inputs.js';
import { resolvePackages } from './packages.js';
export function discoverInputs(options) {
    const { packages, diagnostics } = resolvePackages(options.packages, options.root, options.configFile);
    const specFiles = [];
    const add = (into, listing) => {
        into.push(...listing.files);
        diagnostics.push(...listing.refused);
    };
    for (const pkg of packages) {
        if (!pkg.specsDir)
            continue;
        try {
            add(specFiles, discoverSpecFiles(pkg.specsDir));
        }
        catch (error) {
            diagnostics.push({ code: 'CG150', severity: 'error', file: pkg.manifest, message: `package "${pkg.name}": cannot read its specs folder (${errorCode(error)})` });
        }
    }
    try {
        add(specFiles, discoverSpecFiles(options.specsDir, { optional: packages.length > 0 }));
    }
    catch (error) {
        diagnostics.push({ code: 'CG103', severity: 'error', file: options.specsDir, message: `cannot read the specs folder (${errorCode(error)})` });
    }
    const adapterFiles = [];
    try {
        add(adapterFiles, discoverSpecFiles(options.adaptersDir, { optional: true }));
    }
    catch (error) {
        diagnostics.push({ code: 'CG103', severity: 'error', file: options.adaptersDir, message: `cannot read the adapters folder (${errorCode(error)})` });
    }
    return { packages, specFiles, adapterFiles, diagnostics, boundary: projectBoundary(options, packages.map((p) => p.dir)) };
}
/**
 * TypeScript sources below a folder, in a stable order; declarations and tests are not specs. A
 * subfolder with a package.json of its own is another package (its adapters and specs come
 * through `packages`), so it is not read as part of this one. Symlinks that leave the folder and
 * special files are refused (list-inputs.ts).
 */
export function discoverSpecFiles(dir, options = {}) {
    try {
        return listInputFiles(dir, {
            wanted: (name) => /\.(m|c)?ts$/.test(name) && !/\.d\.(m|c)?ts$/.test(name) && !/\.(test|spec)\.(m|c)?ts$/.test(name),
            skipName: (name) => name.startsWith('.') || name === 'node_modules',
            skipFolder: (path) => existsSync(join(path, 'package.json')),
        });
    }
    catch (error) {
        if (options.optional && error.code === 'ENOENT')
            return { files: [], refused: [] };
        throw error;
    }
}
function errorCode(error) {
    return error.code ?? error.message;
}
//# sourceMappingURL=discover.js.map