import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Source files (specs, adapters): TypeScript sources below the specs folder, in a stable order; declarations and tests are not specs. */
export function discoverSpecFiles(specsDir: string, options: { optional?: boolean } = {}): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m|c)?ts$/.test(entry.name) && !/\.d\.(m|c)?ts$/.test(entry.name) && !/\.(test|spec)\.(m|c)?ts$/.test(entry.name)) files.push(path);
    }
  };
  try {
    walk(specsDir);
  } catch (error) {
    if (!(options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
  }
  return files;
}
