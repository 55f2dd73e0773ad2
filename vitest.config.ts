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

/**
 * The runtime's and the adapters' own tests (in process, each cleaning up what it starts) share
 * their processes: a fresh process per file spent more CPU importing the runtime, the Twilio SDK and
 * vitest itself than running the file. Not the SDK's first-load test, which needs a process that has
 * not loaded the SDK yet, nor the generator's files, which set probes and environment variables.
 */
const SHARED_PROCESS = ['test/runtime/**/*.test.ts', 'test/adapters/!(twilio-sdk-load).test.ts', 'test/twilio/**/*.test.ts', 'test/redis/**/*.test.ts'];
const EXCLUDE = ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { extends: true, test: { name: 'library', include: SHARED_PROCESS, exclude: EXCLUDE, isolate: false } },
      { extends: true, test: { name: 'generator', include: ['test/**/*.test.ts'], exclude: [...EXCLUDE, ...SHARED_PROCESS] } },
    ],
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
