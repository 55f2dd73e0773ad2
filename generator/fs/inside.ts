import { isAbsolute, relative, resolve } from 'node:path';

/** Whether `path` lies strictly below `folder` (after resolving `..`; symlinks are the caller's business). */
export function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${'/'}`) && !rel.startsWith('..\\') && !isAbsolute(rel);
}
