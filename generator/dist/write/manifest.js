/**
 * The manifest: which files in the output folder contractgen wrote. Only files listed here are ever
 * removed, so a file placed by hand in the output folder is never deleted.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
export const MANIFEST_NAME = '.contractgen-manifest.json';
export function manifestContent(paths) {
    return JSON.stringify({ generator: 'contractgen', format: 1, files: [...paths].sort() }, null, 2) + '\n';
}
/** Files the previous run wrote; an unreadable or foreign manifest means "none" (so nothing is deleted). */
export function readManifest(outDir) {
    let text;
    try {
        text = readFileSync(join(outDir, MANIFEST_NAME), 'utf8');
    }
    catch {
        return { files: [] };
    }
    try {
        const parsed = JSON.parse(text);
        if (parsed.generator !== 'contractgen' || !Array.isArray(parsed.files))
            throw new Error('not a contractgen manifest');
        return { files: parsed.files.filter((f) => typeof f === 'string' && isInside(f)) };
    }
    catch (error) {
        return { files: [], problem: `ignored ${MANIFEST_NAME}: ${error.message}; no stale file will be removed this run` };
    }
}
/** A relative path that stays inside the output folder. */
export function isInside(path) {
    if (isAbsolute(path) || path.includes('\\') || path.includes('\0'))
        return false;
    const normal = normalize(path);
    return normal === path && !normal.startsWith('..') && normal !== '.';
}
//# sourceMappingURL=manifest.js.map