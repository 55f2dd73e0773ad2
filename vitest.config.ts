import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the packages by name and run their sources: the same mapping the type-check uses
// (tsconfig.json `paths`), so one module instance serves a test and the code it exercises. The CLI
// the tests spawn runs the compiled packages, as users do (`npm test` builds first).
const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
  compilerOptions: { paths: Record<string, [string]> };
};
const alias = Object.entries(tsconfig.compilerOptions.paths)
  // Longest first: `@contractgen/runtime/ajv` must not be taken for `@contractgen/runtime` + `/ajv`.
  .sort(([a], [b]) => b.length - a.length)
  .map(([name, [source]]) => ({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: fileURLToPath(new URL(source, import.meta.url)) }));

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'],
    // Several suites spawn the CLI and the TypeScript compiler: allow for a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Fork per file: suites start local servers and child processes.
    pool: 'forks',
    // Two files at a time, also on 2 cores (vitest's default there is one): most files spend their
    // time waiting on child processes (the CLI, tsc, npm), so one file at a time left a core idle.
    maxWorkers: 2,
  },
});
