/** Whether `path` lies strictly below `folder` (after resolving `..`; symlinks are the caller's business). */
export declare function isInsideFolder(path: string, folder: string): boolean;
//# sourceMappingURL=inside.d.ts.map