/** examples/monorepo, copied as a clean checkout has it, for the tests that install and build it (npm and pnpm). */
import { cpSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO } from './workspace.js';

export const MONOREPO_EXAMPLE = join(REPO, 'examples', 'monorepo');
/** What a developer's earlier run may have left in the example folder: never part of the copy. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'generated', 'package-lock.json']);

export function copyMonorepoExample(to: string): void {
  cpSync(MONOREPO_EXAMPLE, to, { recursive: true, filter: (source) => !relative(MONOREPO_EXAMPLE, source).split(sep).some((part) => NOT_COPIED.has(part)) });
}
