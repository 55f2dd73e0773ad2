import { isAbsolute, relative, sep } from 'node:path';

/** Relative to the project root (`../` included), `/`-separated: the same on every machine. */
export function displayPath(file: string, root: string): string {
  const rel = relative(root, file);
  // Another drive (Windows) has no relative path.
  return (isAbsolute(rel) ? file : rel).split(sep).join('/');
}
