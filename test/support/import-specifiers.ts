/**
 * The module specifiers a TypeScript file loads: static imports and re-exports, `import type`,
 * dynamic `import("...")` and `require("...")`, as the TypeScript scanner reads them (so a string
 * in generated validator code that merely looks like an import is not one).
 */
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

export function importSpecifiers(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((imported) => imported.fileName);
}
